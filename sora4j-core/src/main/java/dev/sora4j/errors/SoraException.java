package dev.sora4j.errors;

import java.util.function.UnaryOperator;

/**
 * Root of every exception sora4j throws. Subclasses say what went wrong so that a caller can branch
 * on the type: {@link InvalidRequestException} (found locally, nothing sent), {@link ConfigException},
 * the {@link ApiException} family (the service refused or failed a request, or could not be
 * reached), {@link JobFailedException}, {@link WaitTimeoutException}, {@link SoraInterruptedException}
 * and {@link TruncatedDownloadException}.
 *
 * <p>Messages name request fields and settings ({@code size}, {@code base_url}), never the flags of
 * a particular front end. A front end that has its own names for them renders the message with
 * {@link #message(UnaryOperator)}; {@link #getMessage()} shows the plain field names.
 */
public class SoraException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final char REF_START = '\uE000';
    private static final char REF_END = '\uE001';

    /**
     * An exception with a message that may contain field references made by {@link #ref(String)}.
     *
     * @param message what went wrong and how to fix it
     */
    public SoraException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the exception that caused it.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying exception, or null
     */
    public SoraException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Marks a request field or setting name inside a message, so that a front end can show its own
     * name for it (the CLI shows {@code --size} for {@code size}).
     *
     * @param name the field or setting, e.g. {@code size} or {@code base_url}
     * @return the name wrapped in markers that {@link #render(String, UnaryOperator)} replaces
     */
    public static String ref(String name) {
        return REF_START + name + REF_END;
    }

    /**
     * Replaces every field reference in {@code text} by {@code nameOf} applied to the field name.
     *
     * @param text a message that may contain {@link #ref(String)} references, or null
     * @param nameOf how the front end names a field
     * @return the text with every reference rendered, or null when {@code text} is null
     */
    public static String render(String text, UnaryOperator<String> nameOf) {
        if (text == null || text.indexOf(REF_START) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf(REF_START, i);
            int end = start < 0 ? -1 : text.indexOf(REF_END, start);
            if (start < 0 || end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start).append(nameOf.apply(text.substring(start + 1, end)));
            i = end + 1;
        }
        return out.toString();
    }

    /**
     * The message with field references rendered by the caller.
     *
     * @param nameOf how the caller names a field, e.g. {@code size -> "--size"}
     * @return the rendered message
     */
    public String message(UnaryOperator<String> nameOf) {
        return render(super.getMessage(), nameOf);
    }

    /** The message with every field reference shown as the plain field name. */
    @Override
    public String getMessage() {
        return message(UnaryOperator.identity());
    }
}
