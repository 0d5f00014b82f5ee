package dev.sora4j.cli;

import dev.sora4j.errors.SoraException;
import java.util.Map;

/**
 * The one place that maps the library's field and setting names to this command line's flags. The
 * library names fields in its messages ({@code size}); every message the CLI prints is rendered
 * through {@link #render(String)} so the user reads {@code --size}.
 */
final class FlagNames {
    private static final Map<String, String> FLAG_FOR_FIELD = Map.ofEntries(
            Map.entry("prompt", "--prompt"),
            Map.entry("prompt_file", "--prompt-file"),
            Map.entry("model", "--model"),
            Map.entry("size", "--size"),
            Map.entry("seconds", "--seconds"),
            Map.entry("variant", "--variant"),
            Map.entry("character_id", "--character-id"),
            Map.entry("input_reference", "--input-reference"),
            Map.entry("input_reference_file_id", "--input-reference-file-id"),
            Map.entry("input_reference_url", "--input-reference-url"),
            Map.entry("poll_interval", "--poll-interval"),
            Map.entry("timeout", "--timeout"),
            Map.entry("profile", "--profile"),
            Map.entry("auth_header", "--auth-header"),
            Map.entry("base_url", "--base-url"),
            Map.entry("ledger", "--ledger"),
            Map.entry("id", "--id"),
            Map.entry("video_file", "--video-file"),
            Map.entry("name", "--name"),
            Map.entry("out", "--out"),
            Map.entry("force", "--force"),
            Map.entry("input", "--input"),
            Map.entry("out_dir", "--out-dir"),
            Map.entry("concurrency", "--concurrency"),
            Map.entry("max_attempts", "--max-attempts"),
            Map.entry("max_cost", "--max-cost"),
            Map.entry("rpm", "--rpm"),
            Map.entry("fail_fast", "--fail-fast"),
            Map.entry("no_augment", "--no-augment"));

    private FlagNames() {}

    /** The flag for a field, or the field itself when the CLI has no flag for it. */
    static String flag(String field) {
        return FLAG_FOR_FIELD.getOrDefault(field, field);
    }

    /** A library message with its field references shown as flags. */
    static String render(String message) {
        return SoraException.render(message, FlagNames::flag);
    }

    /** An exception's message with its field references shown as flags. */
    static String render(SoraException e) {
        return e.message(FlagNames::flag);
    }
}
