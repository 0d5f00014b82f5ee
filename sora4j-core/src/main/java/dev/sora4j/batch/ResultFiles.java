package dev.sora4j.batch;

import dev.sora4j.SoraClient;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.internal.files.AtomicFiles;
import dev.sora4j.model.VideoJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Where each job's create response goes, and writing it atomically. */
final class ResultFiles {
    private ResultFiles() {}

    /** The result file of {@code job}: always a plain name directly inside {@code outDir}. */
    static Path of(Path outDir, BatchJob job) {
        Path dir = outDir.toAbsolutePath().normalize();
        Path target = dir.resolve(job.outName()).normalize();
        if (!target.getParent().equals(dir)) {
            throw new SoraException("refusing to write outside " + dir + ": " + job.outName());
        }
        return target;
    }

    /** Refuses, before anything is sent, to replace a result file that this batch did not write. */
    static void check(List<BatchJob> jobs, Path outDir, boolean force, Set<Integer> knownLines) {
        if (force) {
            return;
        }
        for (BatchJob job : jobs) {
            Path target = of(outDir, job);
            if (Files.exists(target) && !knownLines.contains(job.line())) {
                throw new OutputExistsException(target);
            }
        }
    }

    static void write(Path result, VideoJob job) throws IOException {
        AtomicFiles.write(result, (job.json() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the job's current state; a failure is only a warning (the job itself exists). */
    static void writeQuietly(SoraClient client, BatchListener listener, Path result, String videoId) {
        try {
            write(result, client.retrieve(videoId));
        } catch (IOException | ApiException e) {
            listener.warning("could not write " + result + ": " + e.getMessage());
        }
    }
}
