package dev.sora4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.SoraClient;
import dev.sora4j.ledger.Intent;
import dev.sora4j.ledger.SqliteLedger;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.spi.UnsupportedGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {
    @TempDir
    Path dir;

    @Test
    void user_info_query_and_fragment_are_hidden() {
        assertThat(Redact.baseUrl("https://bob:s3cret@gw.example:8443/v1?api-key=k123#x"))
                .isEqualTo("https://***@gw.example:8443/v1?***#***");
        assertThat(Redact.baseUrl("http://127.0.0.1:4010/v1")).isEqualTo("http://127.0.0.1:4010/v1");
        assertThat(Redact.baseUrl("not a url with @secret")).isEqualTo("not a url with ***");
        assertThat(Redact.baseUrl(null)).isNull();
    }

    @Test
    void the_ledger_stores_the_base_url_redacted() throws Exception {
        Path file = dir.resolve("ledger.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, Clock.systemUTC());
                SoraClient client = SoraClient.builder()
                        .baseUrl("https://bob:pa55word@gw.example/v1?api-key=topsecret")
                        .gateway(new UnsupportedGateway())
                        .ledger(ledger)
                        .build()) {
            try {
                client.create(VideoRequest.builder().prompt("a redaction test").build());
            } catch (UnsupportedOperationException expected) {
                // The fake gateway creates nothing; the intent is written first all the same.
            }
            assertThat(ledger.list(null, 1).get(0).baseUrl()).isEqualTo("https://***@gw.example/v1?***");
            ledger.intent(new Intent(
                    "create",
                    "h",
                    "{}",
                    "p",
                    null,
                    null,
                    null,
                    "guide",
                    "openai",
                    "https://u:p@h/v1?key=v",
                    null,
                    null,
                    0));
            assertThat(ledger.list(null, 1).get(0).baseUrl()).isEqualTo("https://***@h/v1?***");
        }
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("pa55word", "topsecret");
    }
}
