package dev.sora4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TickerTest {
    @Test
    void a_round_that_throws_an_error_does_not_stop_later_rounds() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        try (Ticker ticker = new Ticker("test-ticker", Duration.ofMillis(5), () -> {
            int round = rounds.incrementAndGet();
            three.countDown();
            if (round == 1) {
                throw new AssertionError("a broken round (an Error, not an Exception)");
            }
        })) {
            ticker.start();
            assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(rounds.get()).isGreaterThanOrEqualTo(3);
    }
}
