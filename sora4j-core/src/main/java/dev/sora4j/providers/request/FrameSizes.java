package dev.sora4j.providers.request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code WxH} sizes and their {@code resolution} + {@code aspect_ratio} spelling (OpenRouter, providers.md §6). */
public final class FrameSizes {
    private static final Pattern WXH = Pattern.compile("([1-9]\\d{1,4})x([1-9]\\d{1,4})");
    private static final Set<Integer> STANDARD_HEIGHTS = Set.of(480, 720, 1080, 1440, 2160);
    private static final Set<String> STANDARD_RATIOS = Set.of("16:9", "9:16", "1:1", "4:3", "3:4", "21:9");

    private FrameSizes() {}

    /**
     * Whether {@code value} is {@code WxH} in whole pixels.
     *
     * @param value the size to check, may be null
     * @return true when it matches {@code WxH}
     */
    public static boolean isWxH(String value) {
        return value != null && WXH.matcher(value).matches();
    }

    /**
     * {@code 1280x720} → {@code {resolution: 720p, aspect_ratio: 16:9}}; empty when the size is not
     * a standard resolution with a common aspect ratio (then send {@code size} as is).
     *
     * @param wxh the size as {@code WxH}
     * @return the {@code resolution} and {@code aspect_ratio} fields, or an empty map
     */
    public static Map<String, String> resolutionAndAspect(String wxh) {
        Matcher m = WXH.matcher(wxh);
        if (!m.matches()) {
            return Map.of();
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        int shortSide = Math.min(w, h);
        int g = gcd(w, h);
        String ratio = (w / g) + ":" + (h / g);
        if (!STANDARD_HEIGHTS.contains(shortSide) || !STANDARD_RATIOS.contains(ratio)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("resolution", shortSide + "p");
        out.put("aspect_ratio", ratio);
        return out;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
