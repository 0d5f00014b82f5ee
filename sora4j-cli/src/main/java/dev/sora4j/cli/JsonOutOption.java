package dev.sora4j.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --json-out}: also save the command's JSON result to a file. */
final class JsonOutOption {
    @Option(
            names = "--json-out",
            paramLabel = "PATH",
            description =
                    "Also write the JSON result here (a directory gets a default name; .json is added if missing).")
    String jsonOut;

    Optional<Path> path(String defaultName) {
        return OutputPaths.jsonOut(jsonOut, defaultName);
    }
}
