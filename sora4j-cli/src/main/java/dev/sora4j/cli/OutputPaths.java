package dev.sora4j.cli;

import dev.sora4j.model.Variant;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The reference CLI's rules for {@code --json-out} and {@code --out} paths. */
final class OutputPaths {
    private OutputPaths() {}

    /**
     * A directory (existing, or written with a trailing slash) gets {@code defaultName}; a path
     * without an extension gets {@code .json}.
     */
    static Optional<Path> jsonOut(String raw, String defaultName) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (raw.endsWith("/") || raw.endsWith(File.separator)) {
            return Optional.of(Path.of(raw).resolve(defaultName));
        }
        Path path = Path.of(raw);
        if (Files.isDirectory(path)) {
            return Optional.of(path.resolve(defaultName));
        }
        if (extension(path).isEmpty()) {
            return Optional.of(path.resolveSibling(path.getFileName() + ".json"));
        }
        return Optional.of(path);
    }

    /**
     * No {@code --out}, or a directory: {@code video.mp4}, {@code thumbnail.webp} or {@code spritesheet.jpg}
     * (inside it); no extension: the variant's.
     */
    static Path downloadOut(String raw, Variant variant) {
        if (raw == null || raw.isBlank()) {
            return Path.of(variant.defaultFileName());
        }
        // Like --json-out: a directory (existing, or written with a trailing slash) gets the default name.
        if (raw.endsWith("/") || raw.endsWith(File.separator)) {
            return Path.of(raw).resolve(variant.defaultFileName());
        }
        Path path = Path.of(raw);
        if (Files.isDirectory(path)) {
            return path.resolve(variant.defaultFileName());
        }
        if (extension(path).isEmpty()) {
            return path.resolveSibling(path.getFileName() + variant.extension());
        }
        return path;
    }

    /** The warning to print when {@code out} has another extension than the variant's, if any. */
    static Optional<String> extensionWarning(Path out, Variant variant) {
        String ext = extension(out);
        if (!ext.isEmpty() && !ext.equalsIgnoreCase(variant.extension())) {
            return Optional.of("Output extension " + ext + " does not match " + variant.extension() + " for "
                    + variant.wireName() + ".");
        }
        return Optional.empty();
    }

    static String extension(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }
}
