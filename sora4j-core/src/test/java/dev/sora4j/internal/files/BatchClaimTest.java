package dev.sora4j.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchClaimTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T14:02:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void a_second_claim_on_the_same_out_dir_is_refused_naming_the_holder_until_the_first_is_released() {
        Path claims = dir.resolve("claims");
        try (BatchClaim first = BatchClaim.acquire(claims, dir.resolve("jobs.jsonl"), dir.resolve("out"), clock)) {
            assertThat(first).isNotNull();
            assertThatThrownBy(() ->
                            BatchClaim.acquire(claims, dir.resolve("other.jsonl"), dir.resolve("x/../out"), clock))
                    .isInstanceOf(BatchClaim.BatchBusyException.class)
                    .hasMessageContaining("batch jobs.jsonl → " + dir.resolve("out"))
                    .hasMessageContaining(
                            "is being run by pid " + ProcessHandle.current().pid())
                    .hasMessageNotContaining("\n");
            // Another output directory is another claim.
            try (BatchClaim other = BatchClaim.acquire(claims, dir.resolve("jobs.jsonl"), dir.resolve("out2"), clock)) {
                assertThat(other).isNotNull();
            }
        }
        try (BatchClaim again = BatchClaim.acquire(claims, dir.resolve("jobs.jsonl"), dir.resolve("out"), clock)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void the_stale_claim_of_a_dead_process_is_taken_over() throws Exception {
        Path claims = dir.resolve("claims");
        // What a SIGKILLed run leaves behind: its lock file and owner note, but no lock (the kernel dropped it).
        try (BatchClaim crashed = BatchClaim.acquire(claims, dir.resolve("jobs.jsonl"), dir.resolve("out"), clock)) {
            assertThat(crashed).isNotNull();
        }
        try (var files = Files.list(claims)) {
            Path lock = files.filter(f -> f.toString().endsWith(".lock"))
                    .findFirst()
                    .orElseThrow();
            Files.writeString(
                    lock.resolveSibling(lock.getFileName().toString().replace(".lock", ".owner")),
                    "999999999\nelsewhere\n0\n/gone/jobs.jsonl\n");
        }
        try (BatchClaim next = BatchClaim.acquire(claims, dir.resolve("jobs.jsonl"), dir.resolve("out"), clock)) {
            assertThat(next).isNotNull();
        }
    }
}
