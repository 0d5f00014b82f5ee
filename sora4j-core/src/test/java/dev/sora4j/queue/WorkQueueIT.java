package dev.sora4j.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.ledger.Intent;
import dev.sora4j.ledger.PostgresLedger;
import dev.sora4j.ledger.TestPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The queue's lease, budget, cancel and rate rules on a real PostgreSQL server, one database per test. */
@Timeout(120)
class WorkQueueIT {
    private static final Duration LEASE = Duration.ofMinutes(1);
    /** A lease that has already run out: the next claim may take the line over (no waiting in the test). */
    private static final Duration EXPIRED = Duration.ofMillis(-1);

    private static TestPostgres server;
    private PostgresLedger ledger;
    private WorkQueue queue;

    @BeforeAll
    static void start() throws IOException {
        server = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void open() throws Exception {
        ledger = PostgresLedger.open(server.newDatabase("queue"), TestPostgres.ENV, Clock.systemUTC(), "ann");
        queue = WorkQueue.open(ledger);
    }

    @AfterEach
    void close() {
        queue.close();
        ledger.close();
    }

    private static List<QueueLine> lines(int n) {
        LineDefaults defaults = new LineDefaults(null, null, null, true);
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new QueueLine("jobs.jsonl", i, "clip " + i, "/tmp", "out-" + i, 0.4, defaults))
                .toList();
    }

    @Test
    void workers_never_hold_the_same_line_and_an_expired_lease_is_taken_over_with_its_history() {
        queue.add("q", null, lines(3), "ann");
        List<QueueItem> a = queue.claim("q", "worker-a", 2, LEASE);
        List<QueueItem> b = queue.claim("q", "worker-b", 2, LEASE);
        assertThat(a).extracting(i -> i.line().line()).containsExactly(1, 2);
        assertThat(b).extracting(i -> i.line().line()).containsExactly(3);
        assertThat(queue.claim("q", "worker-c", 2, LEASE)).isEmpty();

        // worker-a dies: once its leases run out worker-c takes its lines, as their second claim.
        assertThat(queue.renew("worker-a", EXPIRED)).isEqualTo(2);
        List<QueueItem> taken = queue.claim("q", "worker-c", 5, LEASE);
        assertThat(taken).extracting(QueueItem::claims).containsExactly(2, 2);
        assertThat(taken)
                .extracting(QueueItem::id)
                .containsExactlyElementsOf(a.stream().map(QueueItem::id).toList());
        // The dead worker's late answer is not recorded over the new holder's.
        assertThat(queue.finish(a.get(0), "worker-a", "done", "video_x", null, null))
                .isFalse();
        assertThat(queue.finish(taken.get(0), "worker-c", "done", "video_1", "/out/1.mp4", null))
                .isTrue();

        QueueStatus s = queue.status("q");
        assertThat(s.counts()).containsEntry("done", 1).containsEntry("claimed", 2);
        assertThat(s.workers()).containsEntry("worker-b", 1).containsEntry("worker-c", 1);
    }

    @Test
    void a_released_line_is_pending_again_and_cancel_stops_what_was_not_claimed() {
        queue.add("q", null, lines(3), "ann");
        queue.claim("q", "worker-a", 1, LEASE);
        assertThat(queue.release("worker-a")).isEqualTo(1);
        assertThat(queue.status("q").counts()).containsEntry("pending", 3);
        assertThat(queue.claim("q", "worker-b", 1, LEASE))
                .extracting(QueueItem::claims)
                .containsExactly(2);

        assertThat(queue.cancel("q")).isEqualTo(2);
        assertThat(queue.claim("q", "worker-c", 5, LEASE)).isEmpty();
        QueueStatus s = queue.status("q");
        assertThat(s.cancelled()).isTrue();
        assertThat(s.counts()).containsEntry("cancelled", 2).containsEntry("claimed", 1);
        assertThat(s.open()).isEqualTo(1);
        assertThatThrownBy(() -> queue.cancel("nope")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void the_budget_holds_across_workers_and_a_line_that_created_nothing_gives_its_share_back() {
        queue.add("q", 1.0, lines(4), "ann");
        List<QueueItem> first = queue.claim("q", "worker-a", 1, LEASE);
        List<QueueItem> second = queue.claim("q", "worker-b", 3, LEASE);
        // 0.4 + 0.4 fit in 1.00; the third and fourth would pass it and are skipped, never sent.
        assertThat(second).hasSize(1);
        QueueStatus s = queue.status("q");
        assertThat(s.counts()).containsEntry("skipped", 2).containsEntry("claimed", 2);
        assertThat(s.reserved()).isEqualTo(0.8, Offset.offset(1e-9));
        assertThat(s.failures()).allSatisfy(f -> assertThat(f).contains("--max-cost 1.00"));

        queue.finish(first.get(0), "worker-a", "failed", null, null, "HTTP 400: refused");
        assertThat(queue.status("q").reserved()).isEqualTo(0.4, Offset.offset(1e-9));
    }

    @Test
    void an_output_already_queued_adds_nothing() {
        queue.add("q", null, lines(2), "ann");
        assertThatThrownBy(() -> queue.add("q", null, lines(3), "ann"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("output 'out-1' is already queued in 'q'");
        assertThat(queue.status("q").counts()).containsEntry("pending", 2);
    }

    @Test
    void the_spend_is_what_the_ledger_recorded_as_created_under_the_queue() {
        queue.add("q", null, lines(2), "ann");
        long created = ledger.intent(intent(1));
        ledger.created(created, "video_1", "queued");
        long refused = ledger.intent(intent(2));
        ledger.refused(refused, "HTTP 400");
        assertThat(queue.status("q").spent()).isEqualTo(0.4, Offset.offset(1e-9));
    }

    @Test
    void the_rate_gate_spaces_every_process_slots_on_one_clock() {
        try (DatabaseRateGate one = new DatabaseRateGate(ledger, 60, d -> {});
                DatabaseRateGate two = new DatabaseRateGate(ledger, 60, d -> {})) {
            long interval = (long) Math.ceil(60_000 * DatabaseRateGate.MARGIN / 60);
            long w1 = one.reserve("openai key abc");
            long w2 = two.reserve("openai key abc");
            long w3 = one.reserve("openai key abc");
            long other = two.reserve("openai key def");
            assertThat(w1).isBetween(-50L, 50L);
            // Each slot is one interval after the previous one, whoever took it (minus the time between calls).
            assertThat(w2).isBetween(interval - 500, interval + 50);
            assertThat(w3).isBetween(2 * interval - 500, 2 * interval + 50);
            assertThat(other).isBetween(-50L, 50L);
        }
    }

    private static Intent intent(int line) {
        return new Intent(
                "create",
                "hash-" + line,
                "{}",
                "clip " + line,
                "sora-2",
                "1280x720",
                "4",
                "guide",
                "openai",
                "http://127.0.0.1/v1",
                0.4,
                WorkQueue.batchKey("q"),
                line);
    }
}
