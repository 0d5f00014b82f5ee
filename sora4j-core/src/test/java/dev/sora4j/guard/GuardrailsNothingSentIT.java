package dev.sora4j.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.SoraClient;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.ledger.SqliteLedger;
import dev.sora4j.model.VideoRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, acceptance 3 for the whole table: every refused prompt of {@code guardrail-table/refused.csv},
 * sent through a real client to a real emulator, leaves the emulator without a request and the
 * ledger without an entry.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GuardrailsNothingSentIT {
    @Test
    void no_refused_prompt_reaches_the_server_or_the_ledger(@TempDir Path dir) throws Exception {
        List<String> refused = GuardrailsTableTest.refused();
        assertThat(refused).hasSizeGreaterThanOrEqualTo(80);
        try (Emulator emulator = Emulator.start(
                        EmulatorConfig.defaults(dir.resolve("emu")).withRenderMode(RenderMode.FAST), 0);
                SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), Clock.systemUTC());
                SoraClient sora = SoraClient.builder()
                        .baseUrl(emulator.baseUrl())
                        .apiKey("test-key")
                        .ledger(ledger)
                        .build()) {
            for (String prompt : refused) {
                assertThatThrownBy(() -> sora.create(
                                VideoRequest.builder().prompt(prompt).build()))
                        .as(prompt)
                        .isInstanceOf(ContentRefusedException.class);
            }
            @SuppressWarnings("unchecked")
            Map<String, Long> requests = (Map<String, Long>) emulator.stats().get("requests");
            assertThat(requests.values().stream().mapToLong(Long::longValue).sum())
                    .as("requests the emulator saw: %s", requests)
                    .isZero();
            assertThat(ledger.list(null, 1000)).as("ledger entries").isEmpty();
        }
    }
}
