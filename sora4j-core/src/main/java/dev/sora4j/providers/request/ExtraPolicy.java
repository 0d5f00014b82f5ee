package dev.sora4j.providers.request;

import dev.sora4j.errors.InvalidRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which {@code --extra} fields a provider takes, with their types and documented ranges.
 *
 * @param known the fields its sources document
 * @param unknownAllowed whether other fields may be sent (permissive servers ignore them; TRT-LLM's
 *     JSON model forbids them, OpenAI's API rejects unknown parameters)
 * @param note why unknown fields are refused, or what happens to them
 */
public record ExtraPolicy(Map<String, Field> known, boolean unknownAllowed, String note) {
    /** The value type of one field. */
    public enum Type {
        /** A whole number. */
        INTEGER,
        /** Any number, whole or decimal. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** Any scalar, sent as a string ({@code negative_prompt=123} sends {@code "123"}). */
        STRING,
        /** A JSON object or array ({@code lora}, {@code extra_params}, OpenRouter's {@code provider}). */
        JSON
    }

    /**
     * One documented field.
     *
     * @param type the value type the field takes
     * @param min inclusive lower bound, or null
     * @param max inclusive upper bound, or null
     * @param minExclusive the lower bound itself is not allowed (TRT-LLM's fps is (0, 120])
     */
    public record Field(Type type, Double min, Double max, boolean minExclusive) {
        /**
         * A field without bounds.
         *
         * @param type the value type
         * @return the field
         */
        public static Field of(Type type) {
            return new Field(type, null, null, false);
        }

        /**
         * A numeric field within {@code [min, max]}.
         *
         * @param type the value type
         * @param min the inclusive lower bound
         * @param max the inclusive upper bound
         * @return the field
         */
        public static Field range(Type type, double min, double max) {
            return new Field(type, min, max, false);
        }

        /**
         * A numeric field within {@code (min, max]}.
         *
         * @param type the value type
         * @param min the exclusive lower bound
         * @param max the inclusive upper bound
         * @return the field
         */
        public static Field above(Type type, double min, double max) {
            return new Field(type, min, max, true);
        }
    }

    /**
     * Copies {@code known} and turns a null {@code note} into an empty string.
     *
     * @param known the fields its sources document
     * @param unknownAllowed whether other fields may be sent (permissive servers ignore them; TRT-LLM's
     *     JSON model forbids them, OpenAI's API rejects unknown parameters)
     * @param note why unknown fields are refused, or what happens to them
     */
    public ExtraPolicy {
        known = Collections.unmodifiableMap(new LinkedHashMap<>(known));
        note = note == null ? "" : note;
    }

    /**
     * A policy that takes no extra fields at all.
     *
     * @param note why, shown when an extra field is refused
     * @return the policy
     */
    public static ExtraPolicy none(String note) {
        return new ExtraPolicy(Map.of(), false, note);
    }

    /**
     * The extras as they will be sent: types checked against {@link #known()}, strings coerced.
     * Refuses an unknown field when {@link #unknownAllowed()} is false, and a value of the wrong type
     * or out of range, naming the provider and the field.
     *
     * @param provider the provider's name, for messages
     * @param extras the fields parsed from {@code --extra}
     * @return the fields to send, in the same order
     * @throws InvalidRequestException when a field is unknown (and not allowed), of the wrong type or
     *     out of range
     */
    public Map<String, Object> apply(String provider, Map<String, Object> extras) {
        Map<String, Object> out = new LinkedHashMap<>();
        extras.forEach((name, value) -> {
            Field f = known.get(name);
            if (f == null) {
                if (!unknownAllowed) {
                    throw new InvalidRequestException(
                            "extra",
                            "--extra " + name + ": provider " + provider + " does not take this field ("
                                    + (known.isEmpty()
                                            ? "it takes no extra fields"
                                            : "it takes: " + String.join(", ", known.keySet()))
                                    + ")" + (note.isEmpty() ? "" : "; " + note));
                }
                out.put(name, value);
            } else {
                out.put(name, check(provider, name, value, f));
            }
        });
        return out;
    }

    private static Object check(String provider, String name, Object value, Field f) {
        boolean ok = switch (f.type()) {
            case INTEGER -> value instanceof Integer || value instanceof Long;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> !(value instanceof Map<?, ?> || value instanceof List<?>);
            case JSON -> value instanceof Map<?, ?> || value instanceof List<?>;
        };
        if (!ok) {
            throw new InvalidRequestException(
                    "extra",
                    "--extra " + name + "=" + value + ": provider " + provider + " expects "
                            + f.type().name().toLowerCase(Locale.ROOT) + " for " + name);
        }
        if (f.type() == Type.STRING) {
            return String.valueOf(value);
        }
        if (value instanceof Number n && (f.min() != null || f.max() != null)) {
            double d = n.doubleValue();
            boolean low = f.min() != null && (f.minExclusive() ? d <= f.min() : d < f.min());
            boolean high = f.max() != null && d > f.max();
            if (low || high) {
                throw new InvalidRequestException(
                        "extra",
                        "--extra " + name + "=" + value + ": provider " + provider + " takes " + name + " in "
                                + (f.minExclusive() ? "(" : "[") + fmt(f.min()) + ", " + fmt(f.max()) + "]");
            }
        }
        return value;
    }

    private static String fmt(Double d) {
        if (d == null) {
            return "…";
        }
        return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    }
}
