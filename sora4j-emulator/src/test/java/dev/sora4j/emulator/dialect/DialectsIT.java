package dev.sora4j.emulator.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.Dialect;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each provider dialect over raw HTTP (not sora4j's client), against what providers.md documents:
 * create in the dialect's encoding and fields, id shape, statuses through to completion on a manual
 * clock, content, list/delete, a route the provider lacks, and the error envelope of a bad request.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DialectsIT {
    private static final byte[] MP4_BOX = "ftyp".getBytes(StandardCharsets.US_ASCII);

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));

    @TempDir
    Path dir;

    private Emulator emulator;
    private String origin;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private void start(Dialect dialect) {
        emulator = Emulator.start(
                EmulatorConfig.defaults(dir)
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock)
                        .withDialect(dialect),
                0);
        origin = "http://127.0.0.1:" + emulator.port();
    }

    private HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : origin + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> postJson(String path, String body, String... headers) throws Exception {
        return send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, null, null, headers);
    }

    private static final String BOUNDARY = "sora4jdialectboundary";

    private HttpResponse<byte[]> postForm(String path, String... nameValues) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            sb.append("--").append(BOUNDARY).append("\r\n");
            sb.append("Content-Disposition: form-data; name=\"")
                    .append(nameValues[i])
                    .append("\"\r\n\r\n");
            sb.append(nameValues[i + 1]).append("\r\n");
        }
        sb.append("--").append(BOUNDARY).append("--\r\n");
        return send(
                "POST",
                path,
                "multipart/form-data; boundary=" + BOUNDARY,
                sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode body(HttpResponse<byte[]> r) throws Exception {
        return json.readTree(r.body());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** Polls {@code path} while moving the clock on, collecting every status seen, until {@code last}. */
    private List<String> statusesUntil(String path, String last, String... headers) throws Exception {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpResponse<byte[]> r = get(path, headers);
            String status = body(r).get("status").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            if (status.equals(last)) {
                return seen;
            }
            assertThat(emulator.awaitRenders(Duration.ofSeconds(20))).isTrue();
            clock.advance(Duration.ofMillis(700));
        }
        throw new AssertionError("never reached " + last + ": " + seen);
    }

    private static boolean isMp4(byte[] bytes) {
        return bytes.length > 8
                && new String(bytes, 4, 4, StandardCharsets.US_ASCII)
                        .equals(new String(MP4_BOX, StandardCharsets.US_ASCII));
    }

    @Test
    void litellm() throws Exception {
        start(Dialect.LITELLM);
        assertThat(emulator.baseUrl()).endsWith("/v1");
        HttpResponse<byte[]> noKey = postJson("/v1/videos", "{\"prompt\":\"a boat\",\"model\":\"sora-2\"}");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(body(noKey).at("/error/code").isTextual()).isTrue();
        assertThat(body(noKey).at("/error/param").asText()).isEqualTo("None");

        HttpResponse<byte[]> created = postJson(
                "/v1/videos",
                "{\"prompt\":\"a boat\",\"model\":\"sora-2\",\"seconds\":\"4\",\"user\":\"u1\"}",
                "x-litellm-api-key",
                "sk-test");
        assertThat(created.statusCode()).as(text(created)).isEqualTo(200);
        JsonNode job = body(created);
        String id = job.get("id").asText();
        assertThat(id).startsWith("video_").hasSizeGreaterThan(150);
        String decoded = new String(Base64.getDecoder().decode(id.substring(6)), StandardCharsets.UTF_8);
        assertThat(decoded)
                .startsWith("litellm:custom_llm_provider:openai;model_id:")
                .contains(";video_id:video_");
        assertThat(job.has("prompt")).isFalse();
        assertThat(job.at("/usage/duration_seconds").asDouble()).isEqualTo(4.0);

        String[] key = {"Authorization", "Bearer sk-test"};
        HttpResponse<byte[]> retrieved = get("/v1/videos/" + id, key);
        String retrievedId = body(retrieved).get("id").asText();
        assertThat(retrievedId).as("retrieve re-encodes with an empty model id").isNotEqualTo(id);
        assertThat(body(retrieved).get("usage").isNull()).isTrue();
        assertThat(statusesUntil("/videos/" + retrievedId, "completed", key))
                .containsSubsequence("queued", "in_progress", "completed");

        HttpResponse<byte[]> thumb = get("/v1/videos/" + id + "/content?variant=thumbnail", key);
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("video/mp4"));
        assertThat(thumb.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=video_" + id + ".mp4");
        assertThat(isMp4(thumb.body())).isTrue();

        JsonNode page = body(get("/v1/videos", key));
        assertThat(page.get("first_id").asText()).as("cursors stay raw").matches("video_[0-9a-f]{48}");
        assertThat(page.at("/data/0/id").asText()).startsWith("video_bGl0ZWxsbT");
        assertThat(page.at("/data/0/prompt").asText()).isEqualTo("a boat");

        HttpResponse<byte[]> delete = send("DELETE", "/v1/videos/" + id, null, null, key);
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(body(delete).get("detail").asText()).isEqualTo("Method Not Allowed");

        HttpResponse<byte[]> remix = postJson("/v1/videos/" + id + "/remix", "{\"prompt\":\"at night\"}", key);
        assertThat(remix.statusCode()).as(text(remix)).isEqualTo(200);
        assertThat(body(remix).get("remixed_from_video_id").asText()).matches("video_[0-9a-f]{48}");

        HttpResponse<byte[]> veo = postJson("/videos", "{\"prompt\":\"rain\",\"model\":\"veo-3.1\"}", key);
        assertThat(veo.statusCode()).as(text(veo)).isEqualTo(200);
        String veoId = body(veo).get("id").asText();
        assertThat(new String(Base64.getDecoder().decode(veoId.substring(6)), StandardCharsets.UTF_8))
                .contains("custom_llm_provider:gemini");
        clock.advance(Duration.ofMillis(1500));
        assertThat(body(get("/v1/videos/" + veoId, key)).get("status").asText()).isEqualTo("processing");

        HttpResponse<byte[]> bad =
                postJson("/v1/videos", "{\"prompt\":\"x\",\"model\":\"sora-2\",\"seconds\":\"5\"}", key);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(body(bad).at("/error/message").asText()).startsWith("litellm.BadRequestError: ");
        assertThat(body(bad).at("/error/code").asText()).isEqualTo("400");
    }

    @Test
    void vllm_omni() throws Exception {
        start(Dialect.VLLM_OMNI);
        HttpResponse<byte[]> asJson = postJson("/v1/videos", "{\"prompt\":\"a lighthouse\"}");
        assertThat(asJson.statusCode()).isEqualTo(400);
        assertThat(body(asJson).at("/error/code").asInt()).isEqualTo(400);
        assertThat(body(asJson).at("/error/type").asText()).isEqualTo("Bad Request");
        assertThat(body(asJson).at("/error/message").asText()).contains("prompt");

        HttpResponse<byte[]> mismatch = postForm("/v1/videos", "prompt", "a lighthouse", "model", "sora-2");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(body(mismatch).at("/error/message").asText())
                .startsWith("Model mismatch: request specifies 'sora-2'");

        HttpResponse<byte[]> created = postForm(
                "/v1/videos",
                "prompt",
                "a lighthouse",
                "width",
                "832",
                "height",
                "480",
                "num_frames",
                "48",
                "fps",
                "16");
        assertThat(created.statusCode()).as(text(created)).isEqualTo(200);
        JsonNode job = body(created);
        String id = job.get("id").asText();
        assertThat(id).matches("video_gen_[0-9a-f]{32}");
        assertThat(job.get("size").isNull()).as("size is null unless sent").isTrue();
        assertThat(job.get("seconds").asText()).isEqualTo("3");
        assertThat(job.get("model").asText()).isEqualTo("Wan-AI/Wan2.2-T2V-A14B-Diffusers");

        HttpResponse<byte[]> early = get("/v1/videos/" + id + "/content");
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(body(early).at("/error/message").asText()).isEqualTo("Generation is still in-progress");
        clock.advance(Duration.ofMillis(1500));
        assertThat(body(get("/v1/videos/" + id)).get("progress").asInt())
                .as("0 until done")
                .isZero();
        assertThat(statusesUntil("/v1/videos/" + id, "completed")).containsSubsequence("in_progress", "completed");
        assertThat(body(get("/v1/videos/" + id)).get("progress").asInt()).isEqualTo(100);
        HttpResponse<byte[]> content = get("/v1/videos/" + id + "/content");
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(isMp4(content.body())).isTrue();

        JsonNode page = body(get("/v1/videos?limit=1&order=asc"));
        assertThat(page.get("first_id").asText()).isEqualTo(id);
        assertThat(page.has("has_more")).isTrue();

        HttpResponse<byte[]> failing = postForm("/v1/videos", "prompt", "doomed");
        String failingId = body(failing).get("id").asText();
        HttpResponse<byte[]> failedJob = send(
                "POST",
                "/v1/videos",
                "multipart/form-data; boundary=" + BOUNDARY,
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nfails\r\n--" + BOUNDARY
                                + "--\r\n")
                        .getBytes(StandardCharsets.UTF_8),
                "x-sora4j-fault",
                "fail-job");
        String failedId = body(failedJob).get("id").asText();
        statusesUntil("/v1/videos/" + failingId, "completed");
        HttpResponse<byte[]> failed = get("/v1/videos/" + failedId);
        assertThat(failed.statusCode())
                .as("a failed job is a 500 carrying the job")
                .isEqualTo(500);
        assertThat(body(failed).get("status").asText()).isEqualTo("failed");
        assertThat(get("/v1/videos/" + failedId + "/content").statusCode()).isEqualTo(422);

        HttpResponse<byte[]> remix = postJson("/v1/videos/" + id + "/remix", "{\"prompt\":\"x\"}");
        assertThat(remix.statusCode()).isEqualTo(404);
        assertThat(body(remix).get("detail").asText()).isEqualTo("Not Found");
        assertThat(postJson("/v1/videos/edits", "{}").statusCode())
                .as("matches /videos/{id}")
                .isEqualTo(405);

        HttpResponse<byte[]> deleted = send("DELETE", "/v1/videos/" + id, null, null);
        assertThat(body(deleted).get("deleted").asBoolean()).isTrue();
        assertThat(body(deleted).get("object").asText()).isEqualTo("video.deleted");
    }

    @Test
    void sglang() throws Exception {
        start(Dialect.SGLANG);
        HttpResponse<byte[]> created =
                postJson("/v1/videos", "{\"prompt\":\"a fox\",\"seconds\":\"2\",\"extra_body\":{\"fps\":8}}");
        assertThat(created.statusCode()).as(text(created)).isEqualTo(200);
        JsonNode job = body(created);
        String id = job.get("id").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(job.get("model").asText()).isEqualTo("sora-2");
        assertThat(job.has("prompt")).isFalse();
        assertThat(job.get("quality").asText()).isEqualTo("standard");

        assertThat(get("/v1/videos/" + id + "/content").statusCode()).isEqualTo(404);
        assertThat(statusesUntil("/v1/videos/" + id, "completed")).containsExactly("queued", "completed");
        HttpResponse<byte[]> thumb = get("/v1/videos/" + id + "/content?variant=thumbnail");
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(isMp4(thumb.body())).as("variant ignored").isTrue();

        JsonNode page = body(get("/v1/videos"));
        assertThat(page.get("data")).hasSize(1);
        assertThat(page.has("has_more")).isFalse();
        assertThat(get("/v1/videos?limit=0").statusCode()).isEqualTo(422);

        HttpResponse<byte[]> deleted = send("DELETE", "/v1/videos/" + id, null, null);
        assertThat(body(deleted).get("status").asText()).isEqualTo("deleted");
        assertThat(body(deleted).get("id").asText()).isEqualTo(id);
        HttpResponse<byte[]> gone = get("/v1/videos/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(body(gone).get("detail").asText()).isEqualTo("Video not found");

        assertThat(postJson("/v1/videos/" + id + "/remix", "{\"prompt\":\"x\"}").statusCode())
                .isEqualTo(404);
        HttpResponse<byte[]> noPrompt = postForm("/v1/videos", "seconds", "4");
        assertThat(noPrompt.statusCode()).isEqualTo(400);
        assertThat(body(noPrompt).get("detail").asText()).isEqualTo("prompt is required");
    }

    @Test
    void trtllm() throws Exception {
        start(Dialect.TRTLLM);
        HttpResponse<byte[]> strict = postJson("/v1/videos", "{\"prompt\":\"a lighthouse\",\"user\":\"u\"}");
        assertThat(strict.statusCode()).isEqualTo(400);
        assertThat(body(strict).get("object").asText()).isEqualTo("error");
        assertThat(body(strict).get("type").asText()).isEqualTo("BadRequestError");
        assertThat(body(strict).get("code").asInt()).isEqualTo(400);

        HttpResponse<byte[]> created = postJson("/v1/videos", "{\"prompt\":\"a lighthouse\",\"seconds\":4}");
        assertThat(created.statusCode()).as(text(created)).isEqualTo(202);
        JsonNode job = body(created);
        String id = job.get("id").asText();
        assertThat(id).matches("video_[0-9a-f]{32}");
        assertThat(job.has("seconds")).isFalse();
        assertThat(job.get("duration").asDouble()).isEqualTo(4.0);
        assertThat(job.get("progress").isNull()).isTrue();

        HttpResponse<byte[]> early = get("/v1/videos/" + id + "/content");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(body(early).get("message").asText()).startsWith("Video " + id + " is not ready (status: ");
        assertThat(statusesUntil("/v1/videos/" + id, "completed"))
                .containsSubsequence("queued", "generating", "postprocessing", "completed");
        HttpResponse<byte[]> content = get("/v1/videos/" + id + "/content");
        assertThat(content.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains(id + "_0.mp4"));
        assertThat(isMp4(content.body())).isTrue();

        JsonNode page = body(get("/v1/videos"));
        assertThat(page.get("object").asText()).isEqualTo("list");
        assertThat(page.has("first_id")).isFalse();
        HttpResponse<byte[]> deleted = send("DELETE", "/v1/videos/" + id, null, null);
        assertThat(text(deleted)).isEqualTo("{\"deleted\":true}");
        assertThat(postJson("/v1/videos/" + id + "/remix", "{\"prompt\":\"x\"}").statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/v1/videos", "text/plain", "hi".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void azure() throws Exception {
        start(Dialect.AZURE);
        assertThat(emulator.baseUrl()).endsWith("/openai/v1");
        HttpResponse<byte[]> noKey = postJson("/openai/v1/videos", "{\"prompt\":\"p\"}");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(body(noKey).at("/error/code").asText()).isEqualTo("401");
        String[] key = {"api-key", "azure-key"};
        HttpResponse<byte[]> noDeployment =
                postJson("/openai/v1/videos", "{\"prompt\":\"p\",\"model\":\"my-sora\"}", key);
        assertThat(noDeployment.statusCode()).isEqualTo(404);
        assertThat(body(noDeployment).at("/error/type").asText()).isEqualTo("video_generation_user_error");
        HttpResponse<byte[]> big =
                postJson("/openai/v1/videos", "{\"prompt\":\"p\",\"model\":\"sora-2\",\"size\":\"1792x1024\"}", key);
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(body(big).at("/error/param").asText()).isEqualTo("size");

        String one = body(postJson("/openai/v1/videos", "{\"prompt\":\"one\",\"model\":\"sora-2\"}", key))
                .get("id")
                .asText();
        assertThat(one).matches("video_[0-9a-f]{48}");
        postJson("/openai/v1/videos", "{\"prompt\":\"two\",\"model\":\"sora-2\"}", key);
        HttpResponse<byte[]> third = postJson("/openai/v1/videos", "{\"prompt\":\"three\",\"model\":\"sora-2\"}", key);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(body(third).at("/error/message").asText()).isEqualTo("Too many running tasks.");

        assertThat(statusesUntil("/openai/v1/videos/" + one, "completed", key)).contains("completed");
        assertThat(body(get("/openai/v1/videos/" + one, key)).get("model").asText())
                .isEqualTo("sora-2");
        HttpResponse<byte[]> video = get("/openai/v1/videos/" + one + "/content?variant=video", key);
        assertThat(isMp4(video.body())).isTrue();
        assertThat(body(get("/openai/v1/videos", key)).has("has_more")).isTrue();
        assertThat(body(send("DELETE", "/openai/v1/videos/" + one, null, null, key))
                        .get("deleted")
                        .asBoolean())
                .isTrue();
        HttpResponse<byte[]> edits = postJson("/openai/v1/videos/edits", "{}", key);
        assertThat(edits.statusCode()).isEqualTo(404);
        assertThat(body(edits).at("/error/code").asText()).isEqualTo("404");
        assertThat(get("/v1/videos", key).statusCode())
                .as("no /v1 without /openai")
                .isEqualTo(404);
    }

    @Test
    void openrouter() throws Exception {
        start(Dialect.OPENROUTER);
        assertThat(emulator.baseUrl()).endsWith("/api/v1");
        String[] key = {"Authorization", "Bearer sk-or-test"};
        HttpResponse<byte[]> noKey = postJson("/api/v1/videos", "{\"model\":\"openai/sora-2\",\"prompt\":\"p\"}");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(body(noKey).at("/error/code").asInt()).isEqualTo(401);
        assertThat(get("/api/v1/videos/models").statusCode())
                .as("catalogue without auth")
                .isEqualTo(200);

        HttpResponse<byte[]> openAiShaped =
                postJson("/api/v1/videos", "{\"model\":\"sora-2\",\"prompt\":\"p\",\"seconds\":\"4\"}", key);
        assertThat(openAiShaped.statusCode()).isEqualTo(400);
        assertThat(body(openAiShaped).at("/error/code").isInt()).isTrue();
        HttpResponse<byte[]> multipart = postForm("/api/v1/videos", "prompt", "p");
        assertThat(multipart.statusCode()).isIn(400, 401);

        HttpResponse<byte[]> created = postJson(
                "/api/v1/videos",
                "{\"model\":\"google/veo-3.1\",\"prompt\":\"p\",\"duration\":4,\"resolution\":\"720p\",\"aspect_ratio\":\"9:16\"}",
                key);
        assertThat(created.statusCode()).as(text(created)).isEqualTo(202);
        JsonNode job = body(created);
        String id = job.get("id").asText();
        assertThat(id).startsWith("job-");
        assertThat(job.get("status").asText()).isEqualTo("pending");
        assertThat(job.get("polling_url").asText()).isEqualTo("/api/v1/videos/" + id);

        assertThat(get("/api/v1/videos/" + id + "/content", key).statusCode()).isEqualTo(400);
        assertThat(statusesUntil(job.get("polling_url").asText(), "completed", key))
                .containsSubsequence("pending", "in_progress", "completed");
        JsonNode done = body(get("/api/v1/videos/" + id, key));
        assertThat(done.at("/usage/is_byok").asBoolean()).isFalse();
        String signed = done.at("/urls/0").asText();
        HttpResponse<byte[]> viaSigned = get(signed);
        assertThat(viaSigned.statusCode()).as("signed URL needs no key").isEqualTo(200);
        assertThat(isMp4(viaSigned.body())).isTrue();
        assertThat(get(signed.replaceAll("signature=[0-9a-f]{4}", "signature=0000"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<byte[]> proxied = get(done.at("/unsigned_urls/0").asText(), key);
        assertThat(isMp4(proxied.body())).isTrue();
        assertThat(get("/api/v1/videos/" + id + "/content?index=1", key).statusCode())
                .isEqualTo(404);

        HttpResponse<byte[]> list = get("/api/v1/videos", key);
        assertThat(list.statusCode()).isEqualTo(404);
        assertThat(body(list).at("/error/code").asInt()).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/videos/" + id, null, null, key).statusCode())
                .isEqualTo(404);
        clock.advance(Duration.ofHours(2));
        assertThat(body(get("/api/v1/videos/" + id, key)).get("status").asText())
                .isEqualTo("expired");
        assertThat(get(signed).statusCode()).as("signed URLs expire").isEqualTo(403);
    }

    @Test
    void new_api() throws Exception {
        start(Dialect.NEW_API);
        String[] key = {"Authorization", "Bearer sk-newapi"};
        HttpResponse<byte[]> noKey = postJson("/v1/videos", "{\"prompt\":\"p\"}");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(body(noKey).at("/error/type").asText()).isEqualTo("new_api_error");

        HttpResponse<byte[]> created = postJson(
                "/v1/videos", "{\"prompt\":\"p\",\"model\":\"kling-v2\",\"duration\":5,\"size\":\"1280x720\"}", key);
        assertThat(created.statusCode()).as(text(created)).isEqualTo(200);
        JsonNode job = body(created);
        String id = job.get("id").asText();
        assertThat(job.get("task_id").asText()).isEqualTo(id);
        assertThat(job.get("seconds").asText()).isEqualTo("5");
        assertThat(job.has("error")).as("empty fields omitted").isFalse();
        assertThat(job.has("progress")).isFalse();
        clock.advance(Duration.ofMillis(2500));
        JsonNode running = body(get("/v1/video/generations/" + id, key));
        assertThat(running.get("status").asText()).isEqualTo("in_progress");
        assertThat(running.has("completed_at"))
                .as("last update time, even while running")
                .isTrue();
        assertThat(running.get("progress").asInt() % 10).isZero();
        statusesUntil("/v1/videos/" + id, "completed", key);
        JsonNode done = body(get("/v1/videos/" + id, key));
        HttpResponse<byte[]> content = get(done.at("/metadata/url").asText(), key);
        assertThat(isMp4(content.body())).isTrue();

        HttpResponse<byte[]> remix = postJson("/v1/videos/" + id + "/remix", "{\"prompt\":\"q\"}", key);
        assertThat(remix.statusCode()).as(text(remix)).isEqualTo(200);
        assertThat(body(remix).get("remixed_from_video_id").asText()).isEqualTo(id);

        HttpResponse<byte[]> list = get("/v1/videos", key);
        assertThat(list.statusCode()).isEqualTo(404);
        assertThat(body(list).at("/error/message").asText()).isEqualTo("Invalid URL (GET /v1/videos)");
        assertThat(send("DELETE", "/v1/videos/" + id, null, null, key).statusCode())
                .isEqualTo(404);
    }

    @Test
    void openai_default_keeps_its_shape() throws Exception {
        start(Dialect.OPENAI);
        assertThat(Pattern.matches(".*/v1$", emulator.baseUrl())).isTrue();
        HttpResponse<byte[]> created = postJson("/v1/videos", "{\"prompt\":\"p\"}", "Authorization", "Bearer k");
        assertThat(body(created).get("id").asText()).matches("video_[0-9a-f]{48}");
        assertThat(body(created).get("prompt").asText()).isEqualTo("p");
    }
}
