package dev.sora4j.webhooks;

import dev.sora4j.batchapi.BatchApiStore;
import dev.sora4j.batchapi.CollectResult;
import dev.sora4j.batchapi.SoraBatches;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.options.PollOptions;
import dev.sora4j.spi.BatchInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What sora does with each event: {@code video.completed} downloads the video (and the other asked
 * variants) into the output directory once, {@code video.failed} records the job's error,
 * {@code batch.completed} collects the batch, and {@code batch.failed|expired|cancelled} are recorded.
 * Each event carries only an id, so the object is fetched for its real state.
 */
public final class SoraEventHandler implements EventHandler {
    private final SoraBatches batches;
    private final Path outDir;
    private final Set<Variant> variants;
    private final PollOptions poll;
    private final Consumer<String> progress;

    /**
     * @param batches the Batch API flow (its client downloads; its store remembers downloads)
     * @param outDir where videos go, as {@code <video_id><ext>} or, for collected batches, {@code <custom_id><ext>}
     * @param variants which assets to fetch per completed video
     * @param poll how a collect waits for unfinished videos
     * @param progress hears one line per step
     */
    public SoraEventHandler(
            SoraBatches batches, Path outDir, Set<Variant> variants, PollOptions poll, Consumer<String> progress) {
        this.batches = batches;
        this.outDir = outDir;
        this.variants = Set.copyOf(variants);
        this.poll = poll;
        this.progress = progress;
    }

    @Override
    public String handle(BatchApiStore.Delivery d) {
        String id = d.dataId();
        return switch (d.type()) {
            case "video.completed" -> videoCompleted(id);
            case "video.failed" -> videoFailed(id);
            case "batch.completed" -> batchCompleted(id);
            case "batch.failed", "batch.expired", "batch.cancelled" -> batchEnded(id);
            default -> "ignored (no action for " + d.type() + ")";
        };
    }

    private String videoCompleted(String id) {
        VideoJob job = batches.client().retrieve(id);
        batches.client().ledger().status(job);
        if (!job.status().isCompleted()) {
            return "video " + id + " is " + job.status().value() + "; nothing downloaded";
        }
        List<String> files = new ArrayList<>();
        for (Variant v : variants) {
            SoraBatches.Fetched f = batches.fetchOnce(id, v, outDir.resolve(id + v.extension()));
            files.add((f.now() ? "downloaded " : "already had ") + f.path());
        }
        return String.join("; ", files);
    }

    private String videoFailed(String id) {
        VideoJob job = batches.client().retrieve(id);
        batches.client().ledger().status(job);
        return "video " + id + " " + job.status().value() + ": "
                + job.error().map(e -> e.code() + ": " + e.message()).orElse("no error given");
    }

    private String batchCompleted(String id) {
        CollectResult r = batches.collect(id, outDir, variants, poll, progress);
        long fetched =
                r.rows().stream().mapToInt(CollectResult.Row::downloadedNow).sum();
        return "collected batch " + id + ": " + r.rows().size() + " line(s), "
                + r.failed().size() + " failed, " + fetched + " file(s) downloaded now";
    }

    private String batchEnded(String id) {
        BatchInfo b = batches.status(id);
        return "batch " + id + " " + b.status() + (b.errors().isEmpty() ? "" : ": " + String.join("; ", b.errors()));
    }
}
