package dev.sora4j.errors;

import java.nio.file.Path;

/** A download target already exists and overwriting was not asked for. */
public class OutputExistsException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public OutputExistsException(Path path) {
        super("out", "Output exists: " + path + " (use --force to overwrite, or choose another --out)");
    }
}
