package dev.sora4j.emulator.render;

import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Content;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Reads an uploaded clip's size and duration with FFmpeg, as the real service must before using it. */
public final class MediaProbe {
    public record Info(int width, int height, double seconds) {
        /** The size rounded down to even sides, which H.264 in 4:2:0 needs. */
        public String evenSize() {
            return (width & ~1) + "x" + (height & ~1);
        }
    }

    private MediaProbe() {}

    public static boolean isMp4(byte[] b) {
        return b.length >= 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
    }

    /** Probes an MP4 upload; anything FFmpeg cannot read as video is a 400 naming {@code param}. */
    public static Info mp4(Content content, String param, Path tempDir) {
        byte[] head;
        try {
            head = content.head(8);
        } catch (IOException e) {
            throw ApiError.invalidRequest(param, "Invalid '" + param + "': the file could not be read.");
        }
        if (!isMp4(head)) {
            throw ApiError.invalidRequest(
                    param, "Invalid '" + param + "': the file is not an MP4 video. Upload an .mp4 file.");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(tempDir, ".probe", ".mp4");
            try (InputStream in = content.open()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(tmp.toFile())) {
                grabber.start();
                int w = grabber.getImageWidth();
                int h = grabber.getImageHeight();
                double seconds = grabber.getLengthInTime() / 1_000_000.0;
                grabber.stop();
                if (w < 2 || h < 2 || !(seconds > 0)) {
                    throw ApiError.invalidRequest(
                            param, "Invalid '" + param + "': the MP4 has no readable video track.");
                }
                return new Info(w, h, seconds);
            }
        } catch (IOException e) {
            throw ApiError.invalidRequest(param, "Invalid '" + param + "': the MP4 could not be decoded.");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A leftover probe file in the state dir is harmless.
                }
            }
        }
    }
}
