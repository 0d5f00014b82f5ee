package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.errors.ApiException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ErrorTextTest {
    private static CliContext context(Map<String, String> env) {
        Properties system = new Properties();
        system.setProperty("user.home", "/nonexistent");
        return new CliContext(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                env,
                system,
                Clock.systemUTC(),
                d -> {},
                false);
    }

    @Test
    void a_failure_at_openais_default_endpoint_says_the_api_was_removed() {
        GlobalOptions global = new GlobalOptions();
        CliContext ctx = context(Map.of());
        ApiException refused = ApiException.builder()
                .status(0)
                .message("Could not reach the service")
                .build();
        ApiException notFound =
                ApiException.builder().status(404).message("Not found").build();
        assertThat(ErrorText.hint(refused, ctx, global))
                .contains("removed on 2026-09-24")
                .contains("--offline");
        assertThat(ErrorText.hint(notFound, ctx, global)).contains("removed on 2026-09-24");
        assertThat(ErrorText.hint(
                        ApiException.builder().status(400).message("bad").build(), ctx, global))
                .isEmpty();
    }

    @Test
    void a_gateway_404_hints_a_missing_v1_and_nothing_about_openai() {
        GlobalOptions global = new GlobalOptions();
        CliContext ctx = context(Map.of("OPENAI_BASE_URL", "http://localhost:4000"));
        String hint = ErrorText.hint(
                ApiException.builder().status(404).message("Not Found").build(), ctx, global);
        assertThat(hint).contains("you probably mean http://localhost:4000/v1").doesNotContain("2026-09-24");
    }

    @Test
    void clean_drops_a_doubled_prefix_and_redacts_the_base_url() {
        GlobalOptions global = new GlobalOptions();
        global.baseUrl = "https://me:sk-secret@gw.example/v1";
        String cleaned =
                ErrorText.clean("Error: Could not reach https://me:sk-secret@gw.example/v1", context(Map.of()), global);
        assertThat(cleaned).isEqualTo("Could not reach https://***@gw.example/v1");
    }
}
