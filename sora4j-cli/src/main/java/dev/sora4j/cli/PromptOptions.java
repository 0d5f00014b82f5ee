package dev.sora4j.cli;

import dev.sora4j.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --prompt} or {@code --prompt-file}. */
final class PromptOptions {
    @Option(names = "--prompt", paramLabel = "TEXT", description = "The prompt.")
    String prompt;

    @Option(names = "--prompt-file", paramLabel = "FILE", description = "Read the prompt from a UTF-8 file.")
    Path promptFile;

    String read() {
        if (prompt != null && promptFile != null) {
            throw new InvalidRequestException("prompt", "Use --prompt or --prompt-file, not both.");
        }
        if (promptFile != null) {
            if (!Files.isRegularFile(promptFile)) {
                throw new InvalidRequestException("prompt_file", "--prompt-file " + promptFile + ": file not found.");
            }
            try {
                return Files.readString(promptFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new InvalidRequestException("prompt_file", "--prompt-file " + promptFile + ": " + e.getMessage());
            }
        }
        if (prompt != null && !prompt.isBlank()) {
            return prompt.strip();
        }
        throw new InvalidRequestException("prompt", "Missing prompt. Use --prompt TEXT or --prompt-file FILE.");
    }
}
