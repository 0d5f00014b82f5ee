package dev.sora4j.emulator.render;

import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.VideoStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Renders the three assets of a job with FFmpeg, frame by frame: {@code video.mp4} (H.264 + AAC at the exact size
 * and duration), {@code thumbnail.webp} and {@code spritesheet.jpg}. Each file is written under a
 * temporary name and renamed, so a download never sees a partial asset.
 */
public final class FfmpegRenderer implements Renderer {
    public static final int FPS = 24;
    public static final int SAMPLE_RATE = 48_000;
    public static final int SPRITE_TILES = 10;
    public static final int SPRITE_COLUMNS = 5;
    public static final int SPRITE_TILE_WIDTH = 256;

    /** Loaded on the first render, so an emulator that never renders never loads FFmpeg's natives. */
    private static final class QuietNatives {
        static {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        }

        public static void ensureLoaded() {
            // The static initializer above did the work.
        }
    }

    private final boolean still;

    /** A renderer whose clips move: every frame is painted (a ball, a progress bar, a timecode). */
    public FfmpegRenderer() {
        this(false);
    }

    private FfmpegRenderer(boolean still) {
        this.still = still;
    }

    /**
     * A renderer for plain cached clips: the first frame is painted and converted once and held for
     * the whole clip. Same codecs, size, frame rate, duration and audio as a moving clip, at about a
     * quarter of the cost (a 28 s 720p clip: 2.6 s instead of 11 s on 2 cores), which is what a cache
     * miss of {@link FastRenderer} costs a fresh machine.
     *
     * @return the renderer
     */
    public static FfmpegRenderer stillFrames() {
        return new FfmpegRenderer(true);
    }

    @Override
    public void render(Spec spec, Path dir) throws IOException {
        QuietNatives.ensureLoaded();
        Files.createDirectories(dir);
        Path video = Files.createTempFile(dir, ".video", ".mp4");
        Path thumb = Files.createTempFile(dir, ".thumbnail", ".webp");
        Path sprite = Files.createTempFile(dir, ".spritesheet", ".jpg");
        try {
            FramePainter painter = new FramePainter(spec, FPS);
            int frames = spec.seconds() * FPS;
            List<BufferedImage> tiles = new ArrayList<>();
            BufferedImage middle = encodeVideo(spec, painter, frames, video, tiles, still);
            writeWebp(middle, thumb);
            ImageIO.write(spritesheet(tiles, spec), "jpg", sprite.toFile());
            VideoStore.moveIntoPlace(thumb, dir.resolve(MediaFiles.THUMBNAIL));
            VideoStore.moveIntoPlace(sprite, dir.resolve(MediaFiles.SPRITESHEET));
            VideoStore.moveIntoPlace(video, dir.resolve(MediaFiles.VIDEO));
        } finally {
            Files.deleteIfExists(video);
            Files.deleteIfExists(thumb);
            Files.deleteIfExists(sprite);
        }
    }

    private static BufferedImage encodeVideo(
            Spec spec, FramePainter painter, int frames, Path out, List<BufferedImage> tiles, boolean still)
            throws IOException {
        BufferedImage middle = null;
        int samplesPerFrame = SAMPLE_RATE / FPS;
        ToneGenerator tone = new ToneGenerator(spec.prompt().hashCode(), SAMPLE_RATE);
        Source from = spec.source();
        int prefixFrames = from == null || from.underlay() ? 0 : from.prefixSeconds() * FPS;
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), spec.width(), spec.height(), 2);
                Java2DFrameConverter converter = new Java2DFrameConverter();
                SourceFrames source =
                        from == null ? null : new SourceFrames(from.file(), spec.width(), spec.height())) {
            rec.setFormat("mp4");
            // The LGPL FFmpeg build ships OpenH264 as its H.264 encoder.
            rec.setVideoCodecName("libopenh264");
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(FPS);
            rec.setGopSize(FPS * 2);
            rec.setVideoBitrate(Math.max(800_000, spec.width() * spec.height() * 2));
            rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            rec.setSampleRate(SAMPLE_RATE);
            rec.setAudioChannels(2);
            rec.setAudioBitrate(128_000);
            rec.setMetadata("comment", "Rendered by the sora4j emulator; not an AI generation.");
            rec.start();
            int spriteEvery = Math.max(1, frames / SPRITE_TILES);
            BufferedImage held = null;
            Frame heldFrame = null;
            for (int i = 0; i < frames; i++) {
                BufferedImage img = held;
                if (img == null && source != null) {
                    BufferedImage shown = source.at(i / (double) FPS);
                    img = from.underlay() ? painter.paint(i, shown) : i < prefixFrames ? shown : null;
                }
                if (img == null) {
                    img = painter.paint(i, null);
                }
                Frame frame = heldFrame != null ? heldFrame : converter.convert(img);
                if (still && held == null && source == null) {
                    held = img;
                    heldFrame = frame;
                }
                rec.record(frame);
                rec.recordSamples(SAMPLE_RATE, 2, tone.next(samplesPerFrame));
                if (i % spriteEvery == spriteEvery / 2 && tiles.size() < SPRITE_TILES) {
                    tiles.add(scaled(img, SPRITE_TILE_WIDTH));
                }
                if (i == frames / 2) {
                    middle = copy(img);
                }
            }
            rec.stop();
        }
        return middle;
    }

    private static void writeWebp(BufferedImage image, Path out) throws IOException {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), image.getWidth(), image.getHeight(), 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            rec.setFormat("webp");
            rec.setVideoCodecName("libwebp");
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(1);
            rec.setVideoQuality(75);
            rec.start();
            rec.record(converter.convert(image));
            rec.stop();
        }
    }

    private static BufferedImage spritesheet(List<BufferedImage> tiles, Spec spec) {
        int tileW = SPRITE_TILE_WIDTH;
        int tileH = Math.max(1, tileW * spec.height() / spec.width());
        int rows = (tiles.size() + SPRITE_COLUMNS - 1) / SPRITE_COLUMNS;
        BufferedImage sheet =
                new BufferedImage(tileW * SPRITE_COLUMNS, tileH * Math.max(1, rows), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = sheet.createGraphics();
        try {
            for (int i = 0; i < tiles.size(); i++) {
                g.drawImage(tiles.get(i), (i % SPRITE_COLUMNS) * tileW, (i / SPRITE_COLUMNS) * tileH, null);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private static BufferedImage scaled(BufferedImage src, int width) {
        int height = Math.max(1, width * src.getHeight() / src.getWidth());
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        src.copyData(out.getRaster());
        return out;
    }

    /** A soft two-note chord with a click on every second, so the audio track is audibly alive. */
    public static final class ToneGenerator {
        private final int sampleRate;
        private final double f1;
        private final double f2;
        private long position;

        public ToneGenerator(int seed, int sampleRate) {
            this.sampleRate = sampleRate;
            this.f1 = 220 + Math.floorMod(seed, 220);
            this.f2 = f1 * 1.5;
        }

        public ShortBuffer next(int frames) {
            ShortBuffer buf = ShortBuffer.allocate(frames * 2);
            for (int i = 0; i < frames; i++, position++) {
                double t = position / (double) sampleRate;
                double v = 0.18 * Math.sin(2 * Math.PI * f1 * t) + 0.12 * Math.sin(2 * Math.PI * f2 * t);
                long intoSecond = position % sampleRate;
                if (intoSecond < sampleRate / 50) {
                    v += 0.3 * Math.sin(2 * Math.PI * 1760 * t) * (1 - intoSecond / (sampleRate / 50.0));
                }
                short s = (short) (v * Short.MAX_VALUE);
                buf.put(s);
                buf.put(s);
            }
            buf.flip();
            return buf;
        }
    }
}
