package dev.sora4j.cli.daemon;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running background emulator wrote into its port file: where it listens, who it is and how it
 * was started.
 *
 * @param port the loopback port it serves
 * @param pid its process id
 * @param render the render mode it uses ({@code fast} or {@code ffmpeg})
 * @param idleTimeout how long it runs without a request before it stops
 */
public record DaemonInfo(int port, long pid, String render, Duration idleTimeout) {
    /** The base URL clients use, including {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    String format() {
        Properties p = new Properties();
        p.setProperty("port", Integer.toString(port));
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("render", render);
        p.setProperty("idle-seconds", Long.toString(idleTimeout.toSeconds()));
        StringWriter out = new StringWriter();
        try {
            p.store(out, "sora4j background emulator");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The info in a port file's text; empty when it is incomplete or not ours (a partial or foreign file). */
    static Optional<DaemonInfo> parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            return Optional.of(new DaemonInfo(
                    Integer.parseInt(p.getProperty("port", "")),
                    Long.parseLong(p.getProperty("pid", "")),
                    p.getProperty("render", ""),
                    Duration.ofSeconds(Long.parseLong(p.getProperty("idle-seconds", "")))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
