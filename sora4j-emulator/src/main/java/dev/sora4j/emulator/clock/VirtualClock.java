package dev.sora4j.emulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The emulator's clock: a base clock that can be pushed forward and run faster or slower at run
 * time (through the control API), without restarting. At speed 1 and no advance it is the base clock.
 */
public final class VirtualClock extends Clock {
    private final Clock base;
    private long anchorBaseMs;
    private long anchorVirtualMs;
    private double speed = 1.0;

    public VirtualClock(Clock base) {
        this.base = base;
        this.anchorBaseMs = base.millis();
        this.anchorVirtualMs = anchorBaseMs;
    }

    @Override
    public synchronized long millis() {
        return anchorVirtualMs + (long) ((base.millis() - anchorBaseMs) * speed);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** Jumps forward; jobs, batches and expiries move with it. */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the clock cannot go back: " + d);
        }
        reanchor();
        anchorVirtualMs += d.toMillis();
    }

    /** From now on, one real second counts as {@code value} seconds. */
    public synchronized void setSpeed(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + value);
        }
        reanchor();
        speed = value;
    }

    public synchronized double speed() {
        return speed;
    }

    private void reanchor() {
        long now = millis();
        anchorBaseMs = base.millis();
        anchorVirtualMs = now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
