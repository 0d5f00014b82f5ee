package dev.sora4j.errors;

import java.nio.file.Path;

/** A download or result target already exists and overwriting was not asked for (field {@code out}). */
public class OutputExistsException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /**
     * The target exists.
     *
     * @param path the existing file
     */
    public OutputExistsException(Path path) {
        super(
                "out",
                "Output exists: " + path + " (use " + ref("force") + " to overwrite, or choose another " + ref("out")
                        + ")");
        this.path = path;
    }

    /**
     * The file that already exists.
     *
     * @return its path as given
     */
    public Path path() {
        return path;
    }
}
