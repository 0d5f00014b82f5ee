package dev.sora4j.cli;

import dev.sora4j.batch.BatchJob;
import dev.sora4j.media.FitMode;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.preflight.InputPreflight;
import java.nio.file.Path;
import java.util.List;

/** {@code --fit}: input references replaced by copies fitted to the video's size, kept in {@code <home>/fitted/}. */
final class ReferenceFits {
    private ReferenceFits() {}

    /** The validated create with its input reference fitted when {@code --fit} was given; unchanged otherwise. */
    static VideoRequest fitted(VideoRequest validated, VideoOptions video, Path home) {
        if (video.fit == null) {
            return validated;
        }
        return InputPreflight.fitted(validated, FitMode.parse(video.fit), home.resolve("fitted"));
    }

    /** Every job's (already validated) create fitted as above (a line's own input_reference included). */
    static List<BatchJob> fitted(List<BatchJob> jobs, VideoOptions video, Path home) {
        if (video.fit == null) {
            return jobs;
        }
        return jobs.stream()
                .map(j -> new BatchJob(j.number(), j.line(), fitted(j.request(), video, home), j.outName()))
                .toList();
    }
}
