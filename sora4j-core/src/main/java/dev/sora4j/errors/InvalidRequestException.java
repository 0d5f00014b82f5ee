package dev.sora4j.errors;

/**
 * A request that breaks a rule, found before anything is sent. {@link #field()} names the request
 * field at fault ({@code size}, {@code seconds}, ...), so a front end can point at its own flag.
 */
public class InvalidRequestException extends SoraException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, or null when the problem is not tied to one field. */
    public String field() {
        return field;
    }
}
