package dev.sora4j.emulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Pages;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.http.Responses;
import dev.sora4j.emulator.store.FileStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Files API: upload, list, retrieve, content and delete. */
public final class FileRoutes implements RouteGroup {
    public static final List<String> PURPOSES =
            List.of("assistants", "batch", "fine-tune", "vision", "user_data", "evals");
    private static final long BATCH_FILE_TTL_SECONDS = 30L * 24 * 3600;

    private final EmulatorConfig config;
    private final FileStore store;
    private final ObjectMapper json;
    private final Bodies bodies;

    public FileRoutes(EmulatorConfig config, FileStore store, ObjectMapper json) {
        this.config = config;
        this.store = store;
        this.json = json;
        this.bodies = new Bodies(config, json);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/files", this::create);
        routes.get("/v1/files", this::list);
        routes.get("/v1/files/{id}", this::retrieve);
        routes.get("/v1/files/{id}/content", this::content);
        routes.delete("/v1/files/{id}", this::delete);
    }

    private void create(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiError.invalidRequest(
                    null, "Uploading a file requires a multipart/form-data body with 'file' and 'purpose'.");
        }
        RequestFields body = bodies.parse(ctx);
        RequestFields.Upload file = body.upload("file");
        String purpose = body.text("purpose");
        if (purpose == null) {
            throw ApiError.missing("purpose");
        }
        if (!PURPOSES.contains(purpose)) {
            throw ApiError.invalidValue("purpose", purpose, PURPOSES);
        }
        if (file == null) {
            throw ApiError.missing("file");
        }
        long now = config.clock().millis() / 1000;
        Long expiresAt = purpose.equals("batch") ? now + BATCH_FILE_TTL_SECONDS : null;
        if (body.fields().get("expires_after") instanceof Map<?, ?> after) {
            expiresAt = now + expiresAfterSeconds(after);
        }
        String name = file.filename() == null || file.filename().equals("upload") ? "upload" : file.filename();
        Responses.json(ctx, json, wire(store.save(name, purpose, file.content(), now, expiresAt)));
    }

    private void list(Context ctx) {
        String purpose = ctx.queryParam("purpose");
        List<FileStore.StoredFile> files = store.all().stream()
                .filter(f -> purpose == null || f.purpose().equals(purpose))
                .toList();
        Responses.json(
                ctx, json, Pages.page(ctx, files, FileStore.StoredFile::id, FileRoutes::wire, 10_000, 10_000, "desc"));
    }

    private void retrieve(Context ctx) {
        Responses.json(ctx, json, wire(store.require(ctx.pathParam("id"), "file_id")));
    }

    private void content(Context ctx) throws IOException {
        FileStore.StoredFile f = store.require(ctx.pathParam("id"), "file_id");
        // Bytes go out as stored, with their exact length: never re-encoded by response compression.
        ctx.disableCompression();
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Length", Long.toString(f.bytes()));
        ctx.result(Files.newInputStream(store.content(f.id())));
    }

    private void delete(Context ctx) {
        FileStore.StoredFile f = store.require(ctx.pathParam("id"), "file_id");
        store.delete(f.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("object", "file");
        out.put("deleted", true);
        Responses.json(ctx, json, out);
    }

    public static Map<String, Object> wire(FileStore.StoredFile f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("object", "file");
        out.put("bytes", f.bytes());
        out.put("created_at", f.createdAt());
        if (f.expiresAt() != null) {
            // The spec types expires_at as a plain integer: absent, never null.
            out.put("expires_at", f.expiresAt());
        }
        out.put("filename", f.filename());
        out.put("purpose", f.purpose());
        out.put("status", "processed");
        return out;
    }

    private static long expiresAfterSeconds(Map<?, ?> after) {
        Object anchor = after.get("anchor");
        Object seconds = after.get("seconds");
        if (!"created_at".equals(anchor)) {
            throw ApiError.invalidValue("expires_after.anchor", String.valueOf(anchor), List.of("created_at"));
        }
        long s;
        try {
            s = Long.parseLong(String.valueOf(seconds));
        } catch (NumberFormatException e) {
            s = -1;
        }
        if (s < 3600 || s > 2_592_000) {
            throw ApiError.invalidRequest(
                    "expires_after.seconds",
                    "Invalid 'expires_after.seconds': expected a value " + "between 3600 and 2592000, but got "
                            + seconds + " instead.");
        }
        return s;
    }
}
