package dev.sora4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The core's package rules, checked on its compiled classes with ArchUnit (an IT: importing the
 * classes takes seconds, more than a unit test may).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PackageStructureIT {
    private static final String ROOT = "dev.sora4j";
    // The module's own classes only: scanning the whole classpath for the package would also read the emulator.
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    @Test
    void no_package_has_more_than_15_classes() {
        Map<String, Long> perPackage = CORE.stream()
                .filter(c ->
                        c.getEnclosingClass().isEmpty() && !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
        assertThat(perPackage).isNotEmpty();
        assertThat(perPackage)
                .allSatisfy((pkg, count) ->
                        assertThat(count).as("classes in %s", pkg).isLessThanOrEqualTo(15));
    }

    @Test
    void packages_have_no_cycles() {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph).containsKeys(ROOT, ROOT + ".internal.calls", ROOT + ".batch");
        assertThat(cycles(graph)).as("package cycles").isEmpty();
    }

    @Test
    void only_the_sdk_adapter_imports_the_sdk() {
        Set<String> importers = new TreeSet<>();
        for (JavaClass c : CORE) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (d.getTargetClass().getPackageName().startsWith("com.openai")) {
                    importers.add(c.getPackageName());
                }
            }
        }
        assertThat(importers).containsExactly(ROOT + ".internal.openai");
    }

    @Test
    void public_api_signatures_never_mention_internal_types() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass c : CORE) {
            if (c.getPackageName().contains(".internal") || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaCodeUnit m : c.getCodeUnits()) {
                if (!m.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                }
                List<JavaClass> types = new ArrayList<>(m.getRawParameterTypes());
                types.add(m.getRawReturnType());
                types.addAll(m.getThrowsClause().getTypes());
                for (JavaClass type : types) {
                    if (type.getPackageName().startsWith(ROOT + ".internal")) {
                        leaks.add(m.getFullName() + " -> " + type.getName());
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** Package to the packages it depends on, inside the core. */
    private static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (JavaClass c : CORE) {
            Set<String> out = graph.computeIfAbsent(c.getPackageName(), k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if ((target.equals(ROOT) || target.startsWith(ROOT + "."))
                        && !target.equals(c.getPackageName())
                        && !target.startsWith(ROOT + ".emulator")) {
                    out.add(target);
                }
            }
        }
        return graph;
    }

    /** Strongly connected components with more than one package (Tarjan). */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, found, counter);
            }
        }
        return found;
    }

    private static void connect(
            String v,
            Map<String, Set<String>> graph,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<Set<String>> found,
            int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, found, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
