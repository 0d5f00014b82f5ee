package dev.sora4j.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Files API storage: {@code files/<id>.json} (the object) and {@code files/<id>.bin} (the bytes). */
final class FileStore {
    /** A stored file; times in Unix seconds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoredFile(String id, long bytes, long createdAt, String filename, String purpose, Long expiresAt) {}

    private final Path dir;
    private final ObjectMapper json;

    FileStore(Path stateDir, ObjectMapper json) {
        this.dir = stateDir.resolve("files");
        this.json = json;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StoredFile save(String filename, String purpose, byte[] content, long createdAt, Long expiresAt) {
        StoredFile f = new StoredFile(Ids.file(), content.length, createdAt, filename, purpose, expiresAt);
        try {
            VideoStore.writeAtomically(dir.resolve(f.id() + ".bin"), content);
            VideoStore.writeAtomically(dir.resolve(f.id() + ".json"), json.writeValueAsBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    Optional<StoredFile> find(String id) {
        if (!id.matches("file-[A-Za-z0-9]{1,64}")) {
            return Optional.empty();
        }
        Path meta = dir.resolve(id + ".json");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(meta.toFile(), StoredFile.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StoredFile require(String id, String param) {
        return find(id).orElseThrow(() -> new ApiError(404, "invalid_request_error", param, null,
                "No such File object: " + id));
    }

    Path content(String id) {
        return dir.resolve(id + ".bin");
    }

    byte[] bytes(String id) {
        try {
            return Files.readAllBytes(content(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Oldest first. */
    List<StoredFile> all() {
        List<StoredFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") && !name.startsWith(".")) {
                    find(name.substring(0, name.length() - 5)).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparingLong(StoredFile::createdAt).thenComparing(StoredFile::id));
        return out;
    }

    void delete(String id) {
        try {
            Files.deleteIfExists(dir.resolve(id + ".json"));
            Files.deleteIfExists(content(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
