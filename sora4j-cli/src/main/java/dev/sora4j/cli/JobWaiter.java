package dev.sora4j.cli;

import dev.sora4j.JobFailedException;
import dev.sora4j.SoraClient;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.pipeline.DownloadResult;
import dev.sora4j.pipeline.PollOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/** Waits for a job with progress output, then optionally downloads it: shared by create-and-poll and poll. */
final class JobWaiter {
    private final BaseCommand command;

    JobWaiter(BaseCommand command) {
        this.command = command;
    }

    /** Checks the download target before anything is waited for, so a clash costs no time. */
    static void precheck(DownloadOptions download) {
        if (download.download) {
            Path out = download.target.outPath();
            if (Files.exists(out) && !download.target.force) {
                throw new dev.sora4j.OutputExistsException(out);
            }
        }
    }

    VideoJob waitFor(SoraClient client, String id, PollOptions options) {
        try (ProgressPrinter progress =
                new ProgressPrinter(command.err(), command.context().interactive())) {
            return client.waitFor(id, options, progress);
        }
    }

    /** Prints how to continue if Ctrl-C comes while waiting for (or downloading) {@code id}; close it when done. */
    InterruptHint hint(SoraClient client, String id, DownloadOptions download) {
        String ref = client.ledger().find(id).map(e -> "@" + e.seq()).orElse(id);
        return InterruptHint.install(command.err(), InterruptHint.pollLine(ref, download));
    }

    /** Downloads when asked; a job that did not complete is an error (exit 5). */
    void maybeDownload(SoraClient client, VideoJob job, DownloadOptions download) {
        if (!job.status().isCompleted()) {
            throw new JobFailedException(job);
        }
        if (!download.download) {
            return;
        }
        Variant variant = download.target.variant();
        Path out = download.target.outPath();
        OutputPaths.extensionWarning(out, variant).ifPresent(command::warn);
        DownloadResult result = client.download(job.id(), variant, out, download.target.force);
        command.info("Wrote " + out + " (" + result.bytes() + " bytes, sha256 " + result.sha256() + ")");
    }
}
