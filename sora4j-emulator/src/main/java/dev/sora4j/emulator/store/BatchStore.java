package dev.sora4j.emulator.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.http.ApiError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Batches on disk, {@code batches/<id>.json}; updates run under a file lock so two processes never advance one batch twice. */
public final class BatchStore {
    /**
     * A batch. Times are Unix seconds except {@code stateSinceMs} (when the current status began, on
     * the emulator clock).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoredBatch(
            String id,
            String inputFileId,
            String endpoint,
            String completionWindow,
            Map<String, String> metadata,
            long createdAtMs,
            String status,
            long stateSinceMs,
            Long inProgressAt,
            Long finalizingAt,
            Long completedAt,
            Long failedAt,
            Long expiredAt,
            Long cancellingAt,
            Long cancelledAt,
            List<Line> lines,
            List<Map<String, Object>> errors,
            String outputFileId,
            String errorFileId) {

        public StoredBatch {
            lines = lines == null ? List.of() : List.copyOf(lines);
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        public StoredBatch to(String newStatus, long nowMs) {
            return new StoredBatch(
                    id,
                    inputFileId,
                    endpoint,
                    completionWindow,
                    metadata,
                    createdAtMs,
                    newStatus,
                    nowMs,
                    inProgressAt,
                    finalizingAt,
                    completedAt,
                    failedAt,
                    expiredAt,
                    cancellingAt,
                    cancelledAt,
                    lines,
                    errors,
                    outputFileId,
                    errorFileId);
        }

        public StoredBatch with(List<Line> newLines, List<Map<String, Object>> newErrors) {
            return new StoredBatch(
                    id,
                    inputFileId,
                    endpoint,
                    completionWindow,
                    metadata,
                    createdAtMs,
                    status,
                    stateSinceMs,
                    inProgressAt,
                    finalizingAt,
                    completedAt,
                    failedAt,
                    expiredAt,
                    cancellingAt,
                    cancelledAt,
                    newLines,
                    newErrors,
                    outputFileId,
                    errorFileId);
        }

        public StoredBatch stamped(String field, long seconds) {
            return new StoredBatch(
                    id,
                    inputFileId,
                    endpoint,
                    completionWindow,
                    metadata,
                    createdAtMs,
                    status,
                    stateSinceMs,
                    field.equals("in_progress") ? Long.valueOf(seconds) : inProgressAt,
                    field.equals("finalizing") ? Long.valueOf(seconds) : finalizingAt,
                    field.equals("completed") ? Long.valueOf(seconds) : completedAt,
                    field.equals("failed") ? Long.valueOf(seconds) : failedAt,
                    field.equals("expired") ? Long.valueOf(seconds) : expiredAt,
                    field.equals("cancelling") ? Long.valueOf(seconds) : cancellingAt,
                    field.equals("cancelled") ? Long.valueOf(seconds) : cancelledAt,
                    lines,
                    errors,
                    outputFileId,
                    errorFileId);
        }

        public StoredBatch withFiles(String output, String error) {
            return new StoredBatch(
                    id,
                    inputFileId,
                    endpoint,
                    completionWindow,
                    metadata,
                    createdAtMs,
                    status,
                    stateSinceMs,
                    inProgressAt,
                    finalizingAt,
                    completedAt,
                    failedAt,
                    expiredAt,
                    cancellingAt,
                    cancelledAt,
                    lines,
                    errors,
                    output,
                    error);
        }

        public long createdAt() {
            return createdAtMs / 1000;
        }

        public boolean terminal() {
            return List.of("completed", "failed", "expired", "cancelled").contains(status);
        }
    }

    /**
     * One request line: the job it created, or the error that kept it from creating one.
     *
     * @param error {@code {code, message, param}} when the create was refused, else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(
            int line,
            String customId,
            String videoId,
            String requestId,
            Integer statusCode,
            Map<String, Object> error) {}

    private final JsonDirectory<StoredBatch> records;

    public BatchStore(Path stateDir, ObjectMapper json) {
        this.records =
                new JsonDirectory<>(stateDir.resolve("batches"), json, StoredBatch.class, "batch_[0-9a-f]{1,64}");
    }

    public void save(StoredBatch b) {
        records.save(b.id(), b);
    }

    public Optional<StoredBatch> find(String id) {
        return records.find(id);
    }

    public StoredBatch require(String id) {
        return find(id).orElseThrow(() ->
                new ApiError(404, "invalid_request_error", "batch_id", null, "No batch found with id '" + id + "'."));
    }

    /** Re-reads the batch under its lock, applies {@code change}, and saves the result if it differs. */
    @SuppressWarnings("try") // the lock is held for the block, never referenced
    public synchronized StoredBatch update(String id, UnaryOperator<StoredBatch> change) {
        try (FileChannel ch = FileChannel.open(
                        records.dir().resolve("." + id + ".lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock ignored = ch.lock()) {
            StoredBatch before = require(id);
            StoredBatch after = change.apply(before);
            if (!after.equals(before)) {
                save(after);
            }
            return after;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Oldest first. */
    public List<StoredBatch> all() {
        List<StoredBatch> out = new ArrayList<>(records.all());
        out.sort(Comparator.comparingLong(StoredBatch::createdAtMs).thenComparing(StoredBatch::id));
        return out;
    }
}
