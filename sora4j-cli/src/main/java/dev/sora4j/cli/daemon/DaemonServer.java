package dev.sora4j.cli.daemon;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The background emulator's side: serves the offline emulator on a free loopback port, announces it
 * in the port file and exits when it has been idle (no request, no pending render) for its timeout,
 * or when its port file no longer names it ({@code sora emulator stop}, or the state directory was
 * removed).
 */
public final class DaemonServer {
    /** How often the idle timeout and the port file are checked; also how fast a stop takes effect. */
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);

    /**
     * After the port file is gone: quiet time before exiting, for a client that read the address just
     * before (on a busy machine a command may take seconds between finding the emulator and its request).
     */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final DaemonFiles files;
    private final RenderMode render;
    private final Duration idleTimeout;

    public DaemonServer(DaemonFiles files, RenderMode render, Duration idleTimeout) {
        this.files = files;
        this.render = render;
        this.idleTimeout = idleTimeout;
    }

    /** Serves until idle or stopped; returns why it stopped, for the log. */
    public String serve(PrintWriter log) throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        try (Emulator emulator =
                Emulator.start(EmulatorConfig.defaults(files.dir()).withRenderMode(render), 0)) {
            // A SIGTERM (sora emulator stop's fallback, a shutdown) still removes the port file.
            Thread cleanup = new Thread(() -> files.removeIfOwnedBy(pid), "sora4j-daemon-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            files.write(new DaemonInfo(emulator.port(), pid, render.name().toLowerCase(Locale.ROOT), idleTimeout));
            log.println("sora4j background emulator pid " + pid + " serving " + emulator.baseUrl() + " (render "
                    + render.name().toLowerCase(Locale.ROOT) + ", idle timeout " + idleTimeout.toSeconds() + " s)");
            log.flush();
            long announced = System.nanoTime();
            while (true) {
                Thread.sleep(CHECK_EVERY.toMillis());
                if (!files.namesPid(pid)) {
                    return "stopped: the port file no longer names this process";
                }
                if (idle(emulator, idleTimeout, announced)) {
                    files.removeIfOwnedBy(pid);
                    // A client may have read the port file just before it went: serve it until it is done.
                    while (!idle(emulator, GRACE, announced)) {
                        Thread.sleep(CHECK_EVERY.toMillis());
                    }
                    return "stopped after " + idleTimeout.toSeconds() + " s without requests";
                }
            }
        } finally {
            files.removeIfOwnedBy(pid);
        }
    }

    /** No render pending, and no request for {@code quiet}, counted from the announcement at the earliest. */
    private static boolean idle(Emulator emulator, Duration quiet, long announcedNanos) {
        Duration sinceAnnounced = Duration.ofNanos(System.nanoTime() - announcedNanos);
        return emulator.pendingRenders() == 0
                && emulator.sinceLastRequest().compareTo(quiet) >= 0
                && sinceAnnounced.compareTo(quiet) >= 0;
    }
}
