package dev.sora4j.internal;

import dev.sora4j.errors.InvalidRequestException;

/** The one check of ids and plain arguments, so every empty id gets the same message. */
public final class Arguments {
    private Arguments() {}

    /**
     * A non-blank id, stripped.
     *
     * @param field the field that carries it, e.g. {@code id}
     * @param value the id as given
     * @return the id without surrounding blanks
     * @throws InvalidRequestException naming {@code field} when the id is null or blank
     */
    public static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.of(
                    field, " is empty; pass the id of an existing object (video_... or char_...)");
        }
        return value.strip();
    }
}
