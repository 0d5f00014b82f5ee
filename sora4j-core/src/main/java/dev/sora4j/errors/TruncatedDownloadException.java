package dev.sora4j.errors;

import dev.sora4j.model.Variant;

/** A download that stopped early or could not be written; worth another attempt, which resumes it. */
public final class TruncatedDownloadException extends SoraException {
    private static final long serialVersionUID = 1L;

    public TruncatedDownloadException(String videoId, Variant variant, long got, long expected) {
        super("Download of " + videoId + " (" + variant.wireName() + ") was truncated: got " + got + " of " + expected
                + " bytes; run the download again to resume it.");
    }

    public TruncatedDownloadException(String videoId, Variant variant, String message, Throwable cause) {
        super("Download of " + videoId + " (" + variant.wireName() + ") failed: " + message, cause);
    }
}
