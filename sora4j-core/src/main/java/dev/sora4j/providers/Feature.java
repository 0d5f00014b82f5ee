package dev.sora4j.providers;

/** A command or request feature whose support differs between providers (rows of the capability table). */
public enum Feature {
    CREATE("create"),
    CREATE_AND_POLL("create-and-poll"),
    STATUS("status / poll"),
    LIST("list"),
    DOWNLOAD_VIDEO("download video"),
    DOWNLOAD_THUMBNAIL("download thumbnail"),
    DOWNLOAD_SPRITESHEET("download spritesheet"),
    DELETE("delete"),
    EDIT("edit"),
    EXTEND("extend"),
    REMIX("remix"),
    CHARACTERS("characters"),
    CREATE_BATCH("create-batch (local queue)"),
    BATCH_API("Batch API"),
    WEBHOOKS("webhooks"),
    INPUT_REFERENCE_FILE("input_reference file upload"),
    INPUT_REFERENCE_URL("input_reference URL"),
    INPUT_REFERENCE_FILE_ID("input_reference file_id"),
    EXTRA_FIELDS("--extra fields");

    private final String label;

    Feature(String label) {
        this.label = label;
    }

    /** How users know it: a command name or a flag. */
    public String label() {
        return label;
    }
}
