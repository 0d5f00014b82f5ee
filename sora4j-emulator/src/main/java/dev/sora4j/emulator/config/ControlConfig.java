package dev.sora4j.emulator.config;

/**
 * The {@code /_emulator} control routes.
 *
 * @param enabled whether they are served
 */
public record ControlConfig(boolean enabled) {
    public static ControlConfig off() {
        return new ControlConfig(false);
    }
}
