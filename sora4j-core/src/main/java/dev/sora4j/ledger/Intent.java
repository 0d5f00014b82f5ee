package dev.sora4j.ledger;

/**
 * What is about to be sent, written to the ledger before the request goes out. Never holds
 * credentials: the base URL is recorded, the key is not.
 *
 * @param kind {@code create}, {@code edit}, {@code extend}, {@code remix} or {@code character}
 * @param requestHash sha256 of the request as sent (method, path and body)
 * @param params the request body as JSON (uploads appear as their file paths)
 * @param estimatedCost USD, or null when no price is known
 * @param batchKey identifies a create-batch run (its jobs file and output directory), else null
 * @param batchLine the jobs-file line this request came from, else 0
 */
public record Intent(
        String kind,
        String requestHash,
        String params,
        String prompt,
        String model,
        String size,
        String seconds,
        String profile,
        String baseUrl,
        Double estimatedCost,
        String batchKey,
        int batchLine) {

    public Intent withBatch(String key, int line) {
        return new Intent(
                kind, requestHash, params, prompt, model, size, seconds, profile, baseUrl, estimatedCost, key, line);
    }
}
