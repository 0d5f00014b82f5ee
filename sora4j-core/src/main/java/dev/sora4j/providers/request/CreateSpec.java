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
 * @param size {@code WxH}
 * @param seconds the clip length as a decimal string ({@code "8"}, TRT-LLM also accepts {@code "2.5"})
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

    public CreateSpec {
        characterIds = characterIds == null ? List.of() : List.copyOf(characterIds);
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** The neutral form of a {@link VideoRequest} plus extra fields. */
    public static CreateSpec from(VideoRequest r, Map<String, Object> extras) {
        return new CreateSpec(
                r.prompt(), r.model(), r.size(), r.seconds(), r.inputReference(), r.characterIds(), extras);
    }

    public static CreateSpec of(String prompt) {
        return new CreateSpec(prompt, null, null, null, null, List.of(), Map.of());
    }

    public CreateSpec withModel(String value) {
        return new CreateSpec(prompt, value, size, seconds, reference, characterIds, extras);
    }

    public CreateSpec withSize(String value) {
        return new CreateSpec(prompt, model, value, seconds, reference, characterIds, extras);
    }

    public CreateSpec withSeconds(String value) {
        return new CreateSpec(prompt, model, size, value, reference, characterIds, extras);
    }

    public CreateSpec withReference(InputReference value) {
        return new CreateSpec(prompt, model, size, seconds, value, characterIds, extras);
    }

    public CreateSpec withCharacterIds(List<String> value) {
        return new CreateSpec(prompt, model, size, seconds, reference, value, extras);
    }

    public CreateSpec withExtras(Map<String, Object> value) {
        return new CreateSpec(prompt, model, size, seconds, reference, characterIds, value);
    }
}
