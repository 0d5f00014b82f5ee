package dev.sora4j.emulator.config;

import java.util.Locale;

/**
 * Which limits the emulated server enforces: {@link #GUIDE} the March-2026 guide (the default, as the
 * real service behaved), {@link #SPEC} the 2026-08-21 OpenAPI enums, {@link #OPEN} any model, size
 * and length, like a gateway serving other models. Every profile allows at most two characters,
 * and an extension takes no characters and no image and adds at most 20 s.
 */
public enum EmulatorProfile {
    GUIDE,
    SPEC,
    OPEN;

    public static EmulatorProfile parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (EmulatorProfile p : values()) {
            if (p.name().equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("profile '" + value + "' is not known; use one of: guide, spec, open");
    }
}
