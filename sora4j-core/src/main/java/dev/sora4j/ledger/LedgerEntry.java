package dev.sora4j.ledger;

/**
 * One job as the ledger knows it.
 *
 * @param seq the ledger's own number, used as {@code @N}
 * @param videoId the service's id once the create returned, else null
 * @param status {@code sending} (intent written, no answer yet), {@code unknown} (no answer: maybe
 *     created), {@code refused}, or the service's status
 * @param provider the provider profile the job was sent to ({@code openai} for jobs recorded before providers)
 * @param baseUrl the base URL it was sent to, redacted
 * @param createdAt when the intent was written (Unix ms)
 */
public record LedgerEntry(
        long seq,
        String kind,
        String requestHash,
        String params,
        String prompt,
        String model,
        String size,
        String seconds,
        String profile,
        String provider,
        String baseUrl,
        Double estimatedCost,
        String batchKey,
        int batchLine,
        String videoId,
        String status,
        int progress,
        String error,
        long createdAt,
        long updatedAt,
        String downloadPath,
        Long downloadSize,
        String downloadSha256) {

    /**
     * Whether the service's id is known.
     *
     * @return whether Video
     */
    public boolean hasVideo() {
        return videoId != null;
    }
}
