package dev.sora4j.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the reference CLI's structured prompt: one labelled line per given field, in a fixed
 * order, with the user's prompt as {@code Primary request:}.
 */
public final class PromptAugmenter {
    private static final Pattern LABEL_LINE = Pattern.compile(
            "(?m)^(Use case|Primary request|Scene/background|Subject|Action|Camera|Lighting/mood|Color palette"
                    + "|Style/format|Timing/beats|Audio|Text \\(verbatim\\)|Dialogue|Constraints|Avoid):");

    private PromptAugmenter() {}

    /**
     * The structured prompt: one labelled line per given field, the prompt as {@code Primary request:}.
     *
     * @param prompt the prompt
     * @param f the f
     * @return the augment
     */
    public static String augment(String prompt, PromptFields f) {
        List<String> lines = new ArrayList<>();
        add(lines, "Use case: ", f.useCase());
        lines.add("Primary request: " + prompt);
        add(lines, "Scene/background: ", f.scene());
        add(lines, "Subject: ", f.subject());
        add(lines, "Action: ", f.action());
        add(lines, "Camera: ", f.camera());
        add(lines, "Lighting/mood: ", f.lighting());
        add(lines, "Color palette: ", f.palette());
        add(lines, "Style/format: ", f.style());
        add(lines, "Timing/beats: ", f.timing());
        add(lines, "Audio: ", f.audio());
        if (present(f.text())) {
            lines.add("Text (verbatim): \"" + f.text() + "\"");
        }
        if (present(f.dialogue())) {
            lines.add("Dialogue:\n<dialogue>\n" + f.dialogue().strip() + "\n</dialogue>");
        }
        add(lines, "Constraints: ", f.constraints());
        add(lines, "Avoid: ", f.negative());
        return String.join("\n", lines);
    }

    /**
     * Whether the prompt already has label lines, so augmenting it again would wrap it twice.
     *
     * @param prompt the prompt
     * @return the looks structured
     */
    public static boolean looksStructured(String prompt) {
        return LABEL_LINE.matcher(prompt).find();
    }

    private static void add(List<String> lines, String label, String value) {
        if (present(value)) {
            lines.add(label + value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
