package dev.sora4j.cli;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.preflight.TextFiles;
import dev.sora4j.prompt.PromptAugmenter;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --prompt} or {@code --prompt-file}, and the structured augmentation fields. */
final class PromptOptions {
    @Mixin
    AugmentOptions augment;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "The prompt.")
    String prompt;

    @Option(names = "--prompt-file", paramLabel = "FILE", description = "Read the prompt from a UTF-8 file.")
    Path promptFile;

    /** The prompt as it will be sent; {@code warn} hears about double wrapping. */
    String build(Consumer<String> warn) {
        String raw = read();
        if (!augment.augment) {
            return raw;
        }
        if (PromptAugmenter.looksStructured(raw)) {
            warn.accept("The prompt already has structured label lines; augmenting wraps it twice. "
                    + "Pass --no-augment to send it unchanged.");
        }
        return PromptAugmenter.augment(raw, augment.fields());
    }

    private String read() {
        if (prompt != null && promptFile != null) {
            throw new InvalidRequestException("prompt", "Use --prompt or --prompt-file, not both.");
        }
        if (promptFile != null) {
            String text = TextFiles.read("--prompt-file", promptFile).strip();
            if (text.isEmpty()) {
                throw new InvalidRequestException(
                        "prompt_file",
                        "--prompt-file " + promptFile
                                + " is empty (or only whitespace); write the prompt in it, or use " + "--prompt TEXT.");
            }
            return text;
        }
        if (prompt != null && !prompt.isBlank()) {
            return prompt.strip();
        }
        throw new InvalidRequestException("prompt", "Missing prompt. Use --prompt TEXT or --prompt-file FILE.");
    }
}
