package dev.sora4j.cli;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.options.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Runs {@code sora} in-process through the real picocli factory with captured writers. */
final class CliRun {
    record Result(int code, String out, String err) {}

    private final Map<String, String> env = new HashMap<>();
    private final Clock clock;
    private final Sleeper sleeper;
    private Emulator offline;

    CliRun(Map<String, String> env, Clock clock, Sleeper sleeper) {
        // An --offline run copies cached clips instead of encoding; a test may pass "ffmpeg".
        this.env.put(CliContext.RENDER_KNOB, "fast");
        this.env.putAll(env);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Serve {@code --offline} from {@code shared} (started and closed by the caller) instead of a new emulator. */
    CliRun withOffline(Emulator shared) {
        this.offline = shared;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        Properties noProperties = new Properties();
        noProperties.setProperty("user.home", env.getOrDefault("SORA4J_HOME", "/nonexistent"));
        try (CliContext ctx = new CliContext(
                new PrintWriter(out, true), new PrintWriter(err, true), env, noProperties, clock, sleeper, false)) {
            if (offline != null) {
                ctx.useOfflineEmulator(offline);
            }
            code = Sora.commandLine(ctx).execute(args);
        }
        return new Result(code, out.toString(), err.toString());
    }
}
