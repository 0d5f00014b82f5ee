package dev.sora4j.emulator.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One directory of {@code <id>.json} records of one type, written temp-then-rename so that readers
 * (possibly other processes) never see half a file. Ids that do not match {@code idPattern} are
 * simply not found, so a path can never be built from a hostile id.
 */
public final class JsonDirectory<T> {
    private final Path dir;
    private final ObjectMapper json;
    private final Class<T> type;
    private final Pattern idPattern;

    public JsonDirectory(Path dir, ObjectMapper json, Class<T> type, String idPattern) {
        this.dir = dir;
        this.json = json;
        this.type = type;
        this.idPattern = Pattern.compile(idPattern);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create emulator state directory " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public void save(String id, T value) {
        try {
            VideoStore.writeAtomically(dir.resolve(id + ".json"), json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<T> find(String id) {
        if (!idPattern.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(id + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), type));
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException deletedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record, in no particular order. */
    public List<T> all() {
        List<T> out = new ArrayList<>();
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
        return out;
    }

    public void delete(String id) {
        try {
            Files.deleteIfExists(dir.resolve(id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
