package dev.sora4j.cli.daemon;

import dev.sora4j.internal.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files a background emulator and its clients share in the emulator's state directory: the start
 * lock, the port file (written last, atomically, once the emulator serves) and the emulator's log.
 *
 * @param dir the emulator's state directory ({@code $SORA4J_HOME/emulator})
 */
public record DaemonFiles(Path dir) {
    /** Held by the one command that starts the emulator, so that commands started at once share it. */
    public Path lock() {
        return dir.resolve("daemon.lock");
    }

    /** Port, pid, render mode and idle timeout of the running emulator; absent when none runs. */
    public Path portFile() {
        return dir.resolve("daemon.port");
    }

    /** The background emulator's stdout and stderr. */
    public Path log() {
        return dir.resolve("daemon.log");
    }

    /** The port file's content; empty when there is none or it cannot be read. */
    public Optional<DaemonInfo> read() {
        try {
            return DaemonInfo.parse(Files.readString(portFile(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(DaemonInfo info) throws IOException {
        AtomicFiles.write(portFile(), info.format().getBytes(StandardCharsets.UTF_8));
    }

    /** Removes the port file if it still names {@code pid} (a newer emulator's file stays). */
    void removeIfOwnedBy(long pid) {
        if (read().map(i -> i.pid() == pid).orElse(false)) {
            try {
                Files.deleteIfExists(portFile());
            } catch (IOException e) {
                // Left behind: the next client finds no process behind it and starts a new emulator.
            }
        }
    }

    /** Whether the port file still names {@code pid}: a stopped or replaced emulator must exit. */
    boolean namesPid(long pid) {
        return read().map(i -> i.pid() == pid).orElse(false);
    }
}
