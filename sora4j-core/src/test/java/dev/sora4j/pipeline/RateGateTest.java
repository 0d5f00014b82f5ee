package dev.sora4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.clock.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateGateTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-01T00:00:00Z"));
    private final List<Duration> slept = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        slept.add(d);
        clock.advance(d);
    };

    @Test
    void spaces_requests_at_the_rate_and_follows_the_servers_headers() throws Exception {
        RateGate gate = new RateGate(60, clock, sleeper);
        gate.acquire();
        gate.acquire();
        gate.acquire();
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));

        gate.observe(Map.of("x-ratelimit-limit-requests", List.of("30")));
        assertThat(gate.perMinute()).isEqualTo(30);
        gate.observe(
                Map.of("x-ratelimit-remaining-requests", List.of("0"), "x-ratelimit-reset-requests", List.of("1m3s")));
        slept.clear();
        gate.acquire();
        assertThat(slept).containsExactly(Duration.ofSeconds(63));
    }

    @Test
    void a_429_pauses_every_worker() throws Exception {
        RateGate gate = new RateGate(6000, clock, sleeper);
        gate.pause(Duration.ofMillis(1500));
        gate.acquire();
        assertThat(slept).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void reads_the_services_duration_format() {
        assertThat(RateGate.parseDuration("850ms")).isEqualTo(Duration.ofMillis(850));
        assertThat(RateGate.parseDuration("1.2s")).isEqualTo(Duration.ofMillis(1200));
        assertThat(RateGate.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(RateGate.parseDuration("soon")).isEqualTo(Duration.ofSeconds(1));
    }
}
