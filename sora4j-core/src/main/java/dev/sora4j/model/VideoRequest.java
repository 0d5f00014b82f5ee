package dev.sora4j.model;

import java.util.List;
import java.util.Objects;

/**
 * A request to create a video. Absent values (null) take the profile's defaults when validated.
 *
 * @param seconds clip length as the API expects it, a string such as {@code "8"}
 * @param characterIds reusable character ids, at most two
 */
public record VideoRequest(
        String prompt,
        String model,
        String size,
        String seconds,
        InputReference inputReference,
        List<String> characterIds) {

    public VideoRequest {
        characterIds = characterIds == null ? List.of() : List.copyOf(characterIds);
    }

    public static Builder builder() {
        return new Builder();
    }

    public VideoRequest withDefaults(String defaultModel, String defaultSize, String defaultSeconds) {
        return new VideoRequest(
                prompt,
                Objects.requireNonNullElse(model, defaultModel),
                Objects.requireNonNullElse(size, defaultSize),
                Objects.requireNonNullElse(seconds, defaultSeconds),
                inputReference,
                characterIds);
    }

    /** Builds a {@link VideoRequest}; {@code seconds(int)} is a convenience for the string form. */
    public static final class Builder {
        private String prompt;
        private String model;
        private String size;
        private String seconds;
        private InputReference inputReference;
        private List<String> characterIds = List.of();

        public Builder prompt(String value) {
            this.prompt = value;
            return this;
        }

        public Builder model(String value) {
            this.model = value;
            return this;
        }

        public Builder size(String value) {
            this.size = value;
            return this;
        }

        public Builder seconds(String value) {
            this.seconds = value;
            return this;
        }

        public Builder seconds(int value) {
            this.seconds = Integer.toString(value);
            return this;
        }

        public Builder inputReference(InputReference value) {
            this.inputReference = value;
            return this;
        }

        public Builder characterIds(List<String> value) {
            this.characterIds = value;
            return this;
        }

        public VideoRequest build() {
            return new VideoRequest(prompt, model, size, seconds, inputReference, characterIds);
        }
    }
}
