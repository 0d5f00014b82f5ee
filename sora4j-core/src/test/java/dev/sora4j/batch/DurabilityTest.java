package dev.sora4j.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.SoraClient;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.LedgerJournal;
import dev.sora4j.ledger.LedgerStatus;
import dev.sora4j.ledger.SqliteLedger;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.options.Sleeper;
import dev.sora4j.spi.ContentStream;
import dev.sora4j.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids are never lost, requests that never left cost nothing, and cut downloads stay resumable. */
class DurabilityTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-04T09:00:00Z"));

    private static VideoRequest request(String prompt) {
        return VideoRequest.builder()
                .prompt(prompt)
                .model("sora-2")
                .size("1280x720")
                .seconds("4")
                .build();
    }

    private static ApiException refusedConnection() {
        return ApiException.builder()
                .status(0)
                .message("Could not reach http://127.0.0.1:9/v1: Connection refused")
                .cause(new UncheckedIOException(new ConnectException("Connection refused")))
                .build();
    }

    /** A ledger whose created() fails like a full disk; everything else goes to {@code real}. */
    private static Ledger diskFullOnCreated(Ledger real) {
        return (Ledger) Proxy.newProxyInstance(
                Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class}, (p, m, a) -> {
                    if (m.getName().equals("created")) {
                        throw new SoraException("Ledger: [SQLITE_FULL] database or disk is full");
                    }
                    try {
                        return m.invoke(real, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void a_create_whose_ledger_write_fails_still_names_the_id_and_is_recorded_on_the_next_run() {
        Path journal = LedgerJournal.beside(dir.resolve("ledger.db"));
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), clock)) {
            BatchRunnerTest.ScriptedCreates gw = new BatchRunnerTest.ScriptedCreates();
            try (SoraClient client = SoraClient.builder()
                    .gateway(gw)
                    .ledger(new LedgerJournal(diskFullOnCreated(ledger), journal))
                    .build()) {
                assertThatThrownBy(() -> client.create(request("a paid job")))
                        .isInstanceOf(LedgerJournal.LedgerWriteException.class)
                        .hasMessageContaining("created video_1")
                        .hasMessageContaining("disk is full")
                        .hasMessageContaining("saved in " + journal);
            }
            assertThat(journal).content().contains("video_1");
            assertThat(ledger.find("video_1")).isEmpty();

            assertThat(LedgerJournal.replay(ledger, journal)).isEqualTo(1);
            LedgerEntry e = ledger.find("video_1").orElseThrow();
            assertThat(e.status()).isEqualTo("queued");
            assertThat(e.prompt()).isEqualTo("a paid job");
            assertThat(journal).doesNotExist();
            assertThat(LedgerJournal.replay(ledger, journal)).isZero();
        }
    }

    @Test
    void a_request_that_never_left_is_not_sent_costs_nothing_and_is_sent_again_without_searching_the_server() {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), clock)) {
            List<BatchJob> jobs = List.of(new BatchJob(1, 1, request("a lighthouse at dusk"), "001.json"));
            BatchRunnerTest.ScriptedCreates down = new BatchRunnerTest.ScriptedCreates();
            down.failures.put("a lighthouse at dusk", new ArrayList<>(List.of(refusedConnection())));
            List<BatchResult> first = run(down, ledger, jobs, null);
            assertThat(first.get(0).outcome()).isEqualTo(BatchResult.Outcome.FAILED);
            LedgerEntry e = ledger.list(null, 10).get(0);
            assertThat(e.status()).isEqualTo("not_sent");
            assertThat(LedgerStatus.spend(e)).isZero();

            // ScriptedCreates cannot list: a reconciliation search would fail this run. The budget is one job.
            BatchRunnerTest.ScriptedCreates up = new BatchRunnerTest.ScriptedCreates();
            double oneJob = e.estimatedCost();
            List<BatchResult> second = run(up, ledger, jobs, oneJob);
            assertThat(second.get(0).outcome()).as(second.get(0).error()).isEqualTo(BatchResult.Outcome.CREATED);
            assertThat(up.sent).containsExactly("a lighthouse at dusk");
        }
    }

    private List<BatchResult> run(
            BatchRunnerTest.ScriptedCreates gw, Ledger ledger, List<BatchJob> jobs, Double maxCost) {
        Sleeper sleeper = clock::advance;
        try (SoraClient client = SoraClient.builder()
                .gateway(gw)
                .ledger(ledger)
                .clock(clock)
                .sleeper(sleeper)
                .requestsPerMinute(6000)
                .build()) {
            BatchOptions options =
                    new BatchOptions(1, 1, false, false, false, null, maxCost, 6000, Duration.ofSeconds(1));
            return new BatchRunner(client, BatchListener.NONE).run(jobs, dir.resolve("out"), options, "durability");
        }
    }

    /** ftyp, moov, then an mdat of {@code payload} bytes. */
    private static byte[] mp4(int payload) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + 16 + 8 + payload);
        b.putInt(16)
                .put("ftypisom".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(0);
        b.putInt(16)
                .put("moov".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putLong(0);
        b.putInt(8 + payload).put("mdat".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return b.array();
    }

    @Test
    void a_cut_download_stays_pending_until_it_is_finished() throws Exception {
        byte[] clip = mp4(5000);
        List<Boolean> cut = new ArrayList<>(List.of(true));
        BatchRunnerTest.ScriptedCreates creates = new BatchRunnerTest.ScriptedCreates();
        dev.sora4j.spi.UnsupportedGateway gw = new dev.sora4j.spi.UnsupportedGateway() {
            @Override
            public VideoJob create(VideoRequest r) {
                return creates.create(r);
            }

            @Override
            public ContentStream content(String videoId, Variant variant, long from) {
                InputStream body = new ByteArrayInputStream(clip, (int) from, clip.length - (int) from);
                if (cut.remove(0)) {
                    body = new InputStream() {
                        private int n;

                        @Override
                        public int read() throws IOException {
                            if (n++ >= 1000) {
                                throw new IOException("Connection reset");
                            }
                            return clip[n - 1];
                        }
                    };
                }
                cut.add(false);
                return new ContentStream(body, from, OptionalLong.of(clip.length), () -> {});
            }
        };
        Path target = dir.resolve("clip.mp4");
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), clock);
                SoraClient client =
                        SoraClient.builder().gateway(gw).ledger(ledger).build()) {
            VideoJob job = client.create(request("a cut download"));
            assertThatThrownBy(() -> client.download(job.id(), Variant.VIDEO, target, false))
                    .isInstanceOf(SoraException.class);
            assertThat(ledger.pendingDownloads()).singleElement().satisfies(d -> {
                assertThat(d.videoId()).isEqualTo(job.id());
                assertThat(d.variant()).isEqualTo("video");
                assertThat(d.path()).isEqualTo(target.toAbsolutePath());
            });
            client.download(job.id(), Variant.VIDEO, target, false);
            assertThat(Files.readAllBytes(target)).isEqualTo(clip);
            assertThat(ledger.pendingDownloads()).isEmpty();
        }
    }
}
