package dev.sora4j.emulator.screening;

import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.sora4j.emulator.http.Content;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_objdetect;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * The emulator's stand-in for the service's rule that input images with human faces and character
 * clips showing people are rejected: OpenCV's Haar face cascades (frontal, then profile on the
 * picture and its mirror) on a greyed, equalised copy at most {@value #SIDE} px wide. The cascades
 * are loaded on the first image or clip, so an emulator that never sees one never loads OpenCV.
 * Written for the emulator alone; it shares nothing with the client's face check.
 */
public final class PeopleScreen {
    private static final int SIDE = 480;
    private static final int CLIP_FRAMES = 5;

    private CascadeClassifier frontal;
    private CascadeClassifier profile;

    /** True when the image bytes (JPEG, PNG or WebP) show a human face. */
    public synchronized boolean imageShowsPerson(Content image) {
        byte[] bytes;
        try (InputStream in = image.open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Mat raw = new Mat(new BytePointer(bytes));
                Mat grey = imdecode(raw, IMREAD_GRAYSCALE)) {
            return !grey.empty() && hasFace(grey);
        }
    }

    /** True when any of a few frames spread over the clip shows a human face. */
    public synchronized boolean clipShowsPerson(Path clip) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
                OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            long length = Math.max(1, grabber.getLengthInTime());
            for (int i = 0; i < CLIP_FRAMES; i++) {
                grabber.setVideoTimestamp(length * (2L * i + 1) / (2L * CLIP_FRAMES));
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    continue;
                }
                Mat colour = toMat.convert(frame);
                try (Mat grey = new Mat()) {
                    cvtColor(colour, grey, COLOR_BGR2GRAY);
                    if (hasFace(grey)) {
                        return true;
                    }
                }
            }
            grabber.stop();
            return false;
        } catch (FrameGrabber.Exception e) {
            // MediaProbe already accepted the MP4; a clip FFmpeg cannot decode has no frames to screen.
            return false;
        }
    }

    private boolean hasFace(Mat grey) {
        load();
        double scale = Math.min(1.0, SIDE / (double) Math.max(grey.cols(), grey.rows()));
        try (Mat small = new Mat();
                Mat mirrored = new Mat()) {
            resize(grey, small, new Size((int) (grey.cols() * scale), (int) (grey.rows() * scale)));
            equalizeHist(small, small);
            int min = Math.max(24, Math.min(small.cols(), small.rows()) / 10);
            if (found(frontal, small, 5, min) || found(profile, small, 6, min)) {
                return true;
            }
            flip(small, mirrored, 1);
            return found(profile, mirrored, 6, min);
        }
    }

    private static boolean found(CascadeClassifier cascade, Mat image, int neighbours, int min) {
        try (RectVector faces = new RectVector()) {
            cascade.detectMultiScale(image, faces, 1.1, neighbours, 0, new Size(min, min), new Size());
            return faces.size() > 0;
        }
    }

    private void load() {
        if (frontal == null) {
            frontal = cascade("haarcascades/haarcascade_frontalface_alt2.xml");
            profile = cascade("haarcascades/haarcascade_profileface.xml");
        }
    }

    private static CascadeClassifier cascade(String name) {
        URL url = opencv_objdetect.class.getResource(
                "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/" + name);
        if (url == null) {
            throw new IllegalStateException("OpenCV cascade " + name + " is not on the class path");
        }
        try {
            File file = Loader.cacheResource(url);
            return new CascadeClassifier(file.getAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
