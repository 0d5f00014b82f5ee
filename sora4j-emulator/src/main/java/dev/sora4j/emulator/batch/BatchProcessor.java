package dev.sora4j.emulator.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.jobs.JobFailures;
import dev.sora4j.emulator.jobs.JobScheduler;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.jobs.VideoCreation;
import dev.sora4j.emulator.jobs.VideoJson;
import dev.sora4j.emulator.store.BatchStore;
import dev.sora4j.emulator.store.FileStore;
import dev.sora4j.emulator.store.Ids;
import dev.sora4j.emulator.store.StoredVideo;
import dev.sora4j.emulator.store.VideoStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Moves batches along {@code validating → in_progress → finalizing → completed} (or {@code failed},
 * {@code cancelling → cancelled}, {@code expired}) on the emulator clock. Called on every read of a
 * batch and by the background ticker, so batches progress even when nobody polls them.
 */
public final class BatchProcessor {
    public static final long PHASE_MS = 1000;
    public static final long WINDOW_MS = 24L * 3600 * 1000;
    public static final long DOWNLOAD_WINDOW_SECONDS = 24L * 3600;

    private final BatchStore batches;
    private final FileStore files;
    private final VideoStore videos;
    private final VideoCreation creation;
    private final JobScheduler scheduler;
    private final Timeline timeline;
    private final VideoJson presenter;
    private final Clock clock;
    private final double speed;
    private final int maxLines;
    private final ObjectMapper json;
    private final BiConsumer<String, String> events;

    /** @param events hears {@code (type, batchId)} when a batch ends, e.g. {@code batch.completed} */
    public BatchProcessor(
            BatchStore batches,
            FileStore files,
            VideoStore videos,
            VideoCreation creation,
            JobScheduler scheduler,
            Timeline timeline,
            VideoJson presenter,
            EmulatorConfig config,
            ObjectMapper json,
            BiConsumer<String, String> events) {
        this.batches = batches;
        this.files = files;
        this.videos = videos;
        this.creation = creation;
        this.scheduler = scheduler;
        this.timeline = timeline;
        this.presenter = presenter;
        this.clock = config.clock();
        this.speed = config.timeline().speed();
        this.maxLines = config.limits().maxBatchLines();
        this.json = json;
        this.events = events;
    }

    /** Advances every unfinished batch. */
    public void tick() {
        for (BatchStore.StoredBatch b : batches.all()) {
            if (!b.terminal()) {
                advance(b.id());
            }
        }
    }

    /** Advances one batch as far as the clock allows and returns it. */
    public BatchStore.StoredBatch advance(String id) {
        String[] ended = new String[1];
        BatchStore.StoredBatch result = batches.update(id, b -> {
            BatchStore.StoredBatch cur = b;
            for (int guard = 0; guard < 6; guard++) {
                BatchStore.StoredBatch next = step(cur, clock.millis());
                if (next == cur) {
                    break;
                }
                cur = next;
            }
            if (cur.terminal() && !b.terminal()) {
                ended[0] = "batch." + cur.status();
            }
            return cur;
        });
        if (ended[0] != null) {
            events.accept(ended[0], id);
        }
        return result;
    }

    /** Asks to cancel; the batch shows {@code cancelling}, then {@code cancelled}. */
    public BatchStore.StoredBatch cancel(String id) {
        long now = clock.millis();
        BatchStore.StoredBatch b = batches.update(id, cur -> {
            if (!cur.status().equals("validating") && !cur.status().equals("in_progress")) {
                throw new ApiError(
                        409,
                        "invalid_request_error",
                        null,
                        "batch_not_cancellable",
                        "Cannot cancel a batch with status '" + cur.status() + "'.");
            }
            for (BatchStore.Line line : cur.lines()) {
                if (line.videoId() != null) {
                    videos.find(line.videoId()).ifPresent(v -> {
                        if (!timeline.view(v, now).terminal()) {
                            videos.save(v.failed(
                                    JobFailures.CANCELLED_CODE,
                                    "The batch was cancelled before this video finished.",
                                    now));
                        }
                    });
                }
            }
            return cur.to("cancelling", now).stamped("cancelling", now / 1000);
        });
        return advance(b.id());
    }

    private BatchStore.StoredBatch step(BatchStore.StoredBatch b, long now) {
        long since = now - b.stateSinceMs();
        long phase = Math.round(PHASE_MS / speed);
        switch (b.status()) {
            case "validating" -> {
                return since < phase ? b : validate(b, now);
            }
            case "in_progress" -> {
                // Judge by when the jobs ended, not when someone looked: a batch read late still completed in time.
                Long doneAt = lastEnded(b, now);
                long deadline = b.createdAtMs() + WINDOW_MS;
                if (doneAt != null && doneAt < deadline) {
                    long at = Math.max(doneAt, b.stateSinceMs());
                    return b.to("finalizing", at).stamped("finalizing", at / 1000);
                }
                if (now >= deadline) {
                    return finish(b.to("expired", deadline).stamped("expired", deadline / 1000), now);
                }
                return b;
            }
            case "finalizing" -> {
                long at = b.stateSinceMs() + phase;
                return now < at ? b : finish(b.to("completed", at).stamped("completed", at / 1000), now);
            }
            case "cancelling" -> {
                return since < phase ? b : finish(b.to("cancelled", now).stamped("cancelled", now / 1000), now);
            }
            default -> {
                return b;
            }
        }
    }

    /** Checks every line; a malformed file fails the batch, otherwise each line becomes a job (or a line error). */
    private BatchStore.StoredBatch validate(BatchStore.StoredBatch b, long now) {
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Map<String, Object>> requests = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        Set<String> customIds = new HashSet<>();
        List<String> lines = new ArrayList<>();
        // Read line by line and stop past the cap: a huge input file is refused, not loaded.
        try (BufferedReader in = Files.newBufferedReader(files.content(b.inputFileId()), StandardCharsets.UTF_8)) {
            String line;
            int requestLines = 0;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (!line.isBlank() && ++requestLines > maxLines) {
                    errors.add(error(
                            "batch_too_large",
                            "The input file has more than " + maxLines + " requests; split it into batches of at most "
                                    + maxLines + " lines.",
                            null,
                            null));
                    return b.with(List.of(), errors).to("failed", now).stamped("failed", now / 1000);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            Map<String, Object> req;
            try {
                req = json.readValue(
                        raw, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
            } catch (IOException e) {
                errors.add(error("invalid_json_line", "This line is not parseable as valid JSON.", null, lineNo));
                continue;
            }
            Object customId = req.get("custom_id");
            if (!(customId instanceof String cid) || cid.isEmpty()) {
                errors.add(error(
                        "missing_required_parameter", "Missing required parameter: 'custom_id'.", "custom_id", lineNo));
            } else if (!customIds.add(cid)) {
                errors.add(error(
                        "duplicate_custom_id",
                        "The custom_id '" + cid + "' is used more than once; custom_id "
                                + "values must be unique within a batch.",
                        "custom_id",
                        lineNo));
            }
            if (!"POST".equals(req.get("method"))) {
                errors.add(error(
                        "invalid_method",
                        "Invalid 'method': expected 'POST', got '" + req.get("method") + "'.",
                        "method",
                        lineNo));
            }
            if (!"/v1/videos".equals(req.get("url"))) {
                errors.add(error(
                        "invalid_url",
                        "Invalid 'url': expected '/v1/videos' (the batch's endpoint), got '" + req.get("url") + "'.",
                        "url",
                        lineNo));
            }
            if (!(req.get("body") instanceof Map)) {
                errors.add(error(
                        "missing_required_parameter",
                        "Missing required parameter: 'body' (a JSON object).",
                        "body",
                        lineNo));
            }
            requests.add(req);
            lineNumbers.add(lineNo);
        }
        if (requests.isEmpty() && errors.isEmpty()) {
            errors.add(error("empty_file", "The input file has no requests.", null, null));
        }
        if (!errors.isEmpty()) {
            return b.with(List.of(), errors).to("failed", now).stamped("failed", now / 1000);
        }
        List<BatchStore.Line> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Map<String, Object> req = requests.get(i);
            String customId = (String) req.get("custom_id");
            @SuppressWarnings("unchecked")
            Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) req.get("body"));
            String requestId = Ids.request();
            try {
                StoredVideo v = scheduler.schedule(creation.prepare(body, null, b.id()), false);
                out.add(new BatchStore.Line(lineNumbers.get(i), customId, v.id(), requestId, 200, null));
            } catch (ApiError e) {
                Map<String, Object> err = new LinkedHashMap<>();
                err.put("message", e.getMessage());
                err.put("type", e.type());
                err.put("param", e.param());
                err.put("code", e.code());
                out.add(new BatchStore.Line(lineNumbers.get(i), customId, null, requestId, e.status(), err));
            }
        }
        return b.with(out, List.of()).to("in_progress", now).stamped("in_progress", now / 1000);
    }

    /** When the batch's last job ended (ms), or null while any is still running. */
    private Long lastEnded(BatchStore.StoredBatch b, long now) {
        long last = b.stateSinceMs();
        for (BatchStore.Line line : b.lines()) {
            if (line.videoId() == null) {
                continue;
            }
            StoredVideo v = videos.find(line.videoId()).orElse(null);
            if (v == null) {
                continue;
            }
            Timeline.View view = timeline.view(v, now);
            if (!view.terminal()) {
                return null;
            }
            last = Math.max(last, view.completedAt() * 1000);
        }
        return last;
    }

    /** Writes the output and error files and gives the batch's videos their 24 h download window. */
    private BatchStore.StoredBatch finish(BatchStore.StoredBatch b, long now) {
        StringBuilder output = new StringBuilder();
        StringBuilder errorsOut = new StringBuilder();
        long endedAt = b.completedAt() != null ? b.completedAt() : now / 1000;
        long downloadableUntil = endedAt + DOWNLOAD_WINDOW_SECONDS;
        for (BatchStore.Line line : b.lines()) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("status_code", line.statusCode());
            response.put("request_id", line.requestId());
            if (line.videoId() != null) {
                StoredVideo v = videos.find(line.videoId()).orElse(null);
                if (v == null) {
                    continue;
                }
                if (v.failure() == null && b.status().equals("completed")) {
                    v = v.expiringAt(downloadableUntil);
                    videos.save(v);
                }
                response.put("body", presenter.of(v, now));
                output.append(write(outputLine(line.customId(), response))).append('\n');
            } else {
                response.put("body", Map.of("error", line.error()));
                errorsOut.append(write(outputLine(line.customId(), response))).append('\n');
            }
        }
        long nowSeconds = now / 1000;
        String outputId = output.length() == 0
                ? null
                : files.save(
                                b.id() + "_output.jsonl",
                                "batch_output",
                                output.toString().getBytes(StandardCharsets.UTF_8),
                                nowSeconds,
                                null)
                        .id();
        String errorId = errorsOut.length() == 0
                ? null
                : files.save(
                                b.id() + "_error.jsonl",
                                "batch_output",
                                errorsOut.toString().getBytes(StandardCharsets.UTF_8),
                                nowSeconds,
                                null)
                        .id();
        return b.withFiles(outputId, errorId);
    }

    private static Map<String, Object> outputLine(String customId, Map<String, Object> response) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", Ids.batchRequest());
        out.put("custom_id", customId);
        out.put("response", response);
        out.put("error", null);
        return out;
    }

    private static Map<String, Object> error(String code, String message, String param, Integer line) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        e.put("param", param);
        e.put("line", line);
        return e;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Request counts as the spec defines them: total, completed (created and finished), failed (refused). */
    public Map<String, Object> counts(BatchStore.StoredBatch b, long now) {
        int completed = 0;
        int failed = 0;
        for (BatchStore.Line line : b.lines()) {
            if (line.videoId() == null) {
                failed++;
            } else if (videos.find(line.videoId())
                    .map(v -> timeline.view(v, now).terminal())
                    .orElse(true)) {
                completed++;
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("total", b.lines().size());
        c.put("completed", completed);
        c.put("failed", failed);
        return c;
    }
}
