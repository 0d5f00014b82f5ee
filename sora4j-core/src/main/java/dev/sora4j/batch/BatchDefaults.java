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

    public BatchDefaults {
        characterIds = characterIds == null ? List.of() : List.copyOf(characterIds);
        fields = fields == null ? PromptFields.none() : fields;
    }

    public static BatchDefaults none() {
        return new BatchDefaults(null, null, null, List.of(), null, PromptFields.none(), true);
    }
}
