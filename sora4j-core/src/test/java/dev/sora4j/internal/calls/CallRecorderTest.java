package dev.sora4j.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.AuthenticationException;
import dev.sora4j.errors.BadRequestException;
import dev.sora4j.errors.ConnectionException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.NotFoundException;
import dev.sora4j.errors.RateLimitedException;
import dev.sora4j.errors.ServerErrorException;
import dev.sora4j.guard.Guardrails;
import dev.sora4j.ledger.Intent;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.SqliteLedger;
import dev.sora4j.options.Budget;
import dev.sora4j.options.SendOptions;
import dev.sora4j.spi.UnsupportedGateway;
import dev.sora4j.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one road of paid calls: ledger first, answer recorded, retries bounded, budget before sending. */
class CallRecorderTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-01T00:00:00Z"));
    private final List<Duration> slept = new ArrayList<>();

    private static Intent intent(double cost) {
        return Intent.builder("create", "hash", "{}")
                .prompt("p")
                .estimatedCost(cost)
                .build();
    }

    @Test
    void the_intent_is_recorded_before_sending_and_the_answer_after(@TempDir Path dir) {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), clock)) {
            CallRecorder calls =
                    new CallRecorder(ledger, null, slept::add, new UnsupportedGateway(), Guardrails.defaults());
            Sent<String> sent = calls.send(
                    new PaidCall<>(
                            intent(0.4),
                            () -> {
                                // While sending, the intent is already there.
                                assertThat(ledger.list(null, 10))
                                        .singleElement()
                                        .extracting(LedgerEntry::status)
                                        .isEqualTo("sending");
                                return "video_1";
                            },
                            id -> id,
                            id -> "queued"),
                    SendOptions.once());
            assertThat(sent.id()).isEqualTo("video_1");
            assertThat(sent.attempts()).isEqualTo(1);
            assertThat(ledger.list(null, 10))
                    .singleElement()
                    .satisfies(e -> assertThat(e.videoId()).isEqualTo("video_1"))
                    .satisfies(e -> assertThat(e.status()).isEqualTo("queued"));
        }
    }

    @Test
    void transient_failures_are_retried_as_allowed_and_each_attempt_is_recorded(@TempDir Path dir) {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), clock)) {
            CallRecorder calls =
                    new CallRecorder(ledger, null, slept::add, new UnsupportedGateway(), Guardrails.defaults());
            AtomicInteger tries = new AtomicInteger();
            List<Integer> heard = new ArrayList<>();
            assertThatThrownBy(() -> calls.send(
                            new PaidCall<String>(
                                    intent(0),
                                    () -> {
                                        tries.incrementAndGet();
                                        throw ApiException.builder().status(429).build();
                                    },
                                    id -> id,
                                    id -> "queued"),
                            new SendOptions(null, 0, 3, null, (attempt, max, wait, cause) -> heard.add(attempt))))
                    .isInstanceOf(RateLimitedException.class);
            assertThat(tries).hasValue(3);
            assertThat(heard).containsExactly(1, 2);
            assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(ledger.list(null, 10))
                    .hasSize(3)
                    .allSatisfy(e -> assertThat(e.status()).isEqualTo("refused"));
        }
    }

    @Test
    void a_call_past_the_budget_is_never_sent(@TempDir Path dir) {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), clock)) {
            CallRecorder calls =
                    new CallRecorder(ledger, null, slept::add, new UnsupportedGateway(), Guardrails.defaults());
            Budget budget = Budget.of(1.0, 0.8);
            assertThatThrownBy(() -> calls.send(
                            new PaidCall<String>(
                                    intent(0.4),
                                    () -> {
                                        throw new AssertionError("sent");
                                    },
                                    id -> id,
                                    id -> "queued"),
                            new SendOptions("batch", 1, 1, budget, null)))
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> assertThat(e.field()).isEqualTo("max_cost"));
            assertThat(ledger.list(null, 10)).isEmpty();
        }
    }

    @Test
    void the_builder_picks_the_subclass_a_caller_branches_on() {
        assertThat(ApiException.builder().build()).isInstanceOf(ConnectionException.class);
        assertThat(ApiException.builder().status(422).build()).isInstanceOf(BadRequestException.class);
        assertThat(ApiException.builder().status(403).build()).isInstanceOf(AuthenticationException.class);
        assertThat(ApiException.builder().status(404).build()).isInstanceOf(NotFoundException.class);
        assertThat(ApiException.builder().status(503).build()).isInstanceOf(ServerErrorException.class);
        assertThat(ApiException.builder().status(409).build())
                .isExactlyInstanceOf(ApiException.class)
                .matches(ApiException::isTransient);
    }
}
