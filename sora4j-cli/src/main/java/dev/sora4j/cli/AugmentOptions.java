package dev.sora4j.cli;

import dev.sora4j.prompt.PromptFields;
import picocli.CommandLine.Option;

/** The reference CLI's structured prompt fields and {@code --augment}/{@code --no-augment}. */
final class AugmentOptions {
    @Option(
            names = "--augment",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Wrap the prompt in the structured template (default); --no-augment sends it unchanged.")
    boolean augment = true;

    @Option(names = "--use-case", paramLabel = "TEXT", description = "Use case: line.")
    String useCase;

    @Option(names = "--scene", paramLabel = "TEXT", description = "Scene/background: line.")
    String scene;

    @Option(names = "--subject", paramLabel = "TEXT", description = "Subject: line.")
    String subject;

    @Option(names = "--action", paramLabel = "TEXT", description = "Action: line.")
    String action;

    @Option(names = "--camera", paramLabel = "TEXT", description = "Camera: line.")
    String camera;

    @Option(names = "--style", paramLabel = "TEXT", description = "Style/format: line.")
    String style;

    @Option(names = "--lighting", paramLabel = "TEXT", description = "Lighting/mood: line.")
    String lighting;

    @Option(names = "--palette", paramLabel = "TEXT", description = "Color palette: line.")
    String palette;

    @Option(names = "--audio", paramLabel = "TEXT", description = "Audio: line.")
    String audio;

    @Option(names = "--dialogue", paramLabel = "TEXT", description = "Dialogue, in a <dialogue> block.")
    String dialogue;

    @Option(names = "--text", paramLabel = "TEXT", description = "On-screen text, quoted verbatim.")
    String text;

    @Option(names = "--timing", paramLabel = "TEXT", description = "Timing/beats: line.")
    String timing;

    @Option(names = "--constraints", paramLabel = "TEXT", description = "Constraints: line.")
    String constraints;

    @Option(names = "--negative", paramLabel = "TEXT", description = "Avoid: line.")
    String negative;

    PromptFields fields() {
        return new PromptFields(
                useCase,
                scene,
                subject,
                action,
                camera,
                style,
                lighting,
                palette,
                audio,
                dialogue,
                text,
                timing,
                constraints,
                negative);
    }
}
