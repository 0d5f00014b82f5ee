package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.Dialect;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance 3 of issue 12: {@code sora doctor --base-url URL}, with no provider configured, names
 * the dialect of the emulator it probes, for each of the eight dialects; and it sends only GETs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DoctorIT {
    @TempDir
    Path home;

    private Emulator start(Dialect dialect) {
        return Emulator.start(
                EmulatorConfig.defaults(home.resolve("emu-" + dialect.cliName()))
                        .withClock(new ManualClock(Instant.parse("2026-12-02T09:00:00Z")))
                        .withRenderMode(RenderMode.FAST)
                        .withDialect(dialect),
                0);
    }

    private CliRun sora(Map<String, String> env) {
        return new CliRun(env, java.time.Clock.systemUTC(), d -> {});
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai", "litellm", "vllm-omni", "sglang", "trtllm", "azure", "openrouter", "new-api"})
    void names_the_dialect_it_probes(String name) {
        Dialect dialect = Dialect.parse(name).orElseThrow();
        try (Emulator emulator = start(dialect)) {
            CliRun run = sora(Map.of("SORA4J_HOME", home.toString(), "OPENAI_API_KEY", "sk-doctor-secret"));
            CliRun.Result text = run.run("doctor", "--base-url", emulator.baseUrl());
            assertThat(text.code()).as(text.out() + text.err()).isZero();
            assertThat(text.out())
                    .as(text.out())
                    .contains("Dialect:   " + name + " (")
                    .contains("--provider " + name + " --base-url " + emulator.baseUrl())
                    .doesNotContain("sk-doctor-secret");
            assertThat(text.err()).doesNotContain("sk-doctor-secret");

            CliRun.Result json = run.run("doctor", "--base-url", emulator.baseUrl(), "--json");
            assertThat(json.code()).as(json.err()).isZero();
            Map<String, Object> report = Json.parse(json.out());
            assertThat(report).containsEntry("reachable", true).containsEntry("verdict", "ok");
            @SuppressWarnings("unchecked")
            Map<String, Object> guess = (Map<String, Object>) report.get("guess");
            assertThat(guess).containsEntry("provider", name);
            assertThat(json.out()).doesNotContain("sk-doctor-secret");

            // GET only: the probes created nothing, and no route but GET was asked.
            assertThat(emulator.jobsCreated()).isZero();
            @SuppressWarnings("unchecked")
            Map<String, Long> requests = (Map<String, Long>) emulator.stats().get("requests");
            assertThat(requests.keySet())
                    .isNotEmpty()
                    .allSatisfy(route -> assertThat(route).startsWith("GET "));
        }
    }

    @Test
    void a_refused_key_is_exit_4_and_names_the_variable() {
        try (Emulator emulator = start(Dialect.LITELLM)) {
            CliRun.Result r =
                    sora(Map.of("SORA4J_HOME", home.toString())).run("doctor", "--base-url", emulator.baseUrl());
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.CONFIG);
            assertThat(r.out()).contains("no key: none of OPENAI_API_KEY is set");
            assertThat(r.err()).contains("refused").contains("LITELLM_API_KEY");
        }
    }

    @Test
    void nothing_listening_is_exit_3() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun.Result r = sora(Map.of("SORA4J_HOME", home.toString(), "OPENAI_API_KEY", "sk-x"))
                .run("doctor", "--base-url", "http://127.0.0.1:" + port + "/v1", "--probe-timeout", "5");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(r.out()).contains("NOT reachable").contains("connection refused");
        assertThat(r.err()).contains("did not answer");
    }

    @Test
    void an_unknown_provider_is_exit_2_with_a_suggestion() {
        CliRun.Result r = sora(Map.of("SORA4J_HOME", home.toString()))
                .run("--provider", "litelm", "doctor", "--base-url", "http://127.0.0.1:9/v1");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("litelm").contains("did you mean litellm");
        assertThat(List.of(r.out())).allSatisfy(o -> assertThat(o).isEmpty());
    }
}
