package dev.sora4j.faces;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_objdetect;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Finds human faces with OpenCV's cascade classifiers: the Haar frontal-face cascade ({@code
 * haarcascade_frontalface_alt2}) and the Haar profile-face cascade, run on the image and on its mirror
 * image (the cascade knows one side only). Both ship in the bytedeco OpenCV natives jar; nothing is
 * downloaded.
 *
 * <p>Images are scaled so that their longer side is at most {@value #MAX_SIDE} pixels, turned to
 * grey and histogram-equalised; a face must be at least a tenth of the shorter side (at least 24
 * px): small faces in a crowd do not count, a portrait or a person in a scene does. Detection is
 * synchronised (a cascade is not thread-safe); close the detector to free the native memory.
 */
public final class FaceDetector implements AutoCloseable {
    /** The longer side, in pixels, that images are scaled down to before detection. */
    public static final int MAX_SIDE = 640;

    private static final double SCALE_FACTOR = 1.1;
    private static final int FRONTAL_NEIGHBOURS = 4;
    private static final int PROFILE_NEIGHBOURS = 5;

    private final CascadeClassifier frontal;
    private final CascadeClassifier profile;

    private FaceDetector(CascadeClassifier frontal, CascadeClassifier profile) {
        this.frontal = frontal;
        this.profile = profile;
    }

    /**
     * Loads the cascades (the first call in a JVM also unpacks the OpenCV natives into javacpp's
     * cache, which takes a few seconds).
     *
     * @throws IllegalStateException when the natives for this platform are not on the class path
     */
    public static FaceDetector create() {
        return new FaceDetector(
                cascade("haarcascades/haarcascade_frontalface_alt2.xml"),
                cascade("haarcascades/haarcascade_profileface.xml"));
    }

    /** True when the image shows at least one human face. */
    public boolean hasHumanFace(BufferedImage image) {
        return !faces(image).isEmpty();
    }

    /**
     * True when the image file shows at least one human face.
     *
     * @throws UncheckedIOException when the file cannot be decoded
     */
    public boolean hasHumanFace(Path image) {
        return hasHumanFace(read(image));
    }

    /** The faces found, in the coordinates of the scaled image (longer side at most {@value #MAX_SIDE}). */
    public synchronized List<Rectangle> faces(BufferedImage image) {
        BufferedImage grey = scaledGrey(image);
        int w = grey.getWidth();
        int h = grey.getHeight();
        int min = Math.max(24, Math.min(w, h) / 10);
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        List<Rectangle> out = new ArrayList<>();
        try (BytePointer data = new BytePointer(pixels);
                Mat mat = new Mat(h, w, CV_8UC1, data);
                Mat mirrored = new Mat();
                Size minSize = new Size(min, min);
                Size maxSize = new Size()) {
            equalizeHist(mat, mat);
            detect(frontal, mat, FRONTAL_NEIGHBOURS, minSize, maxSize, out, false, w);
            if (out.isEmpty()) {
                detect(profile, mat, PROFILE_NEIGHBOURS, minSize, maxSize, out, false, w);
            }
            if (out.isEmpty()) {
                flip(mat, mirrored, 1);
                detect(profile, mirrored, PROFILE_NEIGHBOURS, minSize, maxSize, out, true, w);
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        frontal.close();
        profile.close();
    }

    private static void detect(
            CascadeClassifier cascade,
            Mat mat,
            int neighbours,
            Size minSize,
            Size maxSize,
            List<Rectangle> out,
            boolean mirrored,
            int width) {
        try (RectVector found = new RectVector()) {
            cascade.detectMultiScale(mat, found, SCALE_FACTOR, neighbours, 0, minSize, maxSize);
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                int x = mirrored ? width - r.x() - r.width() : r.x();
                out.add(new Rectangle(x, r.y(), r.width(), r.height()));
            }
        }
    }

    private static BufferedImage scaledGrey(BufferedImage image) {
        double s = Math.min(1.0, MAX_SIDE / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * s));
        int h = Math.max(1, (int) Math.round(image.getHeight() * s));
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return grey;
    }

    static BufferedImage read(Path image) {
        try {
            BufferedImage img = ImageIO.read(image.toFile());
            if (img == null) {
                throw new IOException("not a readable image");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + image + ": " + e.getMessage(), e);
        }
    }

    private static CascadeClassifier cascade(String name) {
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/" + name;
        URL url = opencv_objdetect.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("the OpenCV natives for " + Loader.getPlatform()
                    + " are not on the class path (missing " + resource + ")");
        }
        try {
            File file = Loader.cacheResource(url);
            CascadeClassifier c = new CascadeClassifier(file.getAbsolutePath());
            if (c.empty()) {
                c.close();
                throw new IllegalStateException("OpenCV could not load the cascade " + file);
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the OpenCV cascade " + name, e);
        }
    }
}
