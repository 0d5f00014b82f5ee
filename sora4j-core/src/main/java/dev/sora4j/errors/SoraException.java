package dev.sora4j.errors;

/** Root of every exception sora4j throws; the CLI maps each subclass to one exit code. */
public class SoraException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SoraException(String message) {
        super(message);
    }

    public SoraException(String message, Throwable cause) {
        super(message, cause);
    }
}
