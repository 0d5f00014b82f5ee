package dev.sora4j.errors;

import dev.sora4j.model.Variant;

/** A download that stopped early or could not be written; worth another attempt, which resumes it. */
public final class TruncatedDownloadException extends SoraException {
    private static final long serialVersionUID = 1L;

    /**
     * The body ended before the declared length.
     *
     * @param videoId the video's id
     * @param variant which asset
     * @param got bytes received
     * @param expected bytes the server declared
     */
    public TruncatedDownloadException(String videoId, Variant variant, long got, long expected) {
        super("Download of " + videoId + " (" + variant.wireName() + ") was truncated: got " + got + " of " + expected
                + " bytes; run the download again to resume it.");
    }

    /**
     * The transfer or the disk failed midway.
     *
     * @param videoId the video's id
     * @param variant which asset
     * @param message what happened
     * @param cause the underlying exception
     */
    public TruncatedDownloadException(String videoId, Variant variant, String message, Throwable cause) {
        super("Download of " + videoId + " (" + variant.wireName() + ") failed: " + message, cause);
    }
}
