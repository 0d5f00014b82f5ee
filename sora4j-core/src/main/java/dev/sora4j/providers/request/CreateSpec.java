package dev.sora4j.providers.request;

import dev.sora4j.model.InputReference;
import dev.sora4j.model.VideoRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A create request in neutral terms, before any provider's field names. Null means "not given":
 * the provider's {@link ModelRules} fill its own defaults, and a self-hosted server's defaults
 * (model, size, length) apply when a value stays null.
 *
 * @param prompt the text prompt
 * @param model the model name, or null for the provider's default
 * @param size {@code WxH}
 * @param seconds the clip length as a decimal string ({@code "8"}, TRT-LLM also accepts {@code "2.5"})
 * @param reference the input reference (image file, URL or file id), or null for none
 * @param characterIds ids of characters to include, empty for none
 * @param extras {@code --extra} fields, already typed by {@link ExtraFields#parse}
 */
public record CreateSpec(
        String prompt,
        String model,
        String size,
        String seconds,
        InputReference reference,
        List<String> characterIds,
        Map<String, Object> extras) {

    /**
     * Copies {@code characterIds} and {@code extras}; null for either reads as empty.
     *
     * @param prompt the text prompt
     * @param model the model name, or null for the provider's default
     * @param size {@code WxH}
     * @param seconds the clip length as a decimal string ({@code "8"}, TRT-LLM also accepts {@code "2.5"})
     * @param reference the input reference (image file, URL or file id), or null for none
     * @param characterIds ids of characters to include, empty for none
     * @param extras {@code --extra} fields, already typed by {@link ExtraFields#parse}
     */
    public CreateSpec {
        characterIds = characterIds == null ? List.of() : List.copyOf(characterIds);
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * The neutral form of a {@link VideoRequest} plus extra fields.
     *
     * @param r the request to convert
     * @param extras the typed {@code --extra} fields, may be null
     * @return the spec with the request's values and the extras
     */
    public static CreateSpec from(VideoRequest r, Map<String, Object> extras) {
        return new CreateSpec(
                r.prompt(), r.model(), r.size(), r.seconds(), r.inputReference(), r.characterIds(), extras);
    }

    /**
     * A spec with only a prompt; everything else is left to the defaults.
     *
     * @param prompt the text prompt
     * @return the spec
     */
    public static CreateSpec of(String prompt) {
        return new CreateSpec(prompt, null, null, null, null, List.of(), Map.of());
    }

    /**
     * A copy with another model.
     *
     * @param value the model name, or null for the default
     * @return the new spec
     */
    public CreateSpec withModel(String value) {
        return new CreateSpec(prompt, value, size, seconds, reference, characterIds, extras);
    }

    /**
     * A copy with another size.
     *
     * @param value the size as {@code WxH}, or null for the default
     * @return the new spec
     */
    public CreateSpec withSize(String value) {
        return new CreateSpec(prompt, model, value, seconds, reference, characterIds, extras);
    }

    /**
     * A copy with another clip length.
     *
     * @param value the length as a decimal string, or null for the default
     * @return the new spec
     */
    public CreateSpec withSeconds(String value) {
        return new CreateSpec(prompt, model, size, value, reference, characterIds, extras);
    }

    /**
     * A copy with another input reference.
     *
     * @param value the input reference, or null for none
     * @return the new spec
     */
    public CreateSpec withReference(InputReference value) {
        return new CreateSpec(prompt, model, size, seconds, value, characterIds, extras);
    }

    /**
     * A copy with other character ids.
     *
     * @param value the character ids, null or empty for none
     * @return the new spec
     */
    public CreateSpec withCharacterIds(List<String> value) {
        return new CreateSpec(prompt, model, size, seconds, reference, value, extras);
    }

    /**
     * A copy with other extra fields.
     *
     * @param value the typed extra fields, null or empty for none
     * @return the new spec
     */
    public CreateSpec withExtras(Map<String, Object> value) {

        return new CreateSpec(prompt, model, size, seconds, reference, characterIds, value);
    }
}
