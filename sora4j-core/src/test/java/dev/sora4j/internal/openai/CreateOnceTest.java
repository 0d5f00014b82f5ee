package dev.sora4j.internal.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.ApiException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which failures of a request that makes something are sent again. */
class CreateOnceTest {
    private static ApiException status(int status) {
        return ApiException.builder()
                .status(status)
                .message("HTTP " + status)
                .retryAfter(Duration.ZERO)
                .build();
    }

    private static ApiException noResponse(Exception cause) {
        return ApiException.builder().message("no response").cause(cause).build();
    }

    private final List<Duration> waits = new ArrayList<>();

    /** Fails with {@code failure} {@code times} times, then answers; returns the calls made. */
    private int callsUntilDone(ApiException failure, int times, int maxRetries) {
        AtomicInteger calls = new AtomicInteger();
        try {
            CreateOnce.send(
                    maxRetries,
                    () -> {
                        if (calls.incrementAndGet() <= times) {
                            throw failure;
                        }
                        return "ok";
                    },
                    waits::add);
        } catch (ApiException e) {
            assertThat(e).isSameAs(failure);
        }
        return calls.get();
    }

    @Test
    void what_certainly_made_nothing_is_sent_again_up_to_the_retries() {
        assertThat(callsUntilDone(status(429), 2, 2)).isEqualTo(3);
        assertThat(callsUntilDone(status(408), 1, 2)).isEqualTo(2);
        assertThat(callsUntilDone(status(409), 1, 2)).isEqualTo(2);
        assertThat(callsUntilDone(noResponse(new ConnectException("refused")), 1, 2))
                .isEqualTo(2);
        assertThat(callsUntilDone(status(429), 5, 2)).isEqualTo(3);
        // Retry-After when the server gave one (here 0 s), else the project's 2 s, 4 s ... backoff.
        assertThat(waits).containsOnly(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void what_may_have_made_something_or_was_refused_is_sent_once() {
        assertThat(callsUntilDone(status(502), 1, 2)).isEqualTo(1);
        assertThat(callsUntilDone(status(500), 1, 2)).isEqualTo(1);
        assertThat(callsUntilDone(noResponse(new SocketTimeoutException("read timed out")), 1, 2))
                .isEqualTo(1);
        assertThat(callsUntilDone(status(400), 1, 2)).isEqualTo(1);
        assertThatThrownBy(() -> CreateOnce.send(
                        0,
                        () -> {
                            throw status(429);
                        },
                        waits::add))
                .isInstanceOf(ApiException.class);
        assertThat(waits).isEmpty();
    }
}
