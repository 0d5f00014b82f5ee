package dev.sora4j.preflight;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a line of JSON in words a user can act on, without the parser's internals
 * (its exception names, {@code [Source: ...]} locations, {@code (code 125)} character codes).
 */
public final class JsonProblems {
    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.{1,2})' \\(code \\d+\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '([^']{0,40})");
    private static final Pattern CODES = Pattern.compile("\\s*\\((?:CTRL-CHAR, )?code \\d+\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?\\s*(?:at )?\\[Source:.*", Pattern.DOTALL);

    private JsonProblems() {}

    /**
     * One phrase, e.g. {@code unexpected '}' at column 17 (a key must be in double quotes; no trailing comma)}.
     *
     * @param e the parse failure
     * @return a short description of what is wrong and where
     */
    public static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String at = column(e.getLocation());
        if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
            return "the line ends inside a string, object or list (a missing '\"', '}' or ']'?)";
        }
        if (message.contains("CTRL-CHAR")) {
            return "a raw control character (tab, newline) inside a string" + at + "; write it as \\t or \\n";
        }
        Matcher m = UNEXPECTED.matcher(message);
        if (m.find()) {
            return "unexpected '" + m.group(1) + "'" + at + hint(message);
        }
        m = TOKEN.matcher(message);
        if (m.find()) {
            // The parser reports the position after the word; point at its start.
            JsonLocation location = e.getLocation();
            String start = location == null
                            || location.getColumnNr() <= m.group(1).length()
                    ? ""
                    : " at column " + (location.getColumnNr() - m.group(1).length());
            return "unexpected word '" + m.group(1) + "'" + start + " (text values need double quotes)";
        }
        String cleaned = SOURCE.matcher(CODES.matcher(message).replaceAll("")).replaceAll("");
        int newline = cleaned.indexOf('\n');
        if (newline >= 0) {
            cleaned = cleaned.substring(0, newline);
        }
        cleaned = cleaned.strip();
        return (cleaned.isEmpty() ? "not valid JSON" : lowerFirst(cleaned)) + at;
    }

    private static String hint(String message) {
        if (message.contains("double-quote to start field name")) {
            return " (keys need double quotes, and no comma may follow the last entry)";
        }
        if (message.contains("comma to separate")) {
            return " (a ',' is missing between two entries)";
        }
        if (message.contains("a colon to separate")) {
            return " (a ':' is missing after a key)";
        }
        if (message.contains("expected a value") || message.contains("was expecting")) {
            return " (a value is missing or not quoted)";
        }
        return "";
    }

    private static String column(JsonLocation location) {
        if (location == null || location.getColumnNr() <= 0) {
            return "";
        }
        return " at column " + location.getColumnNr();
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
