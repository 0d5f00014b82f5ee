package dev.sora4j.guard;

import dev.sora4j.prompt.PromptFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One text that will reach the server, with the name of the field it came from ({@code prompt},
 * {@code dialogue}, {@code character name}, {@code line 12: prompt} ...), so a refusal can point at
 * it.
 *
 * @param field where the text came from, e.g. {@code prompt} or {@code line 12: prompt}
 * @param text the text to check
 */
public record GuardText(String field, String text) {
    /**
     * Checks that neither component is null.
     *
     * @param field where the text came from, e.g. {@code prompt} or {@code line 12: prompt}
     * @param text the text to check
     */
    public GuardText {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
    }

    /**
     * A text from the named field.
     *
     * @param field the field name, e.g. {@code prompt}
     * @param text the text
     * @return the text with its field
     */
    public static GuardText of(String field, String text) {
        return new GuardText(field, text);
    }

    /**
     * Every non-blank augmentation field, named by its JSONL key ({@code scene}, {@code dialogue}...).
     *
     * @param fields the augmentation fields of a prompt
     * @return one text per non-blank field, in field order
     */
    public static List<GuardText> of(PromptFields fields) {
        String[] values = {
            fields.useCase(),
            fields.scene(),
            fields.subject(),
            fields.action(),
            fields.camera(),
            fields.style(),
            fields.lighting(),
            fields.palette(),
            fields.audio(),
            fields.dialogue(),
            fields.text(),
            fields.timing(),
            fields.constraints(),
            fields.negative()
        };
        List<GuardText> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                out.add(new GuardText(PromptFields.KEYS.get(i), values[i]));
            }
        }
        return out;
    }

    /**
     * The same text with its field prefixed, e.g. {@code line 3: prompt} for a batch line.
     *
     * @param prefix what to put before the field name, e.g. {@code line 3}
     * @return a new text whose field is {@code prefix: field}
     */
    public GuardText within(String prefix) {
        return new GuardText(prefix + ": " + field, text);
    }
}
