package dev.sora4j.cli.gallery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Range: bytes=...} request over a file of known size, so a video element can seek.
 * Only single ranges are served; a multi-range or malformed header is ignored (the whole file
 * answers), as RFC 9110 allows.
 *
 * @param from the first byte
 * @param to the last byte, inclusive
 * @param size the file's size
 */
public record ByteRange(long from, long to, long size) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /**
     * How many bytes the range holds.
     *
     * @return {@code to - from + 1}
     */
    public long length() {
        return to - from + 1;
    }

    /**
     * The {@code Content-Range} header value.
     *
     * @return e.g. {@code bytes 0-99/1000}
     */
    public String contentRange() {
        return "bytes " + from + "-" + to + "/" + size;
    }

    /** What a Range header asks of a file. */
    public sealed interface Ask permits Whole, Part, Unsatisfiable {}

    /** No usable Range header: send the whole file. */
    public record Whole() implements Ask {}

    /**
     * A satisfiable range: send 206 with these bytes.
     *
     * @param range the bytes
     */
    public record Part(ByteRange range) implements Ask {}

    /** A range past the end: send 416. */
    public record Unsatisfiable() implements Ask {}

    /**
     * Reads a Range header.
     *
     * @param header the header, or null
     * @param size the file's size
     * @return what to send
     */
    public static Ask parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        if (m.group(1).isEmpty()) {
            // A suffix: the last N bytes.
            long n = Long.parseLong(m.group(2));
            if (n == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - n), size - 1, size));
        }
        long from = Long.parseLong(m.group(1));
        long to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
        if (from >= size || from > to) {
            return new Unsatisfiable();
        }
        return new Part(new ByteRange(from, to, size));
    }
}
