package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.batch.BatchJob;
import dev.sora4j.model.VideoRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BatchProgressTest {
    private static final BatchJob JOB =
            new BatchJob(2, 5, VideoRequest.builder().prompt("p").build(), "002-p.json");

    @Test
    void without_a_terminal_every_event_is_one_plain_line() {
        StringWriter out = new StringWriter();
        try (BatchProgress p = new BatchProgress(new PrintWriter(out), false, 3)) {
            p.created(JOB, "video_1", Path.of("out/002-p.json"));
            p.status(JOB, "video_1", "in_progress", 42);
            p.downloaded(JOB, Path.of("out/002-p.mp4"), 10, "ab");
        }
        assertThat(out.toString().lines())
                .containsExactly(
                        "[job 2/3] created video_1 -> out/002-p.json",
                        "[job 2/3] video_1 in_progress (42%)",
                        "[job 2/3] downloaded out/002-p.mp4 (10 bytes, sha256 ab)");
    }

    @Test
    void on_a_terminal_the_bar_keeps_the_stream_clean_and_failures_follow_it() {
        StringWriter out = new StringWriter();
        BatchProgress p = new BatchProgress(new PrintWriter(out), true, 3);
        p.created(JOB, "video_1", Path.of("out/002-p.json"));
        p.failed(JOB, "HTTP 400: bad");
        assertThat(out.toString()).isEmpty();
        p.close();
        assertThat(out.toString()).isEqualTo("[job 2/3] failed: HTTP 400: bad" + System.lineSeparator());
    }
}
