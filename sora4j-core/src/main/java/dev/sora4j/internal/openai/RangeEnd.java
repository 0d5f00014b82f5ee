package dev.sora4j.internal.openai;

import dev.sora4j.spi.ContentStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resumed download that asks for bytes past the asset's end is refused with 416 and, as HTTP
 * servers say it, {@code Content-Range: bytes *}{@code /LENGTH}. When LENGTH is exactly where the
 * download resumes, the part file already holds every byte: a run was killed between its last read
 * and the rename into place. That answer is an empty remainder, not an error, so the downloader
 * finishes the part (checks, hashes, renames it) instead of fetching the whole asset a second time.
 */
final class RangeEnd {
    private static final Pattern UNSATISFIED = Pattern.compile("bytes \\*/(\\d{1,18})");

    private RangeEnd() {}

    /**
     * The empty remainder of an asset that ends exactly at {@code from}, if this refusal says so.
     *
     * @param status the answer's status
     * @param contentRange its {@code Content-Range} header, or null
     * @param from where the download asked to resume
     * @return an empty stream at {@code from} with total length {@code from}, or empty when the
     *     refusal is anything else (the caller reports it as before)
     */
    static Optional<ContentStream> emptyRemainder(int status, String contentRange, long from) {
        if (status != 416 || from <= 0 || contentRange == null) {
            return Optional.empty();
        }
        Matcher m = UNSATISFIED.matcher(contentRange.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) != from) {
            return Optional.empty();
        }
        return Optional.of(new ContentStream(InputStream.nullInputStream(), from, OptionalLong.of(from), () -> {}));
    }
}
