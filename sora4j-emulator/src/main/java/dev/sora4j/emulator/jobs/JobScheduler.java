package dev.sora4j.emulator.jobs;

import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.http.Content;
import dev.sora4j.emulator.render.RenderQueue;
import dev.sora4j.emulator.store.Ids;
import dev.sora4j.emulator.store.StoredVideo;
import dev.sora4j.emulator.store.VideoStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Turns an accepted request into a stored job on the timeline and starts its render. */
public final class JobScheduler {
    /**
     * A job about to be created; {@code media} are files its render needs, by name in the job's media
     * dir; {@code batchId} names the batch that creates it, else null.
     */
    public record NewJob(
            String model,
            String prompt,
            String size,
            String seconds,
            Map<String, String> inputReference,
            List<String> characterIds,
            String remixedFromVideoId,
            StoredVideo.Derivation derivation,
            Map<String, Content> media,
            String batchId) {}

    private final EmulatorConfig config;
    private final VideoStore store;
    private final RenderQueue renders;
    private final Clock clock;
    private final Stats stats;

    public JobScheduler(EmulatorConfig config, VideoStore store, RenderQueue renders, Stats stats) {
        this.config = config;
        this.store = store;
        this.renders = renders;
        this.clock = config.clock();
        this.stats = stats;
    }

    /**
     * Stores the job and starts its render. A prompt that breaks a moderation rule, or
     * {@code injectFailure}, makes the job fail halfway through its run instead, with an error object.
     */
    public StoredVideo schedule(NewJob job, boolean injectFailure) {
        return schedule(job, injectFailure, Ids.video());
    }

    /** As {@link #schedule(NewJob, boolean)}, under an id of another server's shape (provider dialects). */
    public StoredVideo schedule(NewJob job, boolean injectFailure, String id) {
        long now = clock.millis();
        long queuedUntil =
                now + config.timeline().scaled(config.timeline().queuedFor().toMillis());
        long render = config.timeline().renderBase().toMillis()
                + config.timeline().renderPerClipSecond().toMillis() * Long.parseLong(job.seconds());
        long doneAt = queuedUntil + config.timeline().scaled(render);
        StoredVideo video = new StoredVideo(
                id,
                job.model(),
                job.prompt(),
                job.size(),
                job.seconds(),
                now,
                queuedUntil,
                doneAt,
                null,
                null,
                null,
                job.remixedFromVideoId(),
                job.inputReference(),
                job.characterIds(),
                job.derivation(),
                job.batchId(),
                null);
        Map<String, String> failure =
                config.moderation().check(job.prompt()).orElse(injectFailure ? JobFailures.INJECTED : null);
        if (failure != null) {
            video = video.failed(failure.get("code"), failure.get("message"), queuedUntil + (doneAt - queuedUntil) / 2);
        }
        if (!job.media().isEmpty()) {
            try {
                Path dir = store.mediaDir(video.id());
                Files.createDirectories(dir);
                for (Map.Entry<String, Content> file : job.media().entrySet()) {
                    VideoStore.writeAtomically(dir.resolve(file.getKey()), file.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        store.save(video);
        stats.jobCreated(job.prompt());
        renders.submit(video);
        return video;
    }
}
