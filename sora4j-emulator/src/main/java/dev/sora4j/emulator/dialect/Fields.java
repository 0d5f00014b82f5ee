package dev.sora4j.emulator.dialect;

import java.util.Map;
import java.util.regex.Pattern;

/** Reading loosely typed request fields (JSON values or multipart strings). */
public final class Fields {
    private static final Pattern SIZE = Pattern.compile("(\\d{2,4})x(\\d{2,4})");
    private static final Pattern DIGITS = Pattern.compile("[1-9]\\d{0,5}");

    private Fields() {}

    /** The field as text, or null when absent; numbers and booleans are written out. */
    public static String text(Map<String, Object> fields, String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        return null;
    }

    /** Whether {@code size} is {@code WxH} the emulator can render (even sides, 64 to 4096 pixels). */
    public static boolean renderableSize(String size) {
        var m = size == null ? null : SIZE.matcher(size);
        if (m == null || !m.matches()) {
            return false;
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        return w % 2 == 0 && h % 2 == 0 && w >= 64 && h >= 64 && w <= 4096 && h <= 4096;
    }

    /** Whether {@code text} matches {@code WxH}. */
    public static boolean sizeShape(String text) {
        return text != null && SIZE.matcher(text).matches();
    }

    /** Whether {@code text} is a positive integer with no sign, leading zero or fraction. */
    public static boolean positiveDigits(String text) {
        return text != null && DIGITS.matcher(text).matches();
    }

    /** Clip length the emulator renders for {@code frames} at {@code fps}: at least one second. */
    public static int secondsOf(int frames, double fps) {
        return (int) Math.max(1, Math.round(frames / fps));
    }
}
