package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.errors.JobFailedException;
import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.options.PollOptions;
import dev.sora4j.preflight.OutputTargets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Waits for a job with progress output, then optionally downloads it: shared by create-and-poll and poll. */
final class JobWaiter {
    private final BaseCommand command;

    JobWaiter(BaseCommand command) {
        this.command = command;
    }

    /**
     * Checks the download target before anything is sent or waited for, so a clash costs nothing, and
     * warns about download flags that have no effect without {@code --download}.
     */
    static void precheck(BaseCommand command, DownloadOptions download, JsonOutOption json) {
        if (download.download) {
            Path out = download.target.outPath();
            if (Files.exists(out) && !download.target.force) {
                throw new OutputExistsException(out);
            }
            OutputTargets.checkFile("--out", out);
            return;
        }
        for (String flag : new String[] {"--variant", "--out"}) {
            if (command.given(flag)) {
                command.warn(flag + " has no effect without --download; add --download to save the result.");
            }
        }
        if (command.given("--force") && json.jsonOut == null) {
            command.warn("--force has no effect without --download or --json-out.");
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
