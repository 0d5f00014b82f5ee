package dev.sora4j.preflight;

import dev.sora4j.errors.InvalidRequestException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pre-flight for output paths ({@code --out}, {@code --json-out}, {@code --out-dir}): a result that
 * cannot be written is reported before a paid request, not after. Missing directories are fine (they
 * are created when the file is written); a file in their place, or a directory we may not write in,
 * is not.
 */
public final class OutputTargets {
    private OutputTargets() {}

    /**
     * Checks that a file can be created at {@code target}.
     *
     * @param flag the option that named it, e.g. {@code --out}
     * @param target the file to be written
     * @throws InvalidRequestException naming the flag and what blocks the write
     */
    public static void checkFile(String flag, Path target) {
        if (Files.isDirectory(target)) {
            throw new InvalidRequestException(
                    "out", flag + " " + target + " is a directory; name a file, or end the path with '/'.");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            checkDirectory(flag, target, parent);
        }
    }

    /**
     * Checks that {@code dir} is, or can become, a directory we can write in.
     *
     * @param flag the option that named it, e.g. {@code --out-dir}
     * @param dir the directory to be written in
     * @throws InvalidRequestException naming the flag and what blocks the write
     */
    public static void checkDirectory(String flag, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidRequestException(
                    "out", flag + " " + dir + " is a file, not a directory; choose a directory.");
        }
        checkDirectory(flag, dir, dir.toAbsolutePath());
    }

    private static void checkDirectory(String flag, Path given, Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new InvalidRequestException(
                    "out", flag + " " + given + ": " + existing + " is a file, not a directory; choose another path.");
        }
        probe(flag, given, existing);
    }

    /** Creates and deletes a hidden file: the only check that also sees read-only mounts and root's limits. */
    private static void probe(String flag, Path given, Path dir) {
        Path probe = null;
        try {
            probe = Files.createTempFile(dir, ".sora4j-probe-", ".tmp");
        } catch (AccessDeniedException e) {
            throw new InvalidRequestException(
                    "out",
                    flag + " " + given + ": permission denied (cannot write in " + dir
                            + "); choose a writable location.");
        } catch (IOException e) {
            throw new InvalidRequestException(
                    "out", flag + " " + given + ": cannot write in " + dir + " (" + e.getMessage() + ").");
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // A leftover empty hidden probe file is harmless.
                }
            }
        }
    }
}
