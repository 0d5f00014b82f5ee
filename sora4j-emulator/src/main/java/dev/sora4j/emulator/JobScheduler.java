package dev.sora4j.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Turns an accepted request into a stored job on the timeline and starts its render. */
final class JobScheduler {
    /** A job about to be created; {@code media} are files its render needs, by name in the job's media dir. */
    record NewJob(String model, String prompt, String size, String seconds, Map<String, String> inputReference,
            List<String> characterIds, String remixedFromVideoId, StoredVideo.Derivation derivation,
            Map<String, byte[]> media) {}

    private final EmulatorConfig config;
    private final VideoStore store;
    private final RenderQueue renders;
    private final Clock clock;

    JobScheduler(EmulatorConfig config, VideoStore store, RenderQueue renders) {
        this.config = config;
        this.store = store;
        this.renders = renders;
        this.clock = config.clock();
    }

    StoredVideo schedule(NewJob job) {
        long now = clock.millis();
        long queuedUntil = now + scaled(config.queuedFor().toMillis());
        long render = config.renderBase().toMillis()
                + config.renderPerClipSecond().toMillis() * Long.parseLong(job.seconds());
        StoredVideo video = new StoredVideo(Ids.video(), job.model(), job.prompt(), job.size(), job.seconds(), now,
                queuedUntil, queuedUntil + scaled(render), null, null, null, job.remixedFromVideoId(),
                job.inputReference(), job.characterIds(), job.derivation());
        if (!job.media().isEmpty()) {
            try {
                Path dir = store.mediaDir(video.id());
                Files.createDirectories(dir);
                for (Map.Entry<String, byte[]> file : job.media().entrySet()) {
                    VideoStore.writeAtomically(dir.resolve(file.getKey()), file.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        store.save(video);
        renders.submit(video);
        return video;
    }

    private long scaled(long millis) {
        return Math.round(millis / config.speed());
    }
}
