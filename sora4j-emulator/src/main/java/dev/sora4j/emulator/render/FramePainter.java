package dev.sora4j.emulator.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the frames of an emulated clip: a background and title derived from the prompt (drawn once),
 * then per frame a moving ball, a progress bar and a timecode, so that a viewer sees at a glance
 * which prompt produced the clip and that it really moves.
 */
public final class FramePainter {
    private final int width;
    private final int height;
    private final int totalFrames;
    private final int fps;
    private final BufferedImage background;
    private final BufferedImage firstFrame;
    private final BufferedImage canvas;
    private final Font timecodeFont;
    private final Color accent;

    public FramePainter(Renderer.Spec spec, int fps) {
        this.width = spec.width();
        this.height = spec.height();
        this.fps = fps;
        this.totalFrames = spec.seconds() * fps;
        int hash = spec.prompt().hashCode();
        float hue = ((hash >>> 8) & 0xFFFF) / 65535f;
        this.accent = Color.getHSBColor((hue + 0.5f) % 1f, 0.75f, 1f);
        this.background = paintBackground(spec, hue);
        this.firstFrame = spec.firstFrame();
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        this.timecodeFont = new Font(Font.MONOSPACED, Font.BOLD, Math.max(14, height / 24));
    }

    /**
     * Paints frame {@code index} (0-based) into a reused canvas and returns it. With an
     * {@code underlay} (an edit's source frame) the generated scene is drawn translucently over it.
     */
    public BufferedImage paint(int index, BufferedImage underlay) {
        double t = index / (double) fps;
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (underlay != null) {
                g.drawImage(underlay, 0, 0, null);
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
                g.drawImage(background, 0, 0, null);
                g.setComposite(AlphaComposite.SrcOver);
            } else {
                g.drawImage(background, 0, 0, null);
            }
            if (firstFrame != null && t < 1.0) {
                // The input reference is the first frame, then fades into the generated scene.
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) (1.0 - t)));
                g.drawImage(firstFrame, 0, 0, width, height, null);
                g.setComposite(AlphaComposite.SrcOver);
            }
            int r = Math.max(12, Math.min(width, height) / 14);
            int cx = (int) (width * (0.5 + 0.4 * Math.sin(2 * Math.PI * t / 4.0)));
            int cy = (int) (height * (0.68 + 0.1 * Math.sin(2 * Math.PI * t / 1.5)));
            g.setColor(accent);
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(Math.max(2f, r / 6f)));
            g.drawOval(cx - r, cy - r, 2 * r, 2 * r);

            int barH = Math.max(4, height / 90);
            g.setColor(new Color(255, 255, 255, 60));
            g.fillRect(0, height - barH, width, barH);
            g.setColor(accent);
            g.fillRect(0, height - barH, (int) ((long) width * (index + 1) / totalFrames), barH);

            g.setFont(timecodeFont);
            g.setColor(Color.WHITE);
            String tc =
                    String.format(Locale.ROOT, "%s / %s  frame %d", timecode(index), timecode(totalFrames), index + 1);
            g.drawString(tc, width / 30, height - barH - height / 30);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private String timecode(int frame) {
        int secs = frame / fps;
        return String.format(Locale.ROOT, "%02d:%02d.%02d", secs / 60, secs % 60, frame % fps);
    }

    private BufferedImage paintBackground(Renderer.Spec spec, float hue) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(
                    0,
                    0,
                    Color.getHSBColor(hue, 0.6f, 0.35f),
                    width,
                    height,
                    Color.getHSBColor((hue + 0.12f) % 1f, 0.7f, 0.75f)));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(255, 255, 255, 18));
            int step = Math.max(16, Math.min(width, height) / 12);
            for (int x = 0; x < width; x += step) {
                g.drawLine(x, 0, x, height);
            }
            for (int y = 0; y < height; y += step) {
                g.drawLine(0, y, width, y);
            }

            int margin = width / 20;
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(12, height / 40));
            g.setFont(small);
            g.setColor(new Color(255, 255, 255, 200));
            g.drawString(
                    "sora4j emulator  \u00b7  " + spec.model() + "  \u00b7  " + width + "x" + height + "  \u00b7  "
                            + spec.seconds() + " s",
                    margin,
                    margin);

            Font title = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(18, Math.min(width, height) / 14));
            g.setFont(title);
            g.setColor(Color.WHITE);
            FontMetrics fm = g.getFontMetrics();
            int y = margin + fm.getHeight() * 2;
            for (String line : wrap(firstWords(spec.prompt(), 14), fm, width - 2 * margin, 3)) {
                g.drawString(line, margin, y);
                y += fm.getHeight();
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static String firstWords(String prompt, int n) {
        // Structured prompts lead with labels; the title shows the primary request itself.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^Primary request:\\s*(.+)$")
                .matcher(prompt);
        String text = m.find() ? m.group(1) : prompt;
        String[] words = text.strip().split("\\s+");
        if (words.length <= n) {
            return String.join(" ", words);
        }
        return String.join(" ", java.util.Arrays.copyOf(words, n)) + " \u2026";
    }

    private static List<String> wrap(String text, FontMetrics fm, int maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > maxWidth && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
                if (lines.size() == maxLines) {
                    return lines;
                }
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0 && lines.size() < maxLines) {
            lines.add(line.toString());
        }
        return lines;
    }
}
