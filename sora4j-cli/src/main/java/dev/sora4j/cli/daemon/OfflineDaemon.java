package dev.sora4j.cli.daemon;

import dev.sora4j.errors.SoraException;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's side of the background emulator: finds the one serving a state directory, or starts
 * it (one process per directory, even when several commands start at once), and stops it.
 *
 * <p>Starting is serialised by a file lock: the command holding it checks again that no emulator
 * answers, spawns {@code java ... dev.sora4j.cli.Main emulator --daemon} detached from the terminal,
 * and waits for its port file. Commands that lost the race wait for the lock, then find the port
 * file and use the same emulator.
 */
public final class OfflineDaemon {
    /** The API key offline commands send; the emulator accepts any non-blank key. */
    public static final String KEY = "sora4j-offline";

    /** The hidden flag of {@code sora emulator} that runs the background emulator. */
    public static final String DAEMON_FLAG = "--daemon";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int HEALTH_TIMEOUT_MS = 10_000;

    private final DaemonFiles files;
    private final String render;
    private final Duration idleTimeout;
    private final Map<String, String> childEnv;

    /**
     * @param files the state directory's daemon files
     * @param render the render mode wanted ({@code fast} or {@code ffmpeg}); a running emulator with
     *     another one is replaced
     * @param idleTimeout how long a started emulator runs without requests
     * @param childEnv variables set for a started emulator (render mode, idle timeout)
     */
    public OfflineDaemon(DaemonFiles files, String render, Duration idleTimeout, Map<String, String> childEnv) {
        this.files = files;
        this.render = render;
        this.idleTimeout = idleTimeout;
        this.childEnv = childEnv;
    }

    /**
     * A background emulator and whether this call started it.
     *
     * @param info its port file
     * @param started whether this call started it
     */
    public record Connection(DaemonInfo info, boolean started) {}

    /** The running emulator for this directory, started first when none answers. */
    public Connection connect() {
        Optional<DaemonInfo> found = running();
        if (found.isPresent() && found.get().render().equals(render)) {
            return new Connection(found.get(), false);
        }
        try {
            Files.createDirectories(files.dir());
            try (FileChannel channel =
                    FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = acquire(channel);
                try {
                    found = running();
                    if (found.isPresent() && found.get().render().equals(render)) {
                        return new Connection(found.get(), false);
                    }
                    // Another render mode (a test knob changed): this directory gets a new emulator.
                    found.ifPresent(this::stop);
                    return new Connection(spawn(), true);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new SoraException(
                    "Could not start the background emulator in " + files.dir() + ": " + e.getMessage()
                            + ". Check that the directory is writable (SORA4J_HOME).",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraException("Interrupted while starting the background emulator.", e);
        }
    }

    /** The emulator serving this directory, when its port file names a live process that answers. */
    public Optional<DaemonInfo> running() {
        Optional<DaemonInfo> info = files.read();
        if (info.isEmpty()
                || !ProcessHandle.of(info.get().pid())
                        .map(ProcessHandle::isAlive)
                        .orElse(false)
                || !answers(info.get())) {
            return Optional.empty();
        }
        return info;
    }

    /**
     * Stops the emulator serving this directory: removes its port file (it exits within a second),
     * then terminates it if it has not. Returns what was stopped.
     */
    public Optional<DaemonInfo> stop() {
        Optional<DaemonInfo> info = running();
        info.ifPresent(this::stop);
        return info;
    }

    private void stop(DaemonInfo info) {
        files.removeIfOwnedBy(info.pid());
        Optional<ProcessHandle> process = ProcessHandle.of(info.pid());
        if (process.isEmpty()) {
            return;
        }
        if (!exited(process.get(), STOP_TIMEOUT)) {
            process.get().destroy();
            if (!exited(process.get(), STOP_TIMEOUT)) {
                process.get().destroyForcibly();
            }
        }
    }

    private static boolean exited(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return true;
    }

    private FileLock acquire(FileChannel channel) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new SoraException("Another sora command has been starting the background emulator for "
                        + START_TIMEOUT.toSeconds() + " s (it holds " + files.lock()
                        + "); stop that command, or see " + files.log() + ".");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private DaemonInfo spawn() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command());
        // The emulator needs no key; keys and secrets stay out of a long-lived process's environment.
        pb.environment().keySet().removeIf(OfflineDaemon::secret);
        pb.environment().putAll(childEnv);
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            pb.redirectInput(devNull);
        }
        pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()));
        Process process = pb.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<DaemonInfo> info = files.read().filter(i -> i.pid() == process.pid());
            if (info.isPresent() && answers(info.get())) {
                return info.get();
            }
            if (!process.isAlive()) {
                throw new SoraException("The background emulator exited at start (code " + process.exitValue() + "): "
                        + lastLine(files.log()) + " (log: " + files.log() + ").");
            }
            Thread.sleep(POLL.toMillis());
        }
        process.destroy();
        throw new SoraException("The background emulator did not start within " + START_TIMEOUT.toSeconds()
                + " s (log: " + files.log() + ").");
    }

    /** {@code java} with this process's JVM options and class path, running {@code sora emulator --daemon}. */
    private List<String> command() {
        List<String> cmd = new ArrayList<>();
        // Its own session: Ctrl-C, Ctrl-Z or a closed terminal in the shell that ran sora do not reach it.
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                cmd.add(setsid);
                break;
            }
        }
        if (cmd.isEmpty() && Files.isExecutable(Path.of("/bin/sh"))) {
            cmd.addAll(List.of("/bin/sh", "-c", "trap '' INT HUP TSTP; exec \"$0\" \"$@\""));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A long-lived server wants the optimising compiler; class-data archives belong to the client.
            if (!arg.startsWith("-XX:TieredStopAtLevel")
                    && !arg.startsWith("-XX:ArchiveClassesAtExit")
                    && !arg.startsWith("-XX:SharedArchiveFile")
                    && !arg.startsWith("-Xshare")
                    && !arg.startsWith("-agentlib")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sora4j.cli.Main",
                "emulator",
                DAEMON_FLAG,
                "--state-dir",
                files.dir().toAbsolutePath().toString()));
        return cmd;
    }

    private static boolean secret(String name) {
        return name.startsWith("OPENAI_")
                || name.endsWith("_API_KEY")
                || name.equals("SORA4J_WEBHOOK_SECRET")
                || name.equals("SORA4J_CONTROL_TOKEN");
    }

    /** Whether an emulator answers on the port: any API response carries its {@code openai-version} header. */
    private static boolean answers(DaemonInfo info) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(info.baseUrl() + "/videos/video_sora4j_health")
                    .toURL()
                    .openConnection();
            c.setConnectTimeout(HEALTH_TIMEOUT_MS);
            c.setReadTimeout(HEALTH_TIMEOUT_MS);
            c.setRequestProperty("Authorization", "Bearer " + KEY);
            try {
                c.getResponseCode();
                return c.getHeaderField("openai-version") != null;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException e) {
            // No log: the exit code is all there is.
        }
        return "no output";
    }
}
