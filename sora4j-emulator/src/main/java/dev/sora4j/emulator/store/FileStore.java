package dev.sora4j.emulator.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Content;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Files API storage: {@code files/<id>.json} (the object) and {@code files/<id>.bin} (the bytes). */
public final class FileStore {
    /** A stored file; times in Unix seconds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoredFile(String id, long bytes, long createdAt, String filename, String purpose, Long expiresAt) {}

    private final JsonDirectory<StoredFile> records;

    public FileStore(Path stateDir, ObjectMapper json) {
        this.records = new JsonDirectory<>(stateDir.resolve("files"), json, StoredFile.class, "file-[A-Za-z0-9]{1,64}");
    }

    public StoredFile save(String filename, String purpose, byte[] content, long createdAt, Long expiresAt) {
        return save(filename, purpose, Content.of(content), createdAt, expiresAt);
    }

    /** Streams {@code content} into the store; it is never held in memory whole. */
    public StoredFile save(String filename, String purpose, Content content, long createdAt, Long expiresAt) {
        String id = Ids.file();
        long size;
        try {
            // The bytes first: a record is only ever visible with its content in place.
            VideoStore.writeAtomically(content(id), content);
            size = Files.size(content(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StoredFile f = new StoredFile(id, size, createdAt, filename, purpose, expiresAt);
        records.save(f.id(), f);
        return f;
    }

    public Optional<StoredFile> find(String id) {
        return records.find(id);
    }

    public StoredFile require(String id, String param) {
        return find(id).orElseThrow(
                        () -> new ApiError(404, "invalid_request_error", param, null, "No such File object: " + id));
    }

    public Path content(String id) {
        return records.dir().resolve(id + ".bin");
    }

    public byte[] bytes(String id) {
        try {
            return Files.readAllBytes(content(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Oldest first. */
    public List<StoredFile> all() {
        List<StoredFile> out = new ArrayList<>(records.all());
        out.sort(Comparator.comparingLong(StoredFile::createdAt).thenComparing(StoredFile::id));
        return out;
    }

    public void delete(String id) {
        records.delete(id);
        try {
            Files.deleteIfExists(content(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
