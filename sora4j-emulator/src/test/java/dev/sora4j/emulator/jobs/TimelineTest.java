package dev.sora4j.emulator.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.store.StoredVideo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private final Timeline timeline = new Timeline(Duration.ofHours(1));
    private final StoredVideo job = new StoredVideo(
            "video_1",
            "sora-2",
            "p",
            "1280x720",
            "4",
            10_000,
            11_000,
            13_000,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    @Test
    void queued_then_rising_progress_then_completed_once_rendered() {
        assertThat(timeline.view(job, 10_500).status()).isEqualTo("queued");
        Timeline.View early = timeline.view(job, 11_500);
        Timeline.View late = timeline.view(job, 12_500);
        assertThat(early.status()).isEqualTo("in_progress");
        assertThat(late.progress()).isGreaterThan(early.progress());
        // Past the plan but media not written yet: still in progress, capped at 99.
        assertThat(timeline.view(job, 20_000).status()).isEqualTo("in_progress");
        assertThat(timeline.view(job, 20_000).progress()).isEqualTo(99);

        Timeline.View done = timeline.view(job.rendered(14_000), 20_000);
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.completedAt()).isEqualTo(14L);
        assertThat(done.expiresAt()).isEqualTo(14L + 3600);
    }

    @Test
    void failed_jobs_carry_the_error_object() {
        Timeline.View v = timeline.view(job.failed("moderation_blocked", "no", 12_000), 30_000);
        assertThat(v.status()).isEqualTo("failed");
        assertThat(v.error()).containsEntry("code", "moderation_blocked");
        assertThat(v.completedAt()).isEqualTo(12L);
    }
}
