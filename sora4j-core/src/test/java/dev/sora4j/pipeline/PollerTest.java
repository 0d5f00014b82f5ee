package dev.sora4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.WaitTimeoutException;
import dev.sora4j.client.UnsupportedGateway;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.model.JobStatus;
import dev.sora4j.model.VideoJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollerTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-01T00:00:00Z"));
    private final List<Duration> slept = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        slept.add(d);
        clock.advance(d);
    };

    @Test
    void waits_through_unknown_statuses_warning_once_each_and_returns_the_terminal_job() {
        ScriptedGateway gw = new ScriptedGateway("queued", "rendering", "rendering", "in_progress", "completed");
        List<String> warnings = new ArrayList<>();
        VideoJob done = new Poller(gw, clock, sleeper)
                .waitFor("video_1", new PollOptions(Duration.ofSeconds(10), null), new PollListener() {
                    @Override
                    public void onUpdate(VideoJob job) {}

                    @Override
                    public void onUnknownStatus(VideoJob job) {
                        warnings.add(job.status().value());
                    }
                });
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(warnings).containsExactly("rendering");
        assertThat(slept).hasSize(4).allMatch(d -> d.equals(Duration.ofSeconds(10)));
    }

    @Test
    void expired_and_cancelled_end_the_wait() {
        assertThat(new Poller(new ScriptedGateway("queued", "expired"), clock, sleeper)
                        .waitFor("v", PollOptions.defaults(), PollListener.NONE)
                        .status()
                        .value())
                .isEqualTo("expired");
        assertThat(new Poller(new ScriptedGateway("canceled"), clock, sleeper)
                        .waitFor("v", PollOptions.defaults(), PollListener.NONE)
                        .status()
                        .isTerminal())
                .isTrue();
    }

    @Test
    void timeout_stops_waiting_on_the_injected_clock() {
        ScriptedGateway gw = new ScriptedGateway("queued", "in_progress", "in_progress", "in_progress", "in_progress");
        assertThatThrownBy(() -> new Poller(gw, clock, sleeper)
                        .waitFor(
                                "video_9",
                                new PollOptions(Duration.ofSeconds(10), Duration.ofSeconds(25)),
                                PollListener.NONE))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("sora poll --id video_9");
        // The last sleep is shortened to the time left before the deadline.
        assertThat(slept).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    /** Answers retrieve with the next scripted status. */
    static final class ScriptedGateway extends UnsupportedGateway {
        private final Deque<String> statuses;

        ScriptedGateway(String... statuses) {
            this.statuses = new ArrayDeque<>(List.of(statuses));
        }

        @Override
        public VideoJob retrieve(String id) {
            String s = statuses.size() > 1 ? statuses.poll() : statuses.peek();
            return new VideoJob(
                    id, "sora-2", JobStatus.of(s), 0, 0, null, null, "p", "1280x720", "4", null, null, "{}");
        }
    }
}
