package dev.sora4j.batch;

import dev.sora4j.model.InputReference;
import dev.sora4j.prompt.PromptFields;
import java.util.List;

/**
 * What every job gets unless its line says otherwise: the command line's create flags.
 *
 * @param augment whether prompts are wrapped in the structured template
 */
public record BatchDefaults(
        String model,
        String size,
        String seconds,
        List<String> characterIds,
        InputReference inputReference,
        PromptFields fields,
        boolean augment) {

    /**
     * Checks the components.
     *
     * @param augment whether prompts are wrapped in the structured template
     * @param characterIds the character ids
     * @param fields the structured fields
     * @param inputReference the input reference
     * @param model the model
     * @param seconds the clip length in seconds, as a string
     * @param size its size in bytes
     */
    public BatchDefaults {
        characterIds = characterIds == null ? List.of() : List.copyOf(characterIds);
        fields = fields == null ? PromptFields.none() : fields;
    }

    /**
     * No defaults: every line sets its own values, prompts are augmented.
     *
     * @return the defaults
     */
    public static BatchDefaults none() {
        return new BatchDefaults(null, null, null, List.of(), null, PromptFields.none(), true);
    }
}
