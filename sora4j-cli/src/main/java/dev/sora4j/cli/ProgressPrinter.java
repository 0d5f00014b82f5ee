package dev.sora4j.cli;

import dev.sora4j.model.VideoJob;
import dev.sora4j.options.PollListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a job's progress on stderr: a progress bar on a terminal, otherwise one plain line each
 * time the status or percentage changes (readable in logs and by agents).
 */
final class ProgressPrinter implements PollListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private String lastStatus;
    private int lastProgress = -1;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onUpdate(VideoJob job) {
        String status = job.status().value();
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder()
                        .setTaskName(job.id().length() > 14 ? job.id().substring(0, 14) : job.id())
                        .setInitialMax(100)
                        .setStyle(ProgressBarStyle.ASCII)
                        .continuousUpdate()
                        .build();
            }
            bar.stepTo(job.progress());
            bar.setExtraMessage(status);
            if (job.status().isTerminal()) {
                close();
            }
            return;
        }
        if (!status.equals(lastStatus) || job.progress() != lastProgress) {
            err.println("Status: " + status + " (" + job.progress() + "%)");
            err.flush();
            lastStatus = status;
            lastProgress = job.progress();
        }
    }

    @Override
    public void onUnknownStatus(VideoJob job) {
        close();
        err.println("Warning: unknown status '" + job.status().value() + "' for " + job.id()
                + "; treating it as still running.");
        err.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
