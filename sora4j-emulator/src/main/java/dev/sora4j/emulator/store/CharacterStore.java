package dev.sora4j.emulator.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;

/** Characters on disk, {@code characters/<id>.json}. */
public final class CharacterStore {
    /** A character and what was read from its clip. */
    public record StoredCharacter(String id, String name, long createdAt, int width, int height, double seconds) {}

    private final JsonDirectory<StoredCharacter> records;

    public CharacterStore(Path stateDir, ObjectMapper json) {
        this.records =
                new JsonDirectory<>(stateDir.resolve("characters"), json, StoredCharacter.class, "char_[0-9a-f]{1,64}");
    }

    public void save(StoredCharacter c) {
        records.save(c.id(), c);
    }

    public Optional<StoredCharacter> find(String id) {
        return records.find(id);
    }
}
