package dev.sora4j.options;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.errors.SoraException;
import dev.sora4j.internal.files.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/** {@link ExtensionChains} in one JSON file, updated under a file lock so concurrent processes do not lose entries. */
final class FileExtensionChains implements ExtensionChains {
    private static final TypeReference<TreeMap<String, Integer>> MAP = new TypeReference<>() {};
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    FileExtensionChains(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public int extensionsBehind(String videoId) {
        return read().getOrDefault(videoId, 0);
    }

    @Override
    @SuppressWarnings("try") // the lock is held for the block, never referenced
    public synchronized void recordExtension(String newVideoId, String sourceVideoId) {
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                Map<String, Integer> depth = read();
                depth.put(newVideoId, depth.getOrDefault(sourceVideoId, 0) + 1);
                AtomicFiles.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(depth));
            }
        } catch (IOException e) {
            throw new SoraException("Could not record the extension in " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Integer> read() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return json.readValue(file.toFile(), MAP);
        } catch (IOException e) {
            throw new SoraException(
                    "Could not read " + file + " (" + e.getMessage() + "); move it aside to start afresh.", e);
        }
    }
}
