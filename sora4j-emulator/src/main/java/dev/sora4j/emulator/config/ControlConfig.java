package dev.sora4j.emulator.config;

/**
 * The {@code /_emulator} control routes. They answer only requests that carry the token (as
 * {@code Authorization: Bearer TOKEN} or {@code x-sora4j-control-token}), come to a loopback host
 * name from no foreign web origin, and send JSON: a web page the user visits cannot drive them.
 *
 * @param enabled whether they are served
 * @param token the token requests must carry; null picks a random one at start
 */
public record ControlConfig(boolean enabled, String token) {
    public ControlConfig {
        if (token != null && token.strip().length() < 16) {
            throw new IllegalArgumentException("the control token must have at least 16 characters");
        }
    }

    public static ControlConfig off() {
        return new ControlConfig(false, null);
    }

    public static ControlConfig on() {
        return new ControlConfig(true, null);
    }
}
