package dev.sora4j.ledger;

/**
 * What is about to be sent, written to the ledger before the request goes out. Never holds
 * credentials: the base URL is recorded, the key is not.
 *
 * @param kind {@code create}, {@code edit}, {@code extend}, {@code remix} or {@code character}
 * @param requestHash sha256 of the request as sent (method, path and body)
 * @param params the request body as JSON (uploads appear as their file paths)
 * @param provider the provider profile's name ({@code openai}, {@code litellm}, ...); null means openai
 * @param baseUrl the base URL the request went to (stored redacted)
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
        String provider,
        String baseUrl,
        Double estimatedCost,
        String batchKey,
        int batchLine) {

    /**
     * Starts an intent; the other components default to null (and batch line 0).
     *
     * @param kind {@code create}, {@code edit}, {@code extend}, {@code remix} or {@code character}
     * @param requestHash sha256 of {@code params}
     * @param params the request as canonical JSON
     * @return a builder
     */
    public static Builder builder(String kind, String requestHash, String params) {
        return new Builder(kind, requestHash, params);
    }

    /**
     * This intent as part of a create-batch run.
     *
     * @param key the run's key, or null
     * @param line the jobs-file line, or 0
     * @return a copy with the batch fields set
     */
    public Intent withBatch(String key, int line) {
        return new Intent(
                kind,
                requestHash,
                params,
                prompt,
                model,
                size,
                seconds,
                profile,
                provider,
                baseUrl,
                estimatedCost,
                key,
                line);
    }

    /** Collects an intent's optional fields. */
    public static final class Builder {
        private final String kind;
        private final String requestHash;
        private final String params;
        private String prompt;
        private String model;
        private String size;
        private String seconds;
        private String profile;
        private String baseUrl;
        private String provider;
        private Double estimatedCost;

        private Builder(String kind, String requestHash, String params) {
            this.kind = kind;
            this.requestHash = requestHash;
            this.params = params;
        }

        /**
         * Sets the prompt (or a character's name).
         *
         * @param value the text
         * @return this builder
         */
        public Builder prompt(String value) {
            this.prompt = value;
            return this;
        }

        /**
         * Sets the model.
         *
         * @param value the model, or null
         * @return this builder
         */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /**
         * Sets the size.
         *
         * @param value {@code WxH}, or null
         * @return this builder
         */
        public Builder size(String value) {
            this.size = value;
            return this;
        }

        /**
         * Sets the seconds.
         *
         * @param value the clip length, or null
         * @return this builder
         */
        public Builder seconds(String value) {
            this.seconds = value;
            return this;
        }

        /**
         * Sets the provider profile's name, so later commands on this job speak the same dialect.
         *
         * @param value e.g. {@code litellm}
         * @return this builder
         */
        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        /**
         * Sets the validation profile.
         *
         * @param value {@code guide}, {@code spec} or {@code open}
         * @return this builder
         */
        public Builder profile(String value) {
            this.profile = value;
            return this;
        }

        /**
         * Sets the server's base URL (never the key).
         *
         * @param value the URL
         * @return this builder
         */
        public Builder baseUrl(String value) {
            this.baseUrl = value;
            return this;
        }

        /**
         * Sets the estimate.
         *
         * @param value USD, or null
         * @return this builder
         */
        public Builder estimatedCost(Double value) {
            this.estimatedCost = value;
            return this;
        }

        /**
         * Builds the intent, outside any batch.
         *
         * @return the intent
         */
        public Intent build() {
            return new Intent(
                    kind,
                    requestHash,
                    params,
                    prompt,
                    model,
                    size,
                    seconds,
                    profile,
                    provider,
                    baseUrl,
                    estimatedCost,
                    null,
                    0);
        }
    }
}
