package dev.sora4j.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.ConfigException;
import dev.sora4j.model.JobStatus;
import dev.sora4j.model.VideoJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerTest {
    @TempDir
    Path dir;

    private static Intent intent(String prompt) {
        return new Intent(
                "create",
                "hash-" + prompt,
                "{\"prompt\":\"" + prompt + "\"}",
                prompt,
                "sora-2",
                "1280x720",
                "4",
                "guide",
                "openai",
                "http://127.0.0.1/v1",
                0.4,
                "batch-1",
                3);
    }

    @Test
    void records_intent_then_id_status_and_download_and_resolves_references() throws Exception {
        Path file = dir.resolve("sub/ledger.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, Clock.systemUTC())) {
            long first = ledger.intent(intent("a"));
            assertThat(ledger.find("@" + first).orElseThrow().status()).isEqualTo("sending");
            ledger.created(first, "video_1", "queued");
            long second = ledger.intent(intent("b"));
            ledger.uncertain(second, "no response");
            ledger.status(new VideoJob(
                    "video_1",
                    "sora-2",
                    JobStatus.of("completed"),
                    100,
                    0,
                    null,
                    null,
                    "a",
                    "1280x720",
                    "4",
                    null,
                    null,
                    "{}"));
            ledger.downloaded("video_1", dir.resolve("a.mp4"), 123, "abc");

            LedgerEntry a = ledger.find("video_1").orElseThrow();
            assertThat(a.status()).isEqualTo("completed");
            assertThat(a.progress()).isEqualTo(100);
            assertThat(a.downloadSha256()).isEqualTo("abc");
            assertThat(a.estimatedCost()).isEqualTo(0.4);
            assertThat(ledger.find("@last").orElseThrow().videoId()).isEqualTo("video_1");
            assertThat(ledger.knownIds()).containsExactly("video_1");
            assertThat(ledger.list("unknown", 10)).extracting(LedgerEntry::seq).containsExactly(second);
            assertThat(ledger.batch("batch-1")).hasSize(2);
            assertThat(ledger.events(first)).hasSize(3);
            ledger.runStarted("batch-1", "{\"args\":[]}");
            assertThat(ledger.unfinishedRuns()).containsExactly("{\"args\":[]}");
            ledger.runFinished("batch-1");
            assertThat(ledger.unfinishedRuns()).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        // Reopening keeps everything: the schema is migrated once.
        try (SqliteLedger again = SqliteLedger.open(file, Clock.systemUTC())) {
            assertThat(again.list(null, 10)).hasSize(2);
        }
    }

    @Test
    void a_ledger_from_a_newer_sora4j_is_refused_with_the_fix() throws Exception {
        Path file = dir.resolve("future.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> SqliteLedger.open(file, Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.getMessage()).contains("schema version 99").contains("point ledger elsewhere");
                    // A front end names the setting its own way.
                    assertThat(e.message(field -> "--" + field)).contains("--ledger");
                });
    }
}
