package dev.sora4j.errors;

/**
 * A request or an option that breaks a rule, found before anything is sent. {@link #field()} names
 * the field at fault ({@code size}, {@code seconds}, ...), so a front end can point at its own input.
 */
public class InvalidRequestException extends SoraException {
    private static final long serialVersionUID = 1L;

    /** The field at fault, or null. */
    private final String field;

    /**
     * An invalid value.
     *
     * @param field the request field or option at fault, or null when the problem is not tied to one
     * @param message what is wrong and what is allowed; may reference fields with {@link #ref(String)}
     */
    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * An invalid value whose message starts with the field's name: {@code size '9x9' is not allowed}.
     *
     * @param field the request field at fault
     * @param problem the rest of the message, starting with a space or punctuation
     * @return the exception, ready to throw
     */
    public static InvalidRequestException of(String field, String problem) {
        return new InvalidRequestException(field, ref(field) + problem);
    }

    /**
     * The request field at fault.
     *
     * @return the field name, or null when the problem is not tied to one field
     */
    public String field() {
        return field;
    }
}
