package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The skill's shape (issue 15, acceptance 1): frontmatter, length, a link to every reference, no dead links. */
class SkillDocsTest {
    private static final Pattern FRONTMATTER = Pattern.compile("\\A---\\n(.*?)\\n---\\n", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void skill_md_has_valid_frontmatter_and_stays_under_500_lines() {
        String skill = DocsMarkdown.read(DocsMarkdown.SKILL.resolve("SKILL.md"));
        Matcher m = FRONTMATTER.matcher(skill);
        assertThat(m.find()).as("frontmatter").isTrue();
        List<String> lines = m.group(1).lines().toList();
        assertThat(lines).contains("name: sora");
        String description = lines.stream()
                .filter(l -> l.startsWith("description: "))
                .findFirst()
                .orElseThrow()
                .substring("description: ".length());
        assertThat(description).hasSizeBetween(100, 1023).contains("Use when");
        assertThat(skill.lines().count()).isLessThan(500);
    }

    @Test
    void skill_md_links_every_reference() throws IOException {
        String skill = DocsMarkdown.read(DocsMarkdown.SKILL.resolve("SKILL.md"));
        try (Stream<Path> refs = Files.list(DocsMarkdown.SKILL.resolve("references"))) {
            assertThat(refs.map(p -> "references/" + p.getFileName()))
                    .hasSizeGreaterThanOrEqualTo(10)
                    .allSatisfy(ref -> assertThat(skill).contains("](" + ref + ")"));
        }
    }

    @Test
    void every_relative_link_in_the_docs_resolves() {
        List<String> dead = new ArrayList<>();
        for (Path doc : DocsMarkdown.documents()) {
            Matcher m = LINK.matcher(DocsMarkdown.read(doc));
            while (m.find()) {
                String target = m.group(1);
                if (!target.contains("://") && !Files.exists(doc.resolveSibling(target))) {
                    dead.add(DocsMarkdown.ROOT.relativize(doc) + " -> " + target);
                }
            }
        }
        assertThat(dead).isEmpty();
    }
}
