package dev.sora4j.emulator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RateLimits;
import dev.sora4j.emulator.config.RenderMode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every emulator route and error path, checked against the official response schemas. Requests go
 * out raw (OkHttp), so the bodies validated are exactly the bytes on the wire.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ContractIT {
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    static Path state;

    static ManualClock clock;
    static Emulator emulator;
    static Contract contract;
    static final OkHttpClient http = new OkHttpClient();
    static final ObjectMapper json = new ObjectMapper();
    static final List<String> checked = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        clock = new ManualClock(Instant.parse("2026-11-06T10:00:00Z"));
        emulator = Emulator.start(
                EmulatorConfig.defaults(state)
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock)
                        .withRateLimits(new RateLimits(Map.of("sora-2-pro", 1))),
                0);
        contract = new Contract();
    }

    @AfterAll
    static void stop() {
        emulator.close();
        http.dispatcher().executorService().shutdown();
    }

    /** Sends, checks the status, validates the body against {@code schema}, and returns it. */
    private static JsonNode call(String schema, int status, Request.Builder request) throws IOException {
        Request r = request.build();
        if (r.header("Authorization") == null) {
            r = r.newBuilder().header("Authorization", "Bearer test-key").build();
        }
        try (Response response = http.newCall(r).execute()) {
            String body = response.body().string();
            assertThat(response.code())
                    .as(r.method() + " " + r.url() + ": " + body)
                    .isEqualTo(status);
            JsonNode node = json.readTree(body);
            Set<String> violations = contract.violations(schema, node);
            assertThat(violations)
                    .as(schema + " for " + r.method() + " " + r.url().encodedPath() + ": " + body)
                    .isEmpty();
            checked.add(status + " " + r.method() + " " + r.url().encodedPath() + " -> " + schema);
            return node;
        }
    }

    private static Request.Builder get(String path) {
        return new Request.Builder().url(emulator.baseUrl() + path);
    }

    private static Request.Builder post(String path, String body) {
        return new Request.Builder().url(emulator.baseUrl() + path).post(RequestBody.create(body, JSON));
    }

    private static Request.Builder multipart(String path, MultipartBody body) {
        return new Request.Builder().url(emulator.baseUrl() + path).post(body);
    }

    private static void finish() {
        clock.advance(Duration.ofMinutes(2));
        emulator.awaitRenders(Duration.ofMinutes(2));
    }

    @Test
    void video_routes_and_their_errors() throws Exception {
        JsonNode created = call("VideoResource", 200, post("/videos", "{\"prompt\":\"A kite\",\"seconds\":\"4\"}"));
        String id = created.get("id").asText();
        call("VideoResource", 200, get("/videos/" + id));
        call("ErrorResponse", 400, get("/videos/" + id + "/content"));
        call(
                "ErrorResponse",
                400,
                new Request.Builder().url(emulator.baseUrl() + "/videos/" + id).delete());
        finish();
        call("VideoResource", 200, get("/videos/" + id));
        JsonNode multipartCreate = call(
                "VideoResource",
                200,
                multipart(
                        "/videos",
                        new MultipartBody.Builder()
                                .setType(MultipartBody.FORM)
                                .addFormDataPart("prompt", "A pro clip")
                                .addFormDataPart("model", "sora-2-pro")
                                .addFormDataPart("size", "1920x1080")
                                .addFormDataPart("seconds", "16")
                                .build()));
        assertThat(multipartCreate.get("size").asText()).isEqualTo("1920x1080");
        call("ErrorResponse", 429, post("/videos", "{\"prompt\":\"Too soon\",\"model\":\"sora-2-pro\"}"));
        call("VideoListResource", 200, get("/videos?limit=2&order=asc"));
        call("VideoListResource", 200, get("/videos?after=" + id + "&order=asc&limit=100"));

        call(
                "VideoResource",
                200,
                post("/videos/edits", "{\"prompt\":\"At night\",\"video\":{\"id\":\"" + id + "\"}}"));
        call(
                "VideoResource",
                200,
                post(
                        "/videos/extensions",
                        "{\"prompt\":\"Later\",\"seconds\":\"4\",\"video\":{\"id\":\"" + id + "\"}}"));
        JsonNode remix = call("VideoResource", 200, post("/videos/" + id + "/remix", "{\"prompt\":\"Watercolor\"}"));
        assertThat(remix.get("remixed_from_video_id").asText()).isEqualTo(id);

        JsonNode blocked = call("VideoResource", 200, post("/videos", "{\"prompt\":\"Pikachu dancing\"}"));
        finish();
        JsonNode failed =
                call("VideoResource", 200, get("/videos/" + blocked.get("id").asText()));
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("moderation_blocked");

        call(
                "DeletedVideoResource",
                200,
                new Request.Builder().url(emulator.baseUrl() + "/videos/" + id).delete());
        call("ErrorResponse", 404, get("/videos/" + id));
        call("ErrorResponse", 400, post("/videos", "{\"prompt\":\"x\",\"seconds\":\"5\"}"));
        call("ErrorResponse", 400, post("/videos", "{\"prompt\":\"x\",\"colour\":\"red\"}"));
        call("ErrorResponse", 400, post("/videos", "{not json"));
        call("ErrorResponse", 400, get("/videos?order=sideways"));
        call("ErrorResponse", 404, get("/nothing-here"));
        call("ErrorResponse", 401, get("/videos").header("Authorization", "Bearer "));
        call("ErrorResponse", 503, get("/videos").header(Emulator.FAULT_HEADER, "503"));
        call("ErrorResponse", 429, get("/videos").header(Emulator.FAULT_HEADER, "429"));
    }

    @Test
    void character_routes() throws Exception {
        JsonNode source = call("VideoResource", 200, post("/videos", "{\"prompt\":\"Mossy\"}"));
        finish();
        byte[] mp4;
        try (Response r = http.newCall(get("/videos/" + source.get("id").asText() + "/content")
                        .header("Authorization", "Bearer k")
                        .build())
                .execute()) {
            mp4 = r.body().bytes();
        }
        JsonNode character = call(
                "VideoCharacterResource",
                200,
                multipart(
                        "/videos/characters",
                        new MultipartBody.Builder()
                                .setType(MultipartBody.FORM)
                                .addFormDataPart("name", "Mossy")
                                .addFormDataPart(
                                        "video", "mossy.mp4", RequestBody.create(mp4, MediaType.get("video/mp4")))
                                .build()));
        call(
                "VideoCharacterResource",
                200,
                get("/videos/characters/" + character.get("id").asText()));
        call("ErrorResponse", 404, get("/videos/characters/char_00"));
        call("ErrorResponse", 400, post("/videos/characters", "{\"name\":\"json is not accepted\"}"));
        call("ErrorResponse", 400, post("/videos", "{\"prompt\":\"x\",\"characters\":[{\"id\":\"char_00\"}]}"));
    }

    @Test
    void file_and_batch_routes() throws Exception {
        BufferedImage img = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        JsonNode image = call(
                "OpenAIFile",
                200,
                multipart(
                        "/files",
                        new MultipartBody.Builder()
                                .setType(MultipartBody.FORM)
                                .addFormDataPart("purpose", "vision")
                                .addFormDataPart(
                                        "file",
                                        "frame.png",
                                        RequestBody.create(png.toByteArray(), MediaType.get("image/png")))
                                .build()));
        call(
                "VideoResource",
                200,
                post(
                        "/videos",
                        "{\"prompt\":\"From a file\",\"size\":\"1280x720\"," + "\"input_reference\":{\"file_id\":\""
                                + image.get("id").asText() + "\"}}"));
        call(
                "ErrorResponse",
                400,
                post("/videos", "{\"prompt\":\"x\",\"input_reference\":{\"file_id\":\"file-nope\"}}"));

        String lines =
                "{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{\"prompt\":\"One\"}}\n"
                        + "{\"custom_id\":\"b\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{\"prompt\":\"Two\",\"seconds\":\"7\"}}\n";
        JsonNode input = call(
                "OpenAIFile",
                200,
                multipart(
                        "/files",
                        new MultipartBody.Builder()
                                .setType(MultipartBody.FORM)
                                .addFormDataPart("purpose", "batch")
                                .addFormDataPart(
                                        "file",
                                        "jobs.jsonl",
                                        RequestBody.create(lines.getBytes(StandardCharsets.UTF_8), null))
                                .build()));
        call("OpenAIFile", 200, get("/files/" + input.get("id").asText()));
        call("ListFilesResponse", 200, get("/files?purpose=batch"));
        call("ListFilesResponse", 200, get("/files?purpose=fine-tune"));
        call("ErrorResponse", 404, get("/files/file-missing"));
        call(
                "ErrorResponse",
                400,
                multipart(
                        "/files",
                        new MultipartBody.Builder()
                                .setType(MultipartBody.FORM)
                                .addFormDataPart("purpose", "songs")
                                .addFormDataPart("file", "x.txt", RequestBody.create("x", null))
                                .build()));

        JsonNode batch = call(
                "Batch",
                200,
                post(
                        "/batches",
                        "{\"input_file_id\":\"" + input.get("id").asText()
                                + "\",\"endpoint\":\"/v1/videos\",\"completion_window\":\"24h\",\"metadata\":{\"run\":\"contract\"}}"));
        String batchId = batch.get("id").asText();
        clock.advance(Duration.ofSeconds(2));
        JsonNode running = call("Batch", 200, get("/batches/" + batchId));
        assertThat(running.get("status").asText()).isEqualTo("in_progress");
        for (int i = 0; i < 5; i++) {
            finish();
            call("Batch", 200, get("/batches/" + batchId));
        }
        JsonNode done = call("Batch", 200, get("/batches/" + batchId));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("request_counts").get("failed").asInt()).isEqualTo(1);
        call("ListBatchesResponse", 200, get("/batches?limit=5"));
        call("ErrorResponse", 409, post("/batches/" + batchId + "/cancel", "{}"));
        call("ErrorResponse", 404, get("/batches/batch_00"));
        call(
                "ErrorResponse",
                400,
                post(
                        "/batches",
                        "{\"input_file_id\":\"" + input.get("id").asText()
                                + "\",\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"24h\"}"));

        JsonNode second = call(
                "Batch",
                200,
                post(
                        "/batches",
                        "{\"input_file_id\":\"" + input.get("id").asText()
                                + "\",\"endpoint\":\"/v1/videos\",\"completion_window\":\"24h\"}"));
        JsonNode cancelling =
                call("Batch", 200, post("/batches/" + second.get("id").asText() + "/cancel", "{}"));
        assertThat(cancelling.get("status").asText()).isEqualTo("cancelling");
        clock.advance(Duration.ofSeconds(2));
        assertThat(call("Batch", 200, get("/batches/" + second.get("id").asText()))
                        .get("status")
                        .asText())
                .isEqualTo("cancelled");

        JsonNode bad = call(
                "OpenAIFile",
                200,
                multipart(
                        "/files",
                        new MultipartBody.Builder()
                                .setType(MultipartBody.FORM)
                                .addFormDataPart("purpose", "batch")
                                .addFormDataPart(
                                        "file",
                                        "bad.jsonl",
                                        RequestBody.create("{\"custom_id\":\"a\"}\nnot json\n", null))
                                .build()));
        JsonNode invalid = call(
                "Batch",
                200,
                post(
                        "/batches",
                        "{\"input_file_id\":\"" + bad.get("id").asText()
                                + "\",\"endpoint\":\"/v1/videos\",\"completion_window\":\"24h\"}"));
        clock.advance(Duration.ofSeconds(2));
        JsonNode failedBatch =
                call("Batch", 200, get("/batches/" + invalid.get("id").asText()));
        assertThat(failedBatch.get("status").asText()).isEqualTo("failed");
        assertThat(failedBatch.get("errors").get("data")).isNotEmpty();

        call(
                "DeleteFileResponse",
                200,
                new Request.Builder()
                        .url(emulator.baseUrl() + "/files/" + image.get("id").asText())
                        .delete());
    }

    @Test
    void a_batch_whose_jobs_outlast_the_window_expires(@TempDir Path dir) throws Exception {
        ManualClock slowClock = new ManualClock(Instant.parse("2026-11-06T10:00:00Z"));
        // Renders planned to take 30 h: the 24 h window closes first.
        EmulatorConfig slow =
                EmulatorConfig.defaults(dir).withRenderMode(RenderMode.FAST).withClock(slowClock).toBuilder()
                        .renderBase(Duration.ofHours(30))
                        .build();
        try (Emulator e = Emulator.start(slow, 0)) {
            Emulator shared = emulator;
            emulator = e;
            try {
                String lines =
                        "{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{\"prompt\":\"Slow\"}}\n";
                JsonNode input = call(
                        "OpenAIFile",
                        200,
                        multipart(
                                "/files",
                                new MultipartBody.Builder()
                                        .setType(MultipartBody.FORM)
                                        .addFormDataPart("purpose", "batch")
                                        .addFormDataPart("file", "slow.jsonl", RequestBody.create(lines, null))
                                        .build()));
                JsonNode batch = call(
                        "Batch",
                        200,
                        post(
                                "/batches",
                                "{\"input_file_id\":\"" + input.get("id").asText()
                                        + "\",\"endpoint\":\"/v1/videos\",\"completion_window\":\"24h\"}"));
                slowClock.advance(Duration.ofSeconds(2));
                assertThat(call("Batch", 200, get("/batches/" + batch.get("id").asText()))
                                .get("status")
                                .asText())
                        .isEqualTo("in_progress");
                slowClock.advance(Duration.ofHours(25));
                JsonNode expired =
                        call("Batch", 200, get("/batches/" + batch.get("id").asText()));
                assertThat(expired.get("status").asText()).isEqualTo("expired");
                assertThat(expired.get("expired_at").asLong())
                        .isEqualTo(expired.get("created_at").asLong() + 86_400);
            } finally {
                emulator = shared;
                e.awaitRenders(Duration.ofMinutes(1));
            }
        }
    }

    @Test
    void the_contract_itself_rejects_a_broken_body() throws Exception {
        // Guards against a validator that accepts anything.
        JsonNode broken =
                json.readTree("{\"id\":\"video_1\",\"object\":\"video\",\"status\":\"done\",\"progress\":\"x\"}");
        assertThat(contract.violations("VideoResource", broken)).isNotEmpty();
        assertThat(contract.violations("ErrorResponse", json.readTree("{\"message\":\"no envelope\"}")))
                .isNotEmpty();
    }
}
