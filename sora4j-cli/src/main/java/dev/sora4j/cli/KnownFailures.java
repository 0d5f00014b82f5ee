package dev.sora4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.preflight.JsonProblems;
import java.net.BindException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures that the user's input or machine caused, thrown from code that does not know the
 * command line (a taken port, a file where a directory belongs, a file that is not UTF-8), into input
 * errors with one clear line, instead of an "unexpected" error naming an exception class.
 */
final class KnownFailures {
    private KnownFailures() {}

    static Exception translate(Exception e, SoraCommand root) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isPortInUse(t)) {
                return new InvalidRequestException(null, portInUse(root));
            }
            Optional<Path> blocking = t instanceof FileSystemException fs ? fileInTheWay(fs) : Optional.empty();
            if (blocking.isPresent()) {
                return new InvalidRequestException(
                        null,
                        blocking.get() + " is a file where a directory is needed; move it away or choose another"
                                + " directory (--state-dir, --out-dir, SORA4J_HOME).");
            }
            if (t instanceof AccessDeniedException denied) {
                return new InvalidRequestException(
                        null, "permission denied: " + denied.getFile() + "; choose a location you can write to.");
            }
            if (t instanceof CharacterCodingException) {
                return new InvalidRequestException(null, "a file given is not UTF-8 text; save it as UTF-8.");
            }
            if (t instanceof JsonProcessingException json) {
                return new InvalidRequestException(null, "invalid JSON: " + JsonProblems.describe(json) + ".");
            }
        }
        return e;
    }

    /** The regular file that stops a directory from being created at (or under) the exception's path. */
    private static Optional<Path> fileInTheWay(FileSystemException e) {
        if (!(e instanceof FileAlreadyExistsException
                        || e instanceof NotDirectoryException
                        || String.valueOf(e.getReason()).contains("Not a directory"))
                || e.getFile() == null) {
            return Optional.empty();
        }
        for (Path p = Path.of(e.getFile()); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Java's BindException, or a server's own wrapper of it (Javalin names its own "...BindException"). */
    private static boolean isPortInUse(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return t instanceof BindException
                || t.getClass().getSimpleName().endsWith("BindException")
                || message.contains("address already in use")
                || message.contains("port already in use");
    }

    private static String portInUse(SoraCommand root) {
        ParseResult parsed = root.spec.commandLine().getParseResult();
        Integer port = null;
        for (ParseResult sub = parsed; sub != null; sub = sub.subcommand()) {
            if (sub.hasMatchedOption("--port")) {
                port = sub.matchedOptionValue("--port", null);
            }
        }
        return (port == null ? "the port" : "port " + port)
                + " is in use; pick another with --port, or --port 0 for any free port.";
    }
}
