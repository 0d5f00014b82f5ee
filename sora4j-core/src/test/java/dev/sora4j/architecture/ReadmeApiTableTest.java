package dev.sora4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README's "Library" table names exactly the core's public packages (everything but {@code internal}). */
class ReadmeApiTableTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(dev\\.sora4j[a-z.]*)` \\|", Pattern.MULTILINE);

    @Test
    void the_readme_lists_every_public_package_and_no_other() throws IOException {
        String readme = Files.readString(MODULE.resolveSibling("README.md"), StandardCharsets.UTF_8);
        String library = readme.substring(readme.indexOf("## Library"));
        library = library.substring(0, library.indexOf("\n## ", 3));
        Set<String> listed = new TreeSet<>();
        Matcher m = TABLE_ROW.matcher(library);
        while (m.find()) {
            listed.add(m.group(1));
        }
        Path sources = MODULE.resolve("src/main/java");
        Set<String> packages;
        try (Stream<Path> files = Files.walk(sources)) {
            packages = files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> sources.relativize(p.getParent()).toString().replace('/', '.'))
                    .filter(p -> !p.equals("dev.sora4j.internal") && !p.startsWith("dev.sora4j.internal."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(listed).as("packages in README's Library table").isEqualTo(packages);
    }
}
