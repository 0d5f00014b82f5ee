package dev.sora4j.providers;

/** A command or request feature whose support differs between providers (rows of the capability table). */
public enum Feature {
    /** Create a job ({@code sora create}). */
    CREATE("create"),
    /** Create a job and poll it until it ends. */
    CREATE_AND_POLL("create-and-poll"),
    /** Read or poll one job's status. */
    STATUS("status / poll"),
    /** List jobs ({@code GET /videos}). */
    LIST("list"),
    /** Download the finished MP4. */
    DOWNLOAD_VIDEO("download video"),
    /** Download the thumbnail variant. */
    DOWNLOAD_THUMBNAIL("download thumbnail"),
    /** Download the spritesheet variant. */
    DOWNLOAD_SPRITESHEET("download spritesheet"),
    /** Delete a job ({@code DELETE /videos/{id}}). */
    DELETE("delete"),
    /** Edit an existing video. */
    EDIT("edit"),
    /** Extend an existing video. */
    EXTEND("extend"),
    /** Remix an existing video. */
    REMIX("remix"),
    /** Reusable characters. */
    CHARACTERS("characters"),
    /** Create many jobs from a local queue. */
    CREATE_BATCH("create-batch (local queue)"),
    /** The server-side Batch API. */
    BATCH_API("Batch API"),
    /** Webhook notifications. */
    WEBHOOKS("webhooks"),
    /** An {@code input_reference} uploaded as a file. */
    INPUT_REFERENCE_FILE("input_reference file upload"),
    /** An {@code input_reference} given as a URL. */
    INPUT_REFERENCE_URL("input_reference URL"),
    /** An {@code input_reference} given as an uploaded file id. */
    INPUT_REFERENCE_FILE_ID("input_reference file_id"),
    /** Provider-specific request fields passed with {@code --extra}. */
    EXTRA_FIELDS("--extra fields");

    private final String label;

    Feature(String label) {
        this.label = label;
    }

    /**
     * How users know it: a command name or a flag.
     *
     * @return the label shown in the capability table
     */
    public String label() {
        return label;
    }
}
