package dev.sora4j.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Characters on disk, {@code characters/<id>.json}, written temp-then-rename like jobs. */
final class CharacterStore {
    /** A character and what was read from its clip. */
    record StoredCharacter(String id, String name, long createdAt, int width, int height, double seconds) {}

    private final Path dir;
    private final ObjectMapper json;

    CharacterStore(Path stateDir, ObjectMapper json) {
        this.dir = stateDir.resolve("characters");
        this.json = json;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void save(StoredCharacter c) {
        try {
            VideoStore.writeAtomically(dir.resolve(c.id() + ".json"), json.writeValueAsBytes(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<StoredCharacter> find(String id) {
        if (!id.matches("char_[0-9a-f]{1,64}")) {
            return Optional.empty();
        }
        Path file = dir.resolve(id + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), StoredCharacter.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
