package dev.sora4j.prompt;

/**
 * The structured fields of the reference CLI's prompt augmentation; null or blank means absent.
 * {@code negative} is rendered as {@code Avoid:}.
 */
public record PromptFields(String useCase, String scene, String subject, String action, String camera, String style,
        String lighting, String palette, String audio, String dialogue, String text, String timing, String constraints,
        String negative) {

    public static PromptFields none() {
        return new PromptFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
