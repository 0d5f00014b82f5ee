package dev.sora4j.faces;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Takes frames spread evenly over a video with FFmpeg (no audio decoded). */
public final class ClipSampler {
    private ClipSampler() {}

    /**
     * {@code count} frames at the middles of {@code count} equal slices of the clip (so neither the
     * first black frame nor the last one alone decides).
     *
     * @throws UncheckedIOException when FFmpeg cannot open or decode the clip
     */
    public static List<BufferedImage> sample(Path clip, int count) {
        List<BufferedImage> out = new ArrayList<>(count);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setOption("loglevel", "error");
            grabber.start();
            long micros = grabber.getLengthInTime();
            for (int i = 0; i < count; i++) {
                long at = micros <= 0 ? 0 : (long) (micros * (i + 0.5) / count);
                grabber.setVideoTimestamp(at);
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    break;
                }
                BufferedImage img = converter.convert(frame);
                if (img != null) {
                    out.add(copy(img));
                }
            }
            grabber.stop();
        } catch (FrameGrabber.Exception e) {
            throw new UncheckedIOException(new IOException("cannot read frames of " + clip + ": " + e.getMessage(), e));
        }
        return out;
    }

    /** The converter reuses its buffer between frames; each sample needs its own pixels. */
    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        out.getGraphics().drawImage(src, 0, 0, null);
        return out;
    }
}
