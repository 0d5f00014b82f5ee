package dev.sora4j.preflight;

import dev.sora4j.errors.InvalidRequestException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a UTF-8 text file the user named (a prompt file, a jobs file), turning every way it can be
 * wrong into one line that names the flag, the file and the fix.
 */
public final class TextFiles {
    /** Far above any prompt or 200-line jobs file; stops a mistaken video file from being read whole. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private TextFiles() {}

    /**
     * The file's text, without a leading byte-order mark.
     *
     * @param flag the option that named the file, e.g. {@code --prompt-file}
     * @param file the file to read
     * @return its text
     * @throws InvalidRequestException when the file is missing, a directory, unreadable, too large
     *     or not UTF-8
     */
    public static String read(String flag, Path file) {
        String field = flag.replaceFirst("^--", "").replace('-', '_');
        if (!Files.exists(file)) {
            throw new InvalidRequestException(field, flag + " " + file + ": file not found.");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidRequestException(field, flag + " " + file + " is a directory; give a text file.");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidRequestException(
                        field,
                        flag + " " + file + " is " + size + " bytes; a text input is at most " + MAX_BYTES
                                + " bytes. Is it the right file?");
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new InvalidRequestException(
                    field, flag + " " + file + ": permission denied; make it readable (chmod u+r) or copy it.");
        } catch (IOException e) {
            throw new InvalidRequestException(field, flag + " " + file + " cannot be read (" + reason(e) + ").");
        }
        String text = decode(bytes)
                .orElseThrow(() -> new InvalidRequestException(
                        field,
                        flag + " " + file + " is not UTF-8 text (invalid byte 0x"
                                + String.format(Locale.ROOT, "%02X", bytes[firstBadByte(bytes)] & 0xff) + " at offset "
                                + firstBadByte(bytes) + "); save it as UTF-8."));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(decoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Where decoding stops: the offset of the first byte that is not part of valid UTF-8. */
    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = decoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an I/O error" : m;
    }
}
