package dev.sora4j.prompt;

import java.util.List;
import java.util.Map;

/**
 * The structured fields of the reference CLI's prompt augmentation; null or blank means absent.
 * {@code negative} is rendered as {@code Avoid:}.
 */
public record PromptFields(
        String useCase,
        String scene,
        String subject,
        String action,
        String camera,
        String style,
        String lighting,
        String palette,
        String audio,
        String dialogue,
        String text,
        String timing,
        String constraints,
        String negative) {

    /**
     * No fields.
     *
     * @return all fields absent
     */
    public static PromptFields none() {
        return new PromptFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The JSONL keys of the fields, in record order (as the reference batch schema spells them). */
    public static final List<String> KEYS = List.of(
            "use_case",
            "scene",
            "subject",
            "action",
            "camera",
            "style",
            "lighting",
            "palette",
            "audio",
            "dialogue",
            "text",
            "timing",
            "constraints",
            "negative");

    /**
     * Reads the fields from a map keyed by {@link #KEYS}; other keys are ignored, values become strings.
     *
     * @param map values by JSONL key
     * @return the from map
     */
    public static PromptFields fromMap(Map<String, ?> map) {
        String[] v = new String[KEYS.size()];
        for (int i = 0; i < v.length; i++) {
            Object o = map.get(KEYS.get(i));
            v[i] = o == null ? null : String.valueOf(o);
        }
        return new PromptFields(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
    }

    /**
     * These fields, with every field that {@code over} sets replacing the one here.
     *
     * @param over the fields that win
     * @return the overridden by
     */
    public PromptFields overriddenBy(PromptFields over) {
        return new PromptFields(
                pick(over.useCase, useCase),
                pick(over.scene, scene),
                pick(over.subject, subject),
                pick(over.action, action),
                pick(over.camera, camera),
                pick(over.style, style),
                pick(over.lighting, lighting),
                pick(over.palette, palette),
                pick(over.audio, audio),
                pick(over.dialogue, dialogue),
                pick(over.text, text),
                pick(over.timing, timing),
                pick(over.constraints, constraints),
                pick(over.negative, negative));
    }

    private static String pick(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
