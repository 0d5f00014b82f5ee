package dev.sora4j.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.prompt.PromptFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardrailsTest {
    private static final Guardrails GUARD = Guardrails.defaults();

    private static Guardrails rules(Category c, String... phrases) {
        Guardrails.Builder b = Guardrails.builder();
        for (String p : phrases) {
            b.addRule(c, p);
        }
        return b.build();
    }

    @Test
    void a_hit_quotes_the_words_as_written_with_field_rule_and_source() {
        Verdict v = GUARD.check("dialogue", "He said: \"I met Barack  OBAMA yesterday\"");
        assertThat(v.hits()).hasSize(1);
        Hit h = v.hits().get(0);
        assertThat(h.category()).isEqualTo(Category.PUBLIC_FIGURE);
        assertThat(h.matched()).isEqualTo("Barack  OBAMA");
        assertThat(h.rule()).isEqualTo("barack obama");
        assertThat(h.field()).isEqualTo("dialogue");
        assertThat(h.source()).isEqualTo("sora4j:public-figures.txt");
        assertThat(v.refusalLine())
                .isEqualTo("real person or public figure: \"Barack  OBAMA\" (dialogue) - "
                        + Category.PUBLIC_FIGURE.hint());
    }

    @Test
    void matches_whole_words_only() {
        Guardrails g = rules(Category.ADULT, "meth");
        assertThat(g.check("prompt", "methane bubbles in a swamp").isAllowed()).isTrue();
        assertThat(g.check("prompt", "a meth lab").isAllowed()).isFalse();
    }

    @Test
    void ignores_case_and_accents_and_folds_letters_that_do_not_decompose() {
        Guardrails g = rules(Category.PUBLIC_FIGURE, "Beyoncé", "Strauss");
        assertThat(g.check("p", "BEYONCE on stage").isAllowed()).isFalse();
        assertThat(g.check("p", "beyoncé on stage").isAllowed()).isFalse();
        assertThat(g.check("p", "Johann Strauß waltz").isAllowed()).isFalse();
    }

    @Test
    void matches_plurals_possessives_and_hyphen_space_joined_variants() {
        Guardrails g = rules(Category.FRANCHISE, "spider-man", "smurf", "pony");
        assertThat(g.check("p", "Spider-Man").isAllowed()).isFalse();
        assertThat(g.check("p", "spider man").isAllowed()).isFalse();
        assertThat(g.check("p", "SPIDERMAN").isAllowed()).isFalse();
        assertThat(g.check("p", "Spider-Man's web").hits().get(0).matched()).isEqualTo("Spider-Man");
        assertThat(g.check("p", "three Smurfs").isAllowed()).isFalse();
        assertThat(g.check("p", "two ponies").isAllowed()).isFalse();
        assertThat(g.check("p", "a spider and a man").isAllowed()).isTrue();
    }

    @Test
    void an_allowed_phrase_cancels_only_the_hits_it_covers() {
        Guardrails g = Guardrails.builder()
                .addRule(Category.PUBLIC_FIGURE, "jordan")
                .addRule(Category.PUBLIC_FIGURE, "michael jordan")
                .addAllow("jordan river")
                .build();
        assertThat(g.check("p", "the Jordan River at dawn").isAllowed()).isTrue();
        assertThat(g.check("p", "Jordan at dawn").isAllowed()).isFalse();
        assertThat(g.check("p", "Michael Jordan river rafting").hits())
                .extracting(Hit::matched)
                .containsExactly("Michael Jordan");
    }

    @Test
    void a_shorter_hit_inside_a_longer_one_of_the_same_category_is_not_repeated() {
        Guardrails g = rules(Category.FRANCHISE, "mickey", "mickey mouse");
        assertThat(g.check("p", "Mickey Mouse waves").hits())
                .extracting(Hit::matched)
                .containsExactly("Mickey Mouse");
    }

    @Test
    void a_context_entry_matches_only_right_after_a_context_phrase(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("music.txt");
        Files.writeString(f, "# context: playing, in the style of\n~imagine\n");
        Guardrails g = Guardrails.builder().addFile(f).build();
        assertThat(g.check("p", "imagine a forest").isAllowed()).isTrue();
        assertThat(g.check("p", "a kid playing in a forest, imagine that").isAllowed())
                .isTrue();
        assertThat(g.check("p", "a pianist playing Imagine").categories()).containsExactly(Category.MUSIC);
        assertThat(g.check("p", "a pianist playing the Imagine song").isAllowed())
                .isFalse();
        assertThat(g.check("p", "a ballad in the style of imagine").isAllowed()).isFalse();
    }

    @Test
    void user_files_add_rules_and_allow_phrases_by_file_name_or_header(@TempDir Path home) throws IOException {
        Path dir = Files.createDirectories(home.resolve("guardrails"));
        Files.writeString(dir.resolve("franchises.txt"), "# my studio's characters\nCaptain Comet\n");
        Files.writeString(dir.resolve("brands.txt"), "# category: public-figures\nJane Example\n");
        Files.writeString(dir.resolve("allow.txt"), "stripper pole dance class\n");
        Guardrails g = Guardrails.forHome(home);
        assertThat(g.check("p", "captain comet flies").categories()).containsExactly(Category.FRANCHISE);
        assertThat(g.check("p", "jane example smiles").categories()).containsExactly(Category.PUBLIC_FIGURE);
        assertThat(g.check("p", "Barack Obama").isAllowed()).isFalse();
        assertThat(g.check("p", "a stripper pole dance class").isAllowed()).isTrue();
        assertThat(g.check("p", "Captain Comet").hits().get(0).source())
                .isEqualTo(dir.resolve("franchises.txt").toString());
    }

    @Test
    void a_missing_user_directory_adds_nothing() {
        assertThat(Guardrails.forHome(Path.of("/nonexistent/sora4j-home")).ruleCount(Category.ADULT))
                .isEqualTo(GUARD.ruleCount(Category.ADULT));
    }

    @Test
    void an_unknown_category_is_a_configuration_error_naming_the_file(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("brands.txt");
        Files.writeString(f, "Acme\n");
        assertThatThrownBy(() -> Guardrails.builder().addFile(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("unknown category 'brands'")
                .hasMessageContaining("public-figures, franchises, music, adult or allow");
    }

    @Test
    void context_entries_need_a_context_header(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("music.txt");
        Files.writeString(f, "~hello\n");
        assertThatThrownBy(() -> Guardrails.builder().addFile(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("# context:");
    }

    @Test
    void checks_every_augmentation_field_by_its_key() {
        PromptFields fields = PromptFields.none()
                .overriddenBy(new PromptFields(
                        null,
                        "a calm lake",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "a band playing Wonderwall",
                        "Hi, I am Darth Vader",
                        null,
                        null,
                        null,
                        null));
        Verdict v = GUARD.check(GuardText.of(fields));
        assertThat(v.hits()).extracting(Hit::field).containsExactly("audio", "dialogue");
        assertThat(v.categories()).containsExactly(Category.MUSIC, Category.FRANCHISE);
    }

    @Test
    void a_batch_is_checked_as_a_whole_and_hits_name_their_line() {
        Verdict v = GUARD.checkLines(List.of(
                List.of(GuardText.of("prompt", "a paper boat")),
                List.of(GuardText.of("prompt", "a lighthouse")),
                List.of(GuardText.of("prompt", "Pikachu at sea"))));
        assertThat(v.hits()).extracting(Hit::field).containsExactly("line 3: prompt");
    }

    @Test
    void require_throws_an_invalid_request_with_the_verdict() {
        assertThatThrownBy(() -> GUARD.require(List.of(GuardText.of("prompt", "Batman and Robin"))))
                .isInstanceOf(InvalidRequestException.class)
                .isInstanceOfSatisfying(ContentRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("prompt");
                    assertThat(e.verdict().categories()).containsExactly(Category.FRANCHISE);
                    assertThat(e.getMessage()).startsWith("copyrighted character or franchise: \"Batman");
                });
        GUARD.require(List.of(GuardText.of("prompt", "a paper boat on a pond")));
    }
}
