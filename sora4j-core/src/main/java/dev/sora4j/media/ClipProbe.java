package dev.sora4j.media;

import dev.sora4j.errors.InvalidRequestException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Character-clip pre-flight without native code: the file must be an MP4 by content; its duration
 * comes from the {@code moov/mvhd} box and its size from the first {@code moov/trak/tkhd} with a
 * picture. {@link #warnings} lists what the guide advises against (outside 2–4 s, not 16:9 or 9:16,
 * outside 720p–1080p); the caller decides whether to go on.
 */
public final class ClipProbe {
    private ClipProbe() {}

    /**
     * Reads a clip's header.
     *
     * @param clip the MP4 file to read
     * @return what its header says
     * @throws InvalidRequestException ({@code video}) when it is not an MP4 or its header is damaged
     */
    public static ClipInfo probe(Path clip) {
        if (MediaKind.of(clip) != MediaKind.MP4) {
            throw new InvalidRequestException(
                    "video", "character clip " + clip + " is not an MP4 video (judged by its content); convert it");
        }
        try (FileChannel ch = FileChannel.open(clip, StandardOpenOption.READ)) {
            Header h = new Header();
            walk(ch, 0, ch.size(), h, 0);
            if (h.timescale <= 0) {
                throw damaged(clip, "no movie header (mvhd)");
            }
            return new ClipInfo(h.duration / (double) h.timescale, h.width, h.height);
        } catch (IOException e) {
            throw damaged(clip, e.getMessage());
        }
    }

    /**
     * What the guide advises against, one line each; empty when the clip is within every advice.
     *
     * @param clip the clip, named in the warnings
     * @param info what {@link #probe(Path)} read from it
     * @return the warnings, one line each
     */
    public static List<String> warnings(Path clip, ClipInfo info) {
        List<String> out = new ArrayList<>();
        if (info.seconds() < 2 || info.seconds() > 4) {
            out.add(String.format(
                    Locale.ROOT, "character clip %s lasts %.2f s; 2 to 4 s works best", clip, info.seconds()));
        }
        int w = info.width();
        int h = info.height();
        if (w > 0 && h > 0) {
            if (w * 9 != h * 16 && w * 16 != h * 9) {
                out.add("character clip " + clip + " is " + w + "x" + h + "; use 16:9 or 9:16");
            }
            int shortSide = Math.min(w, h);
            if (shortSide < 720 || shortSide > 1080) {
                out.add("character clip " + clip + " is " + w + "x" + h + "; use 720p to 1080p");
            }
        } else {
            out.add("character clip " + clip + " has no video track");
        }
        return out;
    }

    private static final class Header {
        long timescale;
        long duration;
        int width;
        int height;
    }

    private static void walk(FileChannel ch, long from, long to, Header h, int depth) throws IOException {
        long pos = from;
        ByteBuffer head = ByteBuffer.allocate(16);
        while (pos + 8 <= to && depth < 8) {
            head.clear().limit(8);
            read(ch, head, pos);
            long size = Integer.toUnsignedLong(head.getInt(0));
            String type = new String(
                    new byte[] {head.get(4), head.get(5), head.get(6), head.get(7)}, StandardCharsets.ISO_8859_1);
            int headerLength = 8;
            if (size == 1) {
                head.clear().limit(8);
                read(ch, head, pos + 8);
                size = head.getLong(0);
                headerLength = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            if (size < headerLength || pos + size > to) {
                throw new IOException("box '" + type + "' at byte " + pos + " overruns its parent");
            }
            long body = pos + headerLength;
            switch (type) {
                case "moov", "trak" -> walk(ch, body, pos + size, h, depth + 1);
                case "mvhd" -> readMvhd(ch, body, h);
                case "tkhd" -> readTkhd(ch, body, h);
                default -> {
                    // other boxes carry nothing the checks need
                }
            }
            pos += size;
        }
    }

    private static void readMvhd(FileChannel ch, long body, Header h) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        read(ch, b, body);
        int version = b.get(0) & 0xFF;
        if (version == 1) {
            h.timescale = Integer.toUnsignedLong(b.getInt(20));
            h.duration = b.getLong(24);
        } else {
            h.timescale = Integer.toUnsignedLong(b.getInt(12));
            h.duration = Integer.toUnsignedLong(b.getInt(16));
        }
    }

    private static void readTkhd(FileChannel ch, long body, Header h) throws IOException {
        if (h.width > 0) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(4);
        read(ch, b, body);
        int version = b.get(0) & 0xFF;
        // width and height are the last 8 bytes, 16.16 fixed point
        long offset = body + (version == 1 ? 88 : 76);
        ByteBuffer wh = ByteBuffer.allocate(8);
        read(ch, wh, offset);
        h.width = wh.getInt(0) >>> 16;
        h.height = wh.getInt(4) >>> 16;
    }

    private static void read(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        int want = b.remaining();
        int got = 0;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + got);
            if (n < 0) {
                throw new IOException("the file ends inside a box header at byte " + (pos + got));
            }
            got += n;
        }
        if (got < want) {
            throw new IOException("short read");
        }
    }

    private static InvalidRequestException damaged(Path clip, String why) {
        return new InvalidRequestException(
                "video", "cannot read the MP4 header of character clip " + clip + " (" + why + "); re-export it");
    }
}
