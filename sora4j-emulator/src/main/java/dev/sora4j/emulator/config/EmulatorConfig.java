package dev.sora4j.emulator.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the emulator needs, fixed before it starts, in small records by concern. Build one from
 * {@link #defaults(Path)} and the {@code with...} methods, or {@link #toBuilder()} for several
 * changes at once.
 *
 * @param stateDir where jobs, files, batches and media persist; processes sharing it see the same jobs
 * @param clock the time source (tests inject a manual clock instead of sleeping); the control API can
 *     advance it and change its speed at run time
 * @param timeline how long jobs queue and render, how long assets live
 * @param limits validation profile, rate limits, download throttling
 * @param faults deterministic and probabilistic failures
 * @param render how media is made
 * @param webhooks where and how events are delivered (none by default)
 * @param control the {@code /_emulator} control routes
 * @param moderation prompt rules that make jobs fail after queueing
 * @param dialect the response shape: OpenAI's, or a gateway's
 */
public record EmulatorConfig(
        Path stateDir,
        Clock clock,
        TimelineConfig timeline,
        LimitsConfig limits,
        FaultConfig faults,
        RenderConfig render,
        WebhookConfig webhooks,
        ControlConfig control,
        Moderation moderation,
        Dialect dialect) {

    public EmulatorConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * Defaults: a 4 s clip is queued for 1 s and in progress for 2 s, assets live 1 h, the guide's
     * limits, moderation on, real FFmpeg renders, and no rate limits, faults or webhooks (so embedded
     * tests stay deterministic; {@code sora emulator} turns the service's rate limits on).
     */
    public static EmulatorConfig defaults(Path stateDir) {
        return new EmulatorConfig(
                stateDir,
                Clock.systemUTC(),
                TimelineConfig.defaults(),
                LimitsConfig.defaults(),
                FaultConfig.none(),
                RenderConfig.defaults(),
                WebhookConfig.none(),
                ControlConfig.off(),
                Moderation.defaults(),
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

    /** Real FFmpeg renders ({@link RenderMode#FFMPEG}, the default) or cached plain clips. */
    public EmulatorConfig withRenderMode(RenderMode value) {
        return toBuilder().renderMode(value).build();
    }

    /**
     * Mutable copy of a config, with one setter per option (each lands in its sub-record);
     * {@link #build()} validates.
     */
    public static final class Builder {
        private Path stateDir;
        private Clock clock;
        private TimelineConfig timeline;
        private LimitsConfig limits;
        private FaultConfig faults;
        private RenderConfig render;
        private WebhookConfig webhooks;
        private ControlConfig control;
        private Moderation moderation;
        private Dialect dialect;

        private Builder(EmulatorConfig c) {
            stateDir = c.stateDir;
            clock = c.clock;
            timeline = c.timeline;
            limits = c.limits;
            faults = c.faults;
            render = c.render;
            webhooks = c.webhooks;
            control = c.control;
            moderation = c.moderation;
            dialect = c.dialect;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder timeline(TimelineConfig v) {
            timeline = v;
            return this;
        }

        public Builder speed(double v) {
            TimelineConfig t = timeline;
            timeline = new TimelineConfig(v, t.queuedFor(), t.renderBase(), t.renderPerClipSecond(), t.assetTtl());
            return this;
        }

        public Builder queuedFor(Duration v) {
            TimelineConfig t = timeline;
            timeline = new TimelineConfig(t.speed(), v, t.renderBase(), t.renderPerClipSecond(), t.assetTtl());
            return this;
        }

        public Builder renderBase(Duration v) {
            TimelineConfig t = timeline;
            timeline = new TimelineConfig(t.speed(), t.queuedFor(), v, t.renderPerClipSecond(), t.assetTtl());
            return this;
        }

        public Builder renderPerClipSecond(Duration v) {
            TimelineConfig t = timeline;
            timeline = new TimelineConfig(t.speed(), t.queuedFor(), t.renderBase(), v, t.assetTtl());
            return this;
        }

        public Builder assetTtl(Duration v) {
            TimelineConfig t = timeline;
            timeline = new TimelineConfig(t.speed(), t.queuedFor(), t.renderBase(), t.renderPerClipSecond(), v);
            return this;
        }

        public Builder limits(LimitsConfig v) {
            limits = v;
            return this;
        }

        public Builder profile(EmulatorProfile v) {
            limits = limits.withProfile(v);
            return this;
        }

        public Builder rateLimits(RateLimits v) {
            limits = limits.withRateLimits(v);
            return this;
        }

        public Builder contentBytesPerSecond(long v) {
            limits = limits.withContentBytesPerSecond(v);
            return this;
        }

        public Builder faults(List<FaultRule> v) {
            faults = new FaultConfig(v, faults.chaos());
            return this;
        }

        public Builder chaos(Chaos v) {
            faults = new FaultConfig(faults.rules(), v);
            return this;
        }

        public Builder render(RenderConfig v) {
            render = v;
            return this;
        }

        public Builder renderThreads(int v) {
            render = new RenderConfig(v, render.mode(), render.cacheDir());
            return this;
        }

        public Builder renderMode(RenderMode v) {
            render = new RenderConfig(render.threads(), v, render.cacheDir());
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
            control = new ControlConfig(v, control.token());
            return this;
        }

        public Builder control(ControlConfig v) {
            control = v;
            return this;
        }

        public Builder dialect(Dialect v) {
            dialect = v;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(
                    stateDir, clock, timeline, limits, faults, render, webhooks, control, moderation, dialect);
        }
    }
}
