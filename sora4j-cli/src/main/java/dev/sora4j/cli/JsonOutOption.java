package dev.sora4j.cli;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.preflight.OutputTargets;
import java.nio.file.Files;
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

    /** The file name a directory gets: the command's name, except {@code get-character} writes {@code character.json}. */
    static String defaultName(String command) {
        return command.equals("get-character") ? "character.json" : command + ".json";
    }

    /**
     * Refuses, before any request, a {@code --json-out} file that exists (unless {@code force}) or
     * could not be written.
     */
    void preflight(String command, boolean force) {
        Optional<Path> target = path(defaultName(command));
        if (target.isEmpty()) {
            return;
        }
        Path p = target.get();
        if (Files.isRegularFile(p) && !force) {
            throw new InvalidRequestException(
                    "json_out", "--json-out " + p + " exists; add --force to overwrite it, or choose another path.");
        }
        OutputTargets.checkFile("--json-out", p);
    }
}
