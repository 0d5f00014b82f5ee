package dev.sora4j.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the emulator needs, fixed before it starts. Build one from {@link #defaults(Path)} and
 * the {@code with...} methods, or {@link #toBuilder()} for several changes at once.
 *
 * @param stateDir where jobs, files, batches and media persist; processes sharing it see the same jobs
 * @param clock the time source (tests inject a manual clock instead of sleeping); the control API can
 *     advance it and change its speed at run time
 * @param speed how much faster than {@code queuedFor}/{@code renderBase}/{@code renderPerClipSecond} the
 *     timeline runs; 2.0 halves every wait
 * @param queuedFor how long a new job stays {@code queued}
 * @param renderBase fixed part of the {@code in_progress} phase
 * @param renderPerClipSecond added to the {@code in_progress} phase per second of requested video
 * @param assetTtl how long after completion the content stays downloadable ({@code expires_at})
 * @param renderThreads how many clips are encoded at once
 * @param contentBytesPerSecond throttles content downloads (0 = unthrottled); used to simulate slow links
 * @param profile which limits the emulated server enforces
 * @param faults deterministic failures, e.g. every third create answers 429
 * @param rateLimits requests per minute per model on the POST video routes
 * @param chaos probabilistic faults (off by default)
 * @param moderation prompt rules that make jobs fail after queueing
 * @param webhooks where and how events are delivered (none by default)
 * @param control whether the {@code /_emulator} control routes are served
 * @param dialect the response shape: OpenAI's, or a gateway's
 */
public record EmulatorConfig(
        Path stateDir,
        Clock clock,
        double speed,
        Duration queuedFor,
        Duration renderBase,
        Duration renderPerClipSecond,
        Duration assetTtl,
        int renderThreads,
        long contentBytesPerSecond,
        EmulatorProfile profile,
        List<FaultRule> faults,
        RateLimits rateLimits,
        Chaos chaos,
        Moderation moderation,
        WebhookConfig webhooks,
        boolean control,
        Dialect dialect) {

    public EmulatorConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(chaos, "chaos");
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(dialect, "dialect");
        faults = List.copyOf(faults);
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
        if (renderThreads < 1) {
            throw new IllegalArgumentException("renderThreads must be >= 1, got " + renderThreads);
        }
    }

    /**
     * Defaults: a 4 s clip is queued for 1 s and in progress for 2 s, assets live 1 h, the guide's
     * limits, moderation on, and no rate limits, faults or webhooks (so embedded tests stay
     * deterministic; {@code sora emulator} turns the service's rate limits on).
     */
    public static EmulatorConfig defaults(Path stateDir) {
        return new EmulatorConfig(
                stateDir,
                Clock.systemUTC(),
                1.0,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofMillis(250),
                Duration.ofHours(1),
                1,
                0,
                EmulatorProfile.GUIDE,
                List.of(),
                RateLimits.none(),
                Chaos.none(),
                Moderation.defaults(),
                WebhookConfig.none(),
                false,
                Dialect.OPENAI);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public EmulatorConfig withClock(Clock value) {
        return toBuilder().clock(value).build();
    }

    public EmulatorConfig withSpeed(double value) {
        return toBuilder().speed(value).build();
    }

    public EmulatorConfig withContentBytesPerSecond(long value) {
        return toBuilder().contentBytesPerSecond(value).build();
    }

    public EmulatorConfig withAssetTtl(Duration value) {
        return toBuilder().assetTtl(value).build();
    }

    public EmulatorConfig withProfile(EmulatorProfile value) {
        return toBuilder().profile(value).build();
    }

    public EmulatorConfig withFaults(List<FaultRule> value) {
        return toBuilder().faults(value).build();
    }

    public EmulatorConfig withRateLimits(RateLimits value) {
        return toBuilder().rateLimits(value).build();
    }

    public EmulatorConfig withChaos(Chaos value) {
        return toBuilder().chaos(value).build();
    }

    public EmulatorConfig withModeration(Moderation value) {
        return toBuilder().moderation(value).build();
    }

    public EmulatorConfig withWebhooks(WebhookConfig value) {
        return toBuilder().webhooks(value).build();
    }

    public EmulatorConfig withControl(boolean value) {
        return toBuilder().control(value).build();
    }

    public EmulatorConfig withDialect(Dialect value) {
        return toBuilder().dialect(value).build();
    }

    /** Mutable copy of a config; {@link #build()} validates. */
    public static final class Builder {
        private Path stateDir;
        private Clock clock;
        private double speed;
        private Duration queuedFor;
        private Duration renderBase;
        private Duration renderPerClipSecond;
        private Duration assetTtl;
        private int renderThreads;
        private long contentBytesPerSecond;
        private EmulatorProfile profile;
        private List<FaultRule> faults;
        private RateLimits rateLimits;
        private Chaos chaos;
        private Moderation moderation;
        private WebhookConfig webhooks;
        private boolean control;
        private Dialect dialect;

        private Builder(EmulatorConfig c) {
            stateDir = c.stateDir;
            clock = c.clock;
            speed = c.speed;
            queuedFor = c.queuedFor;
            renderBase = c.renderBase;
            renderPerClipSecond = c.renderPerClipSecond;
            assetTtl = c.assetTtl;
            renderThreads = c.renderThreads;
            contentBytesPerSecond = c.contentBytesPerSecond;
            profile = c.profile;
            faults = c.faults;
            rateLimits = c.rateLimits;
            chaos = c.chaos;
            moderation = c.moderation;
            webhooks = c.webhooks;
            control = c.control;
            dialect = c.dialect;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder speed(double v) {
            speed = v;
            return this;
        }

        public Builder queuedFor(Duration v) {
            queuedFor = v;
            return this;
        }

        public Builder renderBase(Duration v) {
            renderBase = v;
            return this;
        }

        public Builder renderPerClipSecond(Duration v) {
            renderPerClipSecond = v;
            return this;
        }

        public Builder assetTtl(Duration v) {
            assetTtl = v;
            return this;
        }

        public Builder renderThreads(int v) {
            renderThreads = v;
            return this;
        }

        public Builder contentBytesPerSecond(long v) {
            contentBytesPerSecond = v;
            return this;
        }

        public Builder profile(EmulatorProfile v) {
            profile = v;
            return this;
        }

        public Builder faults(List<FaultRule> v) {
            faults = v;
            return this;
        }

        public Builder rateLimits(RateLimits v) {
            rateLimits = v;
            return this;
        }

        public Builder chaos(Chaos v) {
            chaos = v;
            return this;
        }

        public Builder moderation(Moderation v) {
            moderation = v;
            return this;
        }

        public Builder webhooks(WebhookConfig v) {
            webhooks = v;
            return this;
        }

        public Builder control(boolean v) {
            control = v;
            return this;
        }

        public Builder dialect(Dialect v) {
            dialect = v;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(
                    stateDir,
                    clock,
                    speed,
                    queuedFor,
                    renderBase,
                    renderPerClipSecond,
                    assetTtl,
                    renderThreads,
                    contentBytesPerSecond,
                    profile,
                    faults,
                    rateLimits,
                    chaos,
                    moderation,
                    webhooks,
                    control,
                    dialect);
        }
    }
}
