package dev.sora4j.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request to create a video. Absent values (null) take the profile's defaults when validated.
 *
 * @param seconds clip length as the API expects it, a string such as {@code "8"}
 * @param characterIds reusable character ids, at most two
 * @param extras provider-specific fields ({@code --extra key=value}: {@code seed}, {@code negative_prompt},
 *     {@code fps}...), typed; checked and spelled by the provider profile, refused by providers that take none
 */
public record VideoRequest(
        String prompt,
        String model,
        String size,
        String seconds,
        InputReference inputReference,
        List<String> characterIds,
        Map<String, Object> extras) {

    /**
     * Checks the components.
     *
     * @param characterIds reusable character ids, at most two
     * @param inputReference the input reference
     * @param model the model
     * @param prompt the prompt
     * @param seconds clip length as the API expects it, a string such as {@code "8"}
     * @param size its size in bytes
     * @param extras provider-specific fields, sent as given
     */
    public VideoRequest {
        characterIds = characterIds == null ? List.of() : List.copyOf(characterIds);
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * A request without extra fields.
     *
     * @param prompt the prompt
     * @param model the model, or null
     * @param size the size, or null
     * @param seconds the length, or null
     * @param inputReference the first frame, or null
     * @param characterIds character ids
     */
    public VideoRequest(
            String prompt,
            String model,
            String size,
            String seconds,
            InputReference inputReference,
            List<String> characterIds) {
        this(prompt, model, size, seconds, inputReference, characterIds, Map.of());
    }

    /**
     * This request with other extra fields.
     *
     * @param value the typed extra fields
     * @return the copy
     */
    public VideoRequest withExtras(Map<String, Object> value) {
        return new VideoRequest(prompt, model, size, seconds, inputReference, characterIds, value);
    }

    /**
     * Starts a request.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This request with absent values filled in.
     *
     * @param defaultModel used when the model is absent
     * @param defaultSize used when the size is absent
     * @param defaultSeconds used when the seconds are absent
     * @return the with defaults
     */
    public VideoRequest withDefaults(String defaultModel, String defaultSize, String defaultSeconds) {
        return new VideoRequest(
                prompt,
                Objects.requireNonNullElse(model, defaultModel),
                Objects.requireNonNullElse(size, defaultSize),
                Objects.requireNonNullElse(seconds, defaultSeconds),
                inputReference,
                characterIds,
                extras);
    }

    /** Builds a {@link VideoRequest}; {@code seconds(int)} is a convenience for the string form. */
    public static final class Builder {
        private String prompt;
        private String model;
        private String size;
        private String seconds;
        private InputReference inputReference;
        private List<String> characterIds = List.of();
        private Map<String, Object> extras = Map.of();

        /**
         * Sets the prompt.
         *
         * @param value the value as given
         * @return the prompt
         */
        public Builder prompt(String value) {
            this.prompt = value;
            return this;
        }

        /**
         * Sets the model.
         *
         * @param value the value as given
         * @return the model
         */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /**
         * Its size in bytes.
         *
         * @param value the value as given
         * @return its size in bytes
         */
        public Builder size(String value) {
            this.size = value;
            return this;
        }

        /**
         * The clip length in seconds, as a string.
         *
         * @param value the value as given
         * @return the clip length in seconds, as a string
         */
        public Builder seconds(String value) {
            this.seconds = value;
            return this;
        }

        /**
         * The clip length in seconds, as a string.
         *
         * @param value the value as given
         * @return the clip length in seconds, as a string
         */
        public Builder seconds(int value) {
            this.seconds = Integer.toString(value);
            return this;
        }

        /**
         * Sets the first frame.
         *
         * @param value the value as given
         * @return the input reference
         */
        public Builder inputReference(InputReference value) {
            this.inputReference = value;
            return this;
        }

        /**
         * Sets the reusable characters.
         *
         * @param value the value as given
         * @return the character ids
         */
        public Builder characterIds(List<String> value) {
            this.characterIds = value;
            return this;
        }

        /**
         * Sets provider-specific fields ({@code --extra}); see {@code ExtraFields.parse} for typing text values.
         *
         * @param value field name to value (string, number, boolean, map or list)
         * @return this builder
         */
        public Builder extras(Map<String, Object> value) {
            this.extras = value;
            return this;
        }

        /**
         * Builds the request (not yet validated).
         *
         * @return the build
         */
        public VideoRequest build() {
            return new VideoRequest(prompt, model, size, seconds, inputReference, characterIds, extras);
        }
    }
}
