package dev.sora4j.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator's packages: small, and with dependencies pointing one way (ArchUnit reads the
 * compiled classes; an IT because loading it takes seconds).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ArchitectureIT {
    private static final JavaClasses MAIN = importMain();

    /** The emulator's main classes: target/classes under surefire, the module's jar under failsafe. */
    private static JavaClasses importMain() {
        try {
            Path location = Path.of(Emulator.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isRegularFile(location)) {
                try (JarFile jar = new JarFile(location.toFile())) {
                    return new ClassFileImporter().importJar(jar);
                }
            }
            return new ClassFileImporter().importPath(location);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().matching("dev.sora4j.emulator.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void only_the_root_composes_the_packages() {
        noClasses()
                .that()
                .resideInAPackage("dev.sora4j.emulator.*..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.sora4j.emulator")
                .check(MAIN);
    }

    @Test
    void no_package_has_more_than_fifteen_classes() {
        Map<String, Long> sizes = MAIN.stream()
                .filter(c ->
                        c.getEnclosingClass().isEmpty() && !c.getSimpleName().isEmpty())
                .collect(Collectors.groupingBy(JavaClass::getPackageName, Collectors.counting()));
        assertThat(sizes)
                .isNotEmpty()
                .allSatisfy((pkg, count) -> assertThat(count).as(pkg).isLessThanOrEqualTo(15));
    }
}
