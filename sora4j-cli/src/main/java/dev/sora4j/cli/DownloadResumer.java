package dev.sora4j.cli;

import dev.sora4j.errors.SoraException;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.PendingDownload;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.Variant;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Optional;

/**
 * Finishes single-job downloads that were cut off (Ctrl-C, a kill, a dropped connection): the ledger
 * marks a download when it starts and when it ends, and each one still open is fetched again, resuming
 * its part file. Batch downloads are finished by re-running their batch.
 */
final class DownloadResumer {
    private final CliContext context;
    private final GlobalOptions global;
    private final BaseCommand command;

    DownloadResumer(CliContext context, GlobalOptions global, BaseCommand command) {
        this.context = context;
        this.global = global;
        this.command = command;
    }

    /** Resumes every pending download; returns 0, or 1 when one of them failed again. */
    int resume() {
        Ledger ledger = context.ledger(global);
        List<PendingDownload> pending = ledger.pendingDownloads();
        int code = ExitCodes.OK;
        for (PendingDownload d : pending) {
            if (ledger.find(d.videoId()).map(e -> e.batchKey() != null).orElse(false)) {
                continue; // A batch's downloads are finished by re-running the batch, with its own checks.
            }
            Optional<Variant> known = Variant.fromWireName(d.variant());
            if (known.isEmpty()) {
                ledger.downloadEnded(
                        d.videoId(), d.variant(), d.path()); // Written by a newer sora4j: not ours to finish.
                continue;
            }
            Variant variant = known.get();
            if (Files.exists(d.path(), LinkOption.NOFOLLOW_LINKS)) {
                // Finished another way (or a file the user put there): never overwritten by resume.
                ledger.downloadEnded(d.videoId(), d.variant(), d.path());
                continue;
            }
            command.info("Resuming the download of " + d.videoId() + " (" + d.variant() + ") to " + d.path());
            try {
                DownloadResult r =
                        context.clientFor(global, d.videoId()).download(d.videoId(), variant, d.path(), false);
                command.info("Wrote " + r.path() + " (" + r.bytes() + " bytes, sha256 " + r.sha256() + ")");
            } catch (SoraException e) {
                command.warn(
                        "could not finish the download of " + d.videoId() + " to " + d.path() + ": " + e.getMessage());
                code = ExitCodes.FAILURE;
            }
        }
        return code;
    }
}
