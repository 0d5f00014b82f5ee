package dev.sora4j.emulator.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifier shapes of the real service: {@code video_} + 48 hex, {@code char_} + 32 hex, {@code req_} + 32 hex. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String video() {
        return "video_" + hex(24);
    }

    public static String character() {
        return "char_" + hex(16);
    }

    public static String file() {
        return "file-" + hex(12);
    }

    public static String batch() {
        return "batch_" + hex(16);
    }

    public static String batchRequest() {
        return "batch_req_" + hex(16);
    }

    public static String event() {
        return "evt_" + hex(16);
    }

    public static String webhook() {
        return "wh_" + hex(16);
    }

    public static String request() {
        return "req_" + hex(16);
    }

    public static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
