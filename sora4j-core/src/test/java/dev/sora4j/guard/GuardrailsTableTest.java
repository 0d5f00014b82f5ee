package dev.sora4j.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The acceptance table: prompts the default rules refuse, each with its category, and harmless look-alikes. */
class GuardrailsTableTest {
    private static final Guardrails GUARD = Guardrails.defaults();

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @CsvFileSource(resources = "/guardrail-table/refused.csv", delimiter = '|')
    void refuses_with_the_right_category(String prompt, Category expected) {
        Verdict v = GUARD.check("prompt", prompt);
        assertThat(v.isAllowed()).as(prompt).isFalse();
        assertThat(v.categories()).as(prompt + " -> " + v.refusalLine()).contains(expected);
        assertThat(v.refusalLine()).contains(expected.label()).contains(expected.hint());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("harmless")
    void lets_harmless_prompts_through(String prompt) {
        Verdict v = GUARD.check("prompt", prompt);
        assertThat(v.hits()).as(prompt + " -> " + v.refusalLine()).isEmpty();
    }

    /** The harmless prompts of the table, one a line ({@code #} lines are comments). */
    static Stream<String> harmless() throws IOException {
        return lines("/guardrail-table/harmless.txt").stream();
    }

    /** The refused prompts of the table. */
    static List<String> refused() throws IOException {
        return lines("/guardrail-table/refused.csv").stream()
                .map(l -> l.substring(0, l.indexOf('|')).strip())
                .toList();
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = GuardrailsTableTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
    }

    @Test
    void the_default_lists_hold_hundreds_of_entries_per_category() {
        for (Category c : Category.values()) {
            assertThat(GUARD.ruleCount(c)).as(c.name()).isGreaterThanOrEqualTo(180);
        }
        assertThat(GUARD.allowCount()).isPositive();
    }
}
