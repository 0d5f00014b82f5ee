package dev.sora4j.emulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.batch.BatchProcessor;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Pages;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.http.Responses;
import dev.sora4j.emulator.store.BatchStore;
import dev.sora4j.emulator.store.FileStore;
import dev.sora4j.emulator.store.Ids;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Batch API for {@code /v1/videos}: create, retrieve, cancel and list. */
public final class BatchRoutes implements RouteGroup {
    private final BatchStore store;
    private final FileStore files;
    private final BatchProcessor processor;
    private final ObjectMapper json;
    private final Bodies bodies;
    private final Clock clock;
    private final EmulatorConfig config;

    public BatchRoutes(
            EmulatorConfig config, BatchStore store, FileStore files, BatchProcessor processor, ObjectMapper json) {
        this.config = config;
        this.store = store;
        this.files = files;
        this.processor = processor;
        this.json = json;
        this.bodies = new Bodies(config, json);
        this.clock = config.clock();
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/batches", this::create);
        routes.get("/v1/batches", this::list);
        routes.get("/v1/batches/{id}", this::retrieve);
        routes.post("/v1/batches/{id}/cancel", this::cancel);
    }

    private void create(Context ctx) {
        RequestFields body = bodies.parse(ctx);
        for (String key : body.fields().keySet()) {
            if (!List.of("input_file_id", "endpoint", "completion_window", "metadata", "output_expires_after")
                    .contains(key)) {
                throw ApiError.invalidRequest(key, "Unrecognized request argument supplied: " + key);
            }
        }
        String inputFileId = body.text("input_file_id");
        if (inputFileId == null) {
            throw ApiError.missing("input_file_id");
        }
        String endpoint = body.text("endpoint");
        if (endpoint == null) {
            throw ApiError.missing("endpoint");
        }
        if (!endpoint.equals("/v1/videos")) {
            throw ApiError.invalidValue("endpoint", endpoint, List.of("/v1/videos"));
        }
        String window = body.text("completion_window");
        if (window == null) {
            throw ApiError.missing("completion_window");
        }
        if (!window.equals("24h")) {
            throw ApiError.invalidValue("completion_window", window, List.of("24h"));
        }
        FileStore.StoredFile input = files.find(inputFileId)
                .orElseThrow(() -> ApiError.invalidRequest(
                        "input_file_id", "Invalid 'input_file_id': no file with id '" + inputFileId + "'."));
        if (!input.purpose().equals("batch")) {
            throw ApiError.invalidRequest(
                    "input_file_id",
                    "Invalid 'input_file_id': file '" + inputFileId + "' has purpose '" + input.purpose()
                            + "'; upload the JSONL with purpose 'batch'.");
        }
        Map<String, String> metadata = null;
        if (body.fields().get("metadata") instanceof Map<?, ?> m) {
            if (m.size() > 16) {
                throw ApiError.invalidRequest("metadata", "Invalid 'metadata': at most 16 keys, got " + m.size() + ".");
            }
            metadata = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                metadata.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
        }
        long now = clock.millis();
        BatchStore.StoredBatch b = new BatchStore.StoredBatch(
                Ids.batch(),
                inputFileId,
                endpoint,
                window,
                metadata,
                now,
                "validating",
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null);
        store.save(b);
        Responses.json(ctx, json, wire(b, now));
    }

    private void retrieve(Context ctx) {
        store.require(ctx.pathParam("id"));
        BatchStore.StoredBatch b = processor.advance(ctx.pathParam("id"));
        Responses.json(ctx, json, wire(b, clock.millis()));
    }

    private void cancel(Context ctx) {
        store.require(ctx.pathParam("id"));
        Responses.json(ctx, json, wire(processor.cancel(ctx.pathParam("id")), clock.millis()));
    }

    private void list(Context ctx) {
        long now = clock.millis();
        Responses.json(
                ctx, json, Pages.page(ctx, store.all(), BatchStore.StoredBatch::id, b -> wire(b, now), 20, 100, null));
    }

    /** The spec's Batch object; absent timestamps are omitted (the spec types them as plain integers). */
    public Map<String, Object> wire(BatchStore.StoredBatch b, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", b.id());
        out.put("object", "batch");
        out.put("endpoint", b.endpoint());
        if (!b.errors().isEmpty()) {
            out.put("errors", Map.of("object", "list", "data", b.errors()));
        }
        out.put("input_file_id", b.inputFileId());
        out.put("completion_window", b.completionWindow());
        out.put("status", b.status());
        putIfSet(out, "output_file_id", b.outputFileId());
        putIfSet(out, "error_file_id", b.errorFileId());
        out.put("created_at", b.createdAt());
        putIfSet(out, "in_progress_at", b.inProgressAt());
        out.put("expires_at", b.createdAt() + BatchProcessor.WINDOW_MS / 1000);
        putIfSet(out, "finalizing_at", b.finalizingAt());
        putIfSet(out, "completed_at", b.completedAt());
        putIfSet(out, "failed_at", b.failedAt());
        putIfSet(out, "expired_at", b.expiredAt());
        putIfSet(out, "cancelling_at", b.cancellingAt());
        putIfSet(out, "cancelled_at", b.cancelledAt());
        out.put("request_counts", processor.counts(b, now));
        out.put("metadata", b.metadata());
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
