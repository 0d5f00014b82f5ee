package dev.sora4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.emulator.config.WebhookConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad, huge and hostile requests: each gets a prompt, clean answer, and the disk stays bounded. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HardeningIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-12T10:00:00Z"));

    @TempDir
    Path dir;

    private Emulator emulator;

    @BeforeEach
    void start() {
        emulator = Emulator.start(
                EmulatorConfig.defaults(dir.resolve("state"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock)
                        .withControl(true)
                        .toBuilder()
                        .limits(EmulatorConfig.defaults(dir).limits().withMaxBatchLines(3))
                        .build(),
                0);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** Sends raw request bytes and reads the status line (and what follows) within 10 s. */
    private String raw(String head, byte[] body) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                int n;
                try {
                    n = in.read(buf);
                } catch (java.net.SocketException reset) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                got.write(buf, 0, n);
                String text = got.toString(StandardCharsets.UTF_8);
                if (text.contains("\r\n\r\n") && text.contains("}}")) {
                    break;
                }
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_2_gb_declared_upload_gets_413_at_once_without_being_read() throws Exception {
        long start = System.nanoTime();
        String answer = raw(
                "POST /v1/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\n"
                        + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 2147483648\r\n\r\n",
                "--xyz\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nuser_data\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("\"code\":\"request_too_large\"");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void json_bodies_are_capped_whether_declared_or_chunked() throws Exception {
        String declared = raw(
                "POST /v1/videos HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2097152\r\n\r\n",
                "{\"prompt\":\"".getBytes(StandardCharsets.US_ASCII));
        assertThat(declared).startsWith("HTTP/1.1 413").contains("\"type\":\"invalid_request_error\"");

        // No Content-Length (chunked): cut off while reading.
        byte[] big = ("{\"prompt\":\"" + "x".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/videos"))
                        .header("Authorization", "Bearer k")
                        .header("Content-Type", "application/json")
                        .POST(unsized(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(json.readTree(chunked.body()).get("error").get("code").asText())
                .isEqualTo("request_too_large");
    }

    @Test
    void an_image_declaring_50000x50000_is_refused_from_its_header_without_decoding() throws Exception {
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(pngHeader(50_000, 50_000));
        HttpResponse<String> r =
                post("/videos", "{\"prompt\":\"bomb\",\"input_reference\":{\"image_url\":\"" + dataUrl + "\"}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("the image is 50000x50000");
    }

    @Test
    void a_huge_range_is_416_and_a_500_shows_no_exception_text_or_path() throws Exception {
        String id = completedVideo();
        HttpResponse<String> huge = http.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/videos/" + id + "/content"))
                        .header("Authorization", "Bearer k")
                        .header("Range", "bytes=99999999999999999999999999-")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(416);

        // Media lost under a completed job (disk trouble): a 500, described without internals.
        Files.delete(dir.resolve("state/media").resolve(id).resolve("video.mp4"));
        HttpResponse<String> broken = http.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/videos/" + id + "/content"))
                        .header("Authorization", "Bearer k")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body())
                .contains("server_error")
                .doesNotContain(dir.toString())
                .doesNotContain("Exception")
                .doesNotContain("/media/");
    }

    @Test
    void expired_media_and_files_are_deleted_by_the_sweeper() throws Exception {
        String id = completedVideo();
        Path media = dir.resolve("state/media").resolve(id);
        assertThat(media.resolve("video.mp4")).exists();
        String fileId = upload("note.txt", "user_data", "{\"anchor\":\"created_at\",\"seconds\":3600}");
        clock.advance(Duration.ofHours(2));
        emulator.tick();
        assertThat(media).doesNotExist();
        assertThat(get("/files/" + fileId).statusCode()).isEqualTo(404);
        // The job itself is still listed, with its content gone for good.
        assertThat(get("/videos/" + id + "/content").statusCode()).isEqualTo(410);
    }

    @Test
    void a_batch_over_the_line_cap_fails_without_creating_jobs() throws Exception {
        String lines = "";
        for (int i = 0; i < 4; i++) {
            lines += "{\"custom_id\":\"l" + i + "\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{\"prompt\":\"p"
                    + i + "\"}}\n";
        }
        String fileId = uploadContent("in.jsonl", "batch", lines, null);
        JsonNode batch = json.readTree(post(
                        "/batches",
                        "{\"input_file_id\":\"" + fileId
                                + "\",\"endpoint\":\"/v1/videos\",\"completion_window\":\"24h\"}")
                .body());
        clock.advance(Duration.ofSeconds(5));
        JsonNode done =
                json.readTree(get("/batches/" + batch.get("id").asText()).body());
        assertThat(done.get("status").asText()).isEqualTo("failed");
        assertThat(done.get("errors").get("data").get(0).get("code").asText()).isEqualTo("batch_too_large");
        assertThat(emulator.jobsCreated()).isZero();
    }

    @Test
    void control_routes_need_the_token_json_a_loopback_host_and_no_foreign_origin() throws Exception {
        String root = emulator.baseUrl().replace("/v1", "");
        HttpResponse<String> noToken = http.send(
                HttpRequest.newBuilder(URI.create(root + "/_emulator/stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> ok = http.send(
                HttpRequest.newBuilder(URI.create(root + "/_emulator/stats"))
                        .header("Authorization", "Bearer " + emulator.controlToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create(root + "/_emulator/clock/advance"))
                        .header("Authorization", "Bearer " + emulator.controlToken())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\": 60}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        HttpResponse<String> foreign = http.send(
                HttpRequest.newBuilder(URI.create(root + "/_emulator/stats"))
                        .header("Authorization", "Bearer " + emulator.controlToken())
                        .header("Origin", "https://evil.example")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        // A DNS-rebinding page reaches 127.0.0.1 under its own host name.
        String rebound = raw(
                "GET /_emulator/stats HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer "
                        + emulator.controlToken() + "\r\nConnection: close\r\n\r\n",
                new byte[0]);
        assertThat(rebound).startsWith("HTTP/1.1 403");
    }

    @Test
    void failed_webhook_deliveries_are_counted(@TempDir Path other) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        WebhookConfig hooks = WebhookConfig.to(List.of(URI.create("http://127.0.0.1:" + closedPort + "/hook")), null)
                .withRetries(2, Duration.ofMillis(10));
        try (Emulator e = Emulator.start(
                EmulatorConfig.defaults(other).withRenderMode(RenderMode.FAST).withWebhooks(hooks), 0)) {
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(e.baseUrl() + "/videos"))
                            .header("Authorization", "Bearer k")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hooked\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
            Map<String, Object> webhooks = Map.of();
            for (int i = 0; i < 200 && !Long.valueOf(1).equals(webhooks.get("gave_up")); i++) {
                Thread.sleep(50); // real time: the job runs on the system clock here
                webhooks = webhookStats(e);
            }
            assertThat(webhooks).containsEntry("failed_attempts", 2L).containsEntry("gave_up", 1L);
            assertThat(webhooks).containsEntry("delivered", 0L);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> webhookStats(Emulator e) {
        return (Map<String, Object>) e.stats().get("webhooks");
    }

    private String completedVideo() throws Exception {
        HttpResponse<String> created = post("/videos", "{\"prompt\":\"kept\"}");
        String id = json.readTree(created.body()).get("id").asText();
        assertThat(emulator.awaitRenders(Duration.ofMinutes(1))).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(json.readTree(get("/videos/" + id).body()).get("status").asText())
                .isEqualTo("completed");
        return id;
    }

    private String upload(String name, String purpose, String expiresAfter) throws Exception {
        return uploadContent(name, purpose, "hello", expiresAfter);
    }

    private String uploadContent(String name, String purpose, String content, String expiresAfter) throws Exception {
        String boundary = "b0und4ry";
        StringBuilder body = new StringBuilder();
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n")
                .append(purpose)
                .append("\r\n");
        if (expiresAfter != null) {
            JsonNode after = json.readTree(expiresAfter);
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"expires_after[anchor]\"\r\n\r\n")
                    .append(after.get("anchor").asText())
                    .append("\r\n");
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"expires_after[seconds]\"\r\n\r\n")
                    .append(after.get("seconds").asText())
                    .append("\r\n");
        }
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(name)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/files"))
                        .header("Authorization", "Bearer k")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("id").asText();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                        .header("Authorization", "Bearer k")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                        .header("Authorization", "Bearer k")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A body publisher with unknown length, so the client sends it chunked. */
    private static HttpRequest.BodyPublisher unsized(byte[] bytes) {
        HttpRequest.BodyPublisher sized = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                sized.subscribe(subscriber);
            }
        };
    }

    /** A PNG signature and IHDR chunk declaring {@code width x height}, and no pixels. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }
}
