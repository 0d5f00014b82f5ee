package dev.sora4j.cli;

import java.io.PrintWriter;

/**
 * While a command waits for a job, Ctrl-C (SIGINT) prints how to continue, e.g.
 * {@code sora poll --id @12 --download --out clip.mp4}; the JVM then exits with 130, as for any
 * SIGINT. Closing it (the wait ended normally) removes the hook.
 */
final class InterruptHint implements AutoCloseable {
    private final Thread hook;

    private InterruptHint(Thread hook) {
        this.hook = hook;
    }

    /** Installs the hint; {@code continueWith} is the command line that picks the job up again. */
    static InterruptHint install(PrintWriter err, String continueWith) {
        Thread hook = new Thread(
                () -> {
                    err.println();
                    err.println("Interrupted; the job goes on on the server. Continue with: " + continueWith);
                    err.flush();
                },
                "sora4j-interrupt-hint");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting: nothing to add.
        }
        return new InterruptHint(hook);
    }

    /** The {@code sora poll} line that continues waiting for {@code ref} (and downloading, when asked). */
    static String pollLine(String ref, DownloadOptions download) {
        StringBuilder sb = new StringBuilder("sora poll --id ").append(ref);
        if (download.download) {
            sb.append(" --download");
            if (download.target.variant() != dev.sora4j.model.Variant.VIDEO) {
                sb.append(" --variant ").append(download.target.variant().wireName());
            }
            sb.append(" --out ").append(shellQuoted(download.target.outPath().toString()));
            if (download.target.force) {
                sb.append(" --force");
            }
        }
        return sb.toString();
    }

    private static String shellQuoted(String s) {
        return s.matches("[A-Za-z0-9_./@:=+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run.
        }
    }
}
