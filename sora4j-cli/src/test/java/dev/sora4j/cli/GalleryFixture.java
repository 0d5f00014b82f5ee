package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.cli.gallery.GalleryServer;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.options.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

/**
 * A gallery over a ledger of real offline jobs: the emulator in fast render mode on the real clock
 * (its jobs finish in about three seconds), jobs made through the real commands, and the gallery
 * started as {@code sora --offline gallery} starts it.
 */
final class GalleryFixture implements AutoCloseable {
    final Path home;
    final Path outDir;
    final Emulator emulator;
    final CliRun sora;
    final StringWriter galleryErr = new StringWriter();
    private CliContext context;
    private GalleryServer server;

    GalleryFixture(Path home) {
        this.home = home;
        this.outDir = home.resolve("videos");
        this.emulator =
                Emulator.start(EmulatorConfig.defaults(home.resolve("emulator")).withRenderMode(RenderMode.FAST), 0);
        this.sora = new CliRun(env(), Clock.systemUTC(), Sleeper.system()).withOffline(emulator);
    }

    Map<String, String> env() {
        return Map.of("SORA4J_HOME", home.toString(), CliContext.RENDER_KNOB, "fast");
    }

    /** Creates a job, waits for it and downloads it to {@code name}.mp4; returns its id. */
    String createDownloaded(String prompt, String name) {
        CliRun.Result r = sora.run(
                "--offline",
                "create-and-poll",
                "--prompt",
                prompt,
                "--no-augment",
                "--download",
                "--out",
                home.resolve(name + ".mp4").toString());
        assertThat(r.code()).as(r.err()).isZero();
        return String.valueOf(
                Json.parse(r.out().substring(r.out().lastIndexOf("\n{"))).get("id"));
    }

    /** Creates a job and leaves it (not polled, not downloaded); returns its id. */
    String create(String prompt) {
        CliRun.Result r = sora.run("--offline", "create", "--prompt", prompt, "--no-augment");
        assertThat(r.code()).as(r.err()).isZero();
        return String.valueOf(Json.parse(r.out()).get("id"));
    }

    /** Starts the gallery on a free loopback port. */
    GalleryServer start() {
        Properties props = new Properties();
        props.setProperty("user.home", home.toString());
        context = new CliContext(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(galleryErr, true),
                env(),
                props,
                Clock.systemUTC(),
                Sleeper.system(),
                false);
        context.useOfflineEmulator(emulator);
        GlobalOptions global = new GlobalOptions();
        global.offline = true;
        server = GalleryCommand.serve(context, global, "127.0.0.1", 0, outDir);
        return server;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (context != null) {
            context.close();
        }
        emulator.close();
    }
}
