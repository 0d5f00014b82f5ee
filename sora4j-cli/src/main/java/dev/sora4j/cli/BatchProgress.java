package dev.sora4j.cli;

import dev.sora4j.batch.BatchJob;
import dev.sora4j.batch.BatchListener;
import dev.sora4j.errors.ApiException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A batch's progress on stderr. On a terminal: one aggregate bar (the sum of every job's
 * {@code progress}) with created/done/downloaded/failed counts, and the notes printed once it
 * closes. Otherwise one plain line per event, prefixed like the reference CLI's {@code [job i/n]},
 * readable in logs and by agents.
 */
final class BatchProgress implements BatchListener, AutoCloseable {
    private final PrintWriter err;
    private final int total;
    private final Map<Integer, Integer> percent = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private ProgressBar bar;
    private int created;
    private int done;
    private int downloaded;
    private int failed;

    BatchProgress(PrintWriter err, boolean terminal, int total) {
        this.err = err;
        this.total = total;
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName("batch")
                    .setInitialMax(100L * total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .continuousUpdate()
                    .build();
        }
    }

    private String label(BatchJob job) {
        return "[job " + job.number() + "/" + total + "]";
    }

    @Override
    public synchronized void retrying(BatchJob job, int attempt, int max, Duration wait, ApiException cause) {
        line(
                label(job) + " attempt " + attempt + "/" + max + " failed ("
                        + (cause.status() == 0 ? "no response" : "HTTP " + cause.status()) + "); retrying in "
                        + String.format(Locale.ROOT, "%.1f", wait.toMillis() / 1000.0)
                        + "s",
                false);
    }

    @Override
    public synchronized void created(BatchJob job, String videoId, Path result) {
        created++;
        line(label(job) + " created " + videoId + " -> " + result, false);
    }

    @Override
    public synchronized void recovered(BatchJob job, String videoId, boolean adopted) {
        created++;
        line(
                label(job) + (adopted ? " found on the server after a lost answer: " : " already created: ") + videoId,
                adopted);
    }

    @Override
    public synchronized void failed(BatchJob job, String error) {
        failed++;
        line(label(job) + " failed: " + FlagNames.render(error), true);
    }

    @Override
    public synchronized void status(BatchJob job, String videoId, String status, int progress) {
        percent.put(job.number(), status.equals("completed") || status.equals("failed") ? 100 : progress);
        if (status.equals("completed") || status.equals("failed")) {
            done++;
        }
        line(label(job) + " " + videoId + " " + status + " (" + progress + "%)", false);
    }

    @Override
    public synchronized void downloaded(BatchJob job, Path file, long bytes, String sha256) {
        downloaded++;
        line(label(job) + " downloaded " + file + " (" + bytes + " bytes, sha256 " + sha256 + ")", false);
    }

    @Override
    public synchronized void warning(String message) {
        line("Warning: " + FlagNames.render(message), true);
    }

    /** A plain line, or on a terminal a bar update (keeping notes worth reading for the end). */
    private void line(String text, boolean note) {
        if (bar == null) {
            err.println(text);
            err.flush();
            return;
        }
        if (note) {
            notes.add(text);
        }
        bar.stepTo(percent.values().stream().mapToLong(Integer::longValue).sum());
        bar.setExtraMessage("created " + created + "/" + total + ", done " + done + ", downloaded " + downloaded
                + (failed > 0 ? ", failed " + failed : ""));
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
            notes.forEach(err::println);
            err.flush();
        }
    }
}
