package dev.sora4j.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.ConfigException;
import dev.sora4j.model.JobStatus;
import dev.sora4j.model.VideoJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's semantics, run against every implementation: {@link SqliteLedgerTest} (a file) and
 * {@link PostgresLedgerIT} (a real PostgreSQL server). Each test gets a fresh, empty ledger.
 */
abstract class LedgerContract {
    protected final Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** Opens (creating and migrating if needed) this test's ledger for {@code user}. */
    abstract JdbcLedger open(String user);

    /** Marks this test's ledger as written by a newer sora4j (schema version 99). */
    abstract void pretendNewerSchema() throws Exception;

    static Intent intent(String prompt) {
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

    static VideoJob completed(String id) {
        return new VideoJob(
                id, "sora-2", JobStatus.of("completed"), 100, 0, null, null, "a", "1280x720", "4", null, null, "{}");
    }

    @Test
    void records_intent_then_id_status_and_download_and_resolves_references() {
        try (JdbcLedger ledger = open("ann")) {
            long first = ledger.intent(intent("a"));
            assertThat(ledger.find("@" + first).orElseThrow().status()).isEqualTo("sending");
            ledger.created(first, "video_1", "queued");
            long second = ledger.intent(intent("b"));
            ledger.uncertain(second, "no response");
            ledger.status(completed("video_1"));
            ledger.downloaded("video_1", dir.resolve("a.mp4"), 123, "abc");

            LedgerEntry a = ledger.find("video_1").orElseThrow();
            assertThat(a.status()).isEqualTo("completed");
            assertThat(a.progress()).isEqualTo(100);
            assertThat(a.downloadSha256()).isEqualTo("abc");
            assertThat(a.downloadSize()).isEqualTo(123L);
            assertThat(a.estimatedCost()).isEqualTo(0.4);
            assertThat(a.createdAt()).isEqualTo(clock.millis());
            assertThat(ledger.find("@last").orElseThrow().videoId()).isEqualTo("video_1");
            assertThat(ledger.knownIds()).containsExactly("video_1");
            assertThat(ledger.list("unknown", 10)).extracting(LedgerEntry::seq).containsExactly(second);
            assertThat(ledger.list(null, 10)).extracting(LedgerEntry::seq).containsExactly(second, first);
            assertThat(ledger.batch("batch-1")).hasSize(2);
            assertThat(ledger.events(first)).hasSize(3);
            assertThat(ledger.find("@nope")).isEmpty();
            assertThat(ledger.find("video_missing")).isEmpty();
        }
        // Reopening keeps everything: the schema is migrated once.
        try (JdbcLedger again = open("ann")) {
            assertThat(again.list(null, 10)).hasSize(2);
        }
    }

    @Test
    void refused_not_sent_and_adopted_entries_keep_their_story() {
        try (JdbcLedger ledger = open("ann")) {
            long refused = ledger.intent(intent("r"));
            ledger.refused(refused, "400: bad size");
            long notSent = ledger.intent(intent("n"));
            ledger.notSent(notSent, "connection refused");
            long adopted = ledger.intent(intent("u"));
            ledger.uncertain(adopted, "timeout");
            ledger.adopt(adopted, "video_9", "in_progress");

            assertThat(ledger.find("@" + refused).orElseThrow().error()).isEqualTo("400: bad size");
            assertThat(ledger.find("@" + notSent).orElseThrow().status()).isEqualTo("not_sent");
            LedgerEntry a = ledger.find("video_9").orElseThrow();
            assertThat(a.seq()).isEqualTo(adopted);
            assertThat(a.status()).isEqualTo("in_progress");
            assertThat(a.error()).isNull();
            assertThat(ledger.events(adopted))
                    .extracting(e -> e.split(" ")[1])
                    .containsExactly("intent", "unknown", "adopted");
        }
    }

    @Test
    void runs_are_upserted_finished_and_forgotten() {
        try (JdbcLedger ledger = open("ann")) {
            ledger.runStarted("k1", "{\"args\":[1]}");
            ledger.runStarted("k2", "{\"args\":[2]}");
            ledger.runStarted("k1", "{\"args\":[1,1]}");
            assertThat(ledger.unfinishedRuns()).containsExactlyInAnyOrder("{\"args\":[1,1]}", "{\"args\":[2]}");
            assertThat(ledger.unfinishedRunRecords())
                    .extracting(RunRecord::batchKey)
                    .contains("k1", "k2");
            ledger.runFinished("k1");
            assertThat(ledger.unfinishedRuns()).containsExactly("{\"args\":[2]}");
            ledger.forgetRun("k2");
            assertThat(ledger.unfinishedRuns()).isEmpty();
        }
    }

    @Test
    void a_started_download_is_pending_until_it_ends() {
        try (JdbcLedger ledger = open("ann")) {
            long seq = ledger.intent(intent("d"));
            ledger.created(seq, "video_d", "completed");
            Path target = dir.resolve("d.mp4");
            ledger.downloadStarted("video_d", "video", target);
            assertThat(ledger.pendingDownloads()).hasSize(1);
            assertThat(ledger.pendingDownloads().get(0).videoId()).isEqualTo("video_d");
            ledger.downloadEnded("video_d", "video", target);
            assertThat(ledger.pendingDownloads()).isEmpty();
        }
    }

    @Test
    void last_is_per_user_on_a_shared_ledger_while_the_list_shows_everyone() {
        try (JdbcLedger ann = open("ann");
                JdbcLedger bob = open("bob")) {
            long a = ann.intent(intent("ann's"));
            ann.created(a, "video_ann", "queued");
            long b = bob.intent(intent("bob's"));
            bob.created(b, "video_bob", "queued");

            assertThat(ann.find("@last").orElseThrow().videoId()).isEqualTo("video_ann");
            assertThat(bob.find("@last").orElseThrow().videoId()).isEqualTo("video_bob");
            // Both see each other's writes at once: one ledger, not two copies.
            assertThat(ann.list(null, 10)).extracting(LedgerEntry::videoId).containsExactly("video_bob", "video_ann");
            assertThat(bob.knownIds()).containsExactlyInAnyOrder("video_ann", "video_bob");
        }
        try (JdbcLedger carol = open("carol")) {
            assertThat(carol.find("@last")).isEmpty();
        }
    }

    @Test
    void a_ledger_from_a_newer_sora4j_is_refused_with_the_fix() throws Exception {
        open("ann").close();
        pretendNewerSchema();
        assertThatThrownBy(() -> open("ann")).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.getMessage()).contains("schema version 99").contains("point ledger elsewhere");
            // A front end names the setting its own way.
            assertThat(e.message(field -> "--" + field)).contains("--ledger");
        });
    }
}
