package dev.sora4j.cli.gallery;

import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.model.Variant;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the gallery server needs from the {@code sora} command: the ledger, the client, and the
 * command's own code paths for actions. The server knows nothing of picocli or configuration.
 */
public interface GalleryBackend {
    /**
     * Ledger entries, newest first.
     *
     * @param limit at most this many
     * @return the entries
     */
    List<LedgerEntry> jobs(int limit);

    /**
     * One entry by its ledger number.
     *
     * @param seq the number
     * @return the entry, or empty
     */
    Optional<LedgerEntry> job(long seq);

    /**
     * Downloads an asset of a job through the client (thumbnails and spritesheets for the grid).
     *
     * @param videoId the job
     * @param variant thumbnail or spritesheet
     * @param target where to write it (replaced if present)
     */
    void fetch(String videoId, Variant variant, Path target);

    /**
     * Whether this gallery's client speaks to the provider a job was sent to (a ledger may hold jobs of
     * several); the gallery asks the service only about those.
     *
     * @param entry the job
     * @return true when status requests and asset downloads for it can go through this client
     */
    boolean reaches(LedgerEntry entry);

    /**
     * Asks the service for a job's status and records it in the ledger.
     *
     * @param videoId the job
     */
    void refresh(String videoId);

    /**
     * Checks an action locally and estimates it; sends nothing that creates or costs anything.
     *
     * @param request the action
     * @return the preview
     */
    ActionPreview preview(ActionRequest request);

    /**
     * Runs an action as its {@code sora} command would.
     *
     * @param request the action
     * @return what happened
     */
    ActionResult run(ActionRequest request);

    /**
     * Where the gallery caches assets it fetched (thumbnails, spritesheets).
     *
     * @return a directory
     */
    Path cacheDir();
}
