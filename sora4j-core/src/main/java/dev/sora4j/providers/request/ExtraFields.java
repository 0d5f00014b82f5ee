package dev.sora4j.providers.request;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sora4j.errors.InvalidRequestException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses {@code --extra key=value} into typed body fields. The type follows the content:
 * {@code true}/{@code false} → boolean, {@code 42} → integer, {@code 7.5} → number, {@code {...}} or
 * {@code [...]} → JSON, anything else (or a value in quotes) → string. {@code seed=42} therefore
 * sends {@code 42}, {@code seed="42"} sends {@code "42"}.
 */
public final class ExtraFields {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /** Fields sora4j sets itself, with the flag to use instead. */
    private static final Map<String, String> RESERVED = Map.of(
            "prompt", "--prompt",
            "model", "--model",
            "size", "--size",
            "seconds", "--seconds",
            "duration", "--seconds",
            "input_reference", "--input-reference",
            "characters", "--character-id");

    private ExtraFields() {}

    /**
     * Parses every {@code key=value}; the map keeps the command line's order. Refuses, naming the
     * argument: a missing {@code =}, a bad key, an empty value, a key given twice, a field sora4j
     * sets from its own flag.
     *
     * @param args the {@code key=value} arguments, in command-line order
     * @return the typed fields by key, in argument order
     * @throws InvalidRequestException naming the first argument that is refused
     */
    public static Map<String, Object> parse(List<String> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw invalid(arg, "expected key=value, e.g. --extra seed=42");
            }
            String key = arg.substring(0, eq).strip();
            String raw = arg.substring(eq + 1).strip();
            if (!KEY.matcher(key).matches()) {
                throw invalid(arg, "the key must be a field name (letters, digits, underscore)");
            }
            if (RESERVED.containsKey(key)) {
                throw invalid(arg, "'" + key + "' is set by " + RESERVED.get(key) + "; use that flag");
            }
            if (raw.isEmpty()) {
                throw invalid(arg, "the value is empty; to send an empty string write " + key + "=\"\"");
            }
            if (out.containsKey(key)) {
                throw invalid(arg, "'" + key + "' is given twice");
            }
            out.put(key, typed(raw, arg));
        }
        return out;
    }

    /** The typed value of one raw value; {@code arg} names it in errors. */
    static Object typed(String raw, String arg) {
        if (raw.length() >= 2
                && ((raw.startsWith("\"") && raw.endsWith("\"")) || (raw.startsWith("'") && raw.endsWith("'")))) {
            return raw.substring(1, raw.length() - 1);
        }
        if (raw.equals("true") || raw.equals("false")) {
            return Boolean.valueOf(raw);
        }
        if (INTEGER.matcher(raw).matches()) {
            long v = Long.parseLong(raw);
            return v == (int) v ? (Object) (int) v : (Object) v;
        }
        if (DECIMAL.matcher(raw).matches()) {
            return Double.valueOf(raw);
        }
        if (raw.startsWith("{") || raw.startsWith("[")) {
            try {
                return JSON.readValue(raw, new TypeReference<Object>() {});
            } catch (IOException e) {
                throw invalid(arg, "the value starts like JSON but does not parse; quote it to send a string");
            }
        }
        return raw;
    }

    private static InvalidRequestException invalid(String arg, String why) {
        return new InvalidRequestException("extra", "--extra " + arg + ": " + why);
    }
}
