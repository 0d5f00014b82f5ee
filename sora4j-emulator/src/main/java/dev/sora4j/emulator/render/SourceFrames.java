package dev.sora4j.emulator.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Decodes a source clip in order and answers "the frame showing at time t", scaled to the output size. */
public final class SourceFrames implements AutoCloseable {
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final BufferedImage current;
    private Frame pending;
    private boolean any;
    private boolean ended;

    public SourceFrames(Path file, int width, int height) throws IOException {
        this.grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.start();
        this.current = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** The latest frame at or before {@code seconds}; the last frame once the clip ended; null if it has none. */
    public BufferedImage at(double seconds) throws IOException {
        long micros = (long) (seconds * 1_000_000);
        while (!ended) {
            if (pending == null) {
                pending = grabber.grabImage();
                if (pending == null) {
                    ended = true;
                    break;
                }
            }
            if (any && pending.timestamp > micros) {
                break;
            }
            draw(converter.convert(pending));
            pending = null;
            any = true;
        }
        return any ? current : null;
    }

    private void draw(BufferedImage frame) {
        Graphics2D g = current.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(frame, 0, 0, current.getWidth(), current.getHeight(), null);
        } finally {
            g.dispose();
        }
    }

    @Override
    public void close() throws IOException {
        grabber.close();
        converter.close();
    }
}
