package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.cli.gallery.GalleryServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code sora gallery} over HTTP: the token, the origin and path rules, media with ranges, and actions. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GalleryIT {
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

    @TempDir
    static Path home;

    static GalleryFixture fixture;
    static GalleryServer server;
    static String token;
    static String base;
    static String host;
    static String downloadedId;
    static String pendingId;
    static String untouchedId;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        fixture = new GalleryFixture(home);
        downloadedId = fixture.createDownloaded("A paper boat on a pond", "boat");
        pendingId = fixture.create("A lighthouse at dusk");
        untouchedId = fixture.create("A quiet forest"); // no test downloads it
        server = fixture.start();
        Matcher m = TOKEN.matcher(server.url());
        assertThat(m.find()).as(server.url()).isTrue();
        token = m.group(1);
        host = "127.0.0.1:" + server.port();
        base = "http://" + host;
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie() {
        return "sora_gallery_" + server.port() + "=" + token;
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** One request over a plain socket, for what HttpClient will not send (a Host header, a raw path). */
    private static RawResponse raw(String requestLine, String... headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            StringBuilder req = new StringBuilder(requestLine + "\r\n");
            boolean hasHost = Arrays.stream(headers)
                    .anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("host:"));
            if (!hasHost) {
                req.append("Host: ").append(host).append("\r\n");
            }
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(text.substring(9, 12));
            return new RawResponse(status, text);
        }
    }

    record RawResponse(int status, String text) {}

    @Test
    void requests_without_the_token_are_refused() throws Exception {
        for (String path : List.of("/", "/api/jobs", "/media/1/video", "/media/2/thumbnail", "/assets/gallery.js")) {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(text(r)).as(path).contains("token").doesNotContain(token);
            assertThat(r.headers().firstValue("Set-Cookie")).as(path).isEmpty();
        }
        assertThat(get("/?token=" + token.substring(1)).statusCode()).isEqualTo(401);
        assertThat(get("/api/jobs", "Cookie", "sora_gallery_" + server.port() + "=nope")
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/api/jobs", "Cookie", "sora_gallery_1=" + token).statusCode())
                .as("another gallery's cookie name")
                .isEqualTo(401);
    }

    @Test
    void the_tokened_url_sets_a_strict_http_only_cookie_that_then_suffices() throws Exception {
        HttpResponse<byte[]> page = get("/?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page)).contains("sora gallery").contains("/assets/gallery.js");
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(cookie() + ";").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");

        HttpResponse<byte[]> jobs = get("/api/jobs", "Cookie", cookie());
        assertThat(jobs.statusCode()).isEqualTo(200);
        Map<String, Object> json = Json.parse(text(jobs));
        assertThat(text(jobs)).contains(downloadedId).contains(pendingId).contains(untouchedId);
        assertThat(json.get("count")).isEqualTo(3);
        assertThat(get("/api/jobs", "X-Sora-Gallery-Token", token).statusCode()).isEqualTo(200);
    }

    @Test
    void a_foreign_host_header_is_refused_even_with_the_token() throws Exception {
        RawResponse r = raw("GET /api/jobs?token=" + token + " HTTP/1.1", "Host: attacker.example:" + server.port());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).doesNotContain(downloadedId);
    }

    @Test
    void cross_origin_or_unproven_posts_are_refused_and_nothing_is_sent() throws Exception {
        String delete = "{\"action\":\"delete\",\"seq\":1}";
        String json = "application/json";
        assertThat(post(
                                "/api/actions/run",
                                delete,
                                "Cookie",
                                cookie(),
                                "Content-Type",
                                json,
                                "Origin",
                                "http://attacker.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(
                                "/api/actions/run",
                                delete,
                                "Cookie",
                                cookie(),
                                "Content-Type",
                                json,
                                "Origin",
                                "http://localhost:" + server.port())
                        .statusCode())
                .as("another origin, even of this machine")
                .isEqualTo(403);
        assertThat(post(
                                "/api/actions/run",
                                delete,
                                "Cookie",
                                cookie(),
                                "Content-Type",
                                json,
                                "Sec-Fetch-Site",
                                "cross-site")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/actions/run", delete, "Cookie", cookie(), "Content-Type", json)
                        .statusCode())
                .as("no Origin and no Sec-Fetch-Site")
                .isEqualTo(403);
        assertThat(get("/api/actions/run?token=" + token).statusCode()).isEqualTo(405);
        assertThat(post(
                                "/api/actions/run",
                                "action=delete&seq=1",
                                "Cookie",
                                cookie(),
                                "Content-Type",
                                "application/x-www-form-urlencoded",
                                "Origin",
                                base)
                        .statusCode())
                .as("a form post (which a foreign page could send without a preflight)")
                .isEqualTo(415);
        assertThat(fixture.galleryErr.toString())
                .doesNotContain("Gallery ran: sora --offline delete --id " + downloadedId);
        CliRun.Result still = fixture.sora.run("--offline", "status", "--id", downloadedId);
        assertThat(still.code())
                .as("the job survived every refused delete: " + still.err())
                .isZero();
    }

    @Test
    void paths_outside_the_ledgers_files_are_refused() throws Exception {
        Path secret = Files.writeString(home.resolve("secret.txt"), "root:x:0:0 not for the page");
        String t = "?token=" + token;
        for (String path : List.of(
                "/media/1/../../../../etc/passwd",
                "/media/..%2f..%2f..%2fetc%2fpasswd/video",
                "/media/1/..%2f..%2fsecret.txt",
                "/media/1/ledger.db",
                "/media/1/" + secret,
                "/media/999/video",
                "/media/0/video",
                "/media/-1/video",
                "/media/01/video",
                "/media/abc/video",
                "/assets/..%2f..%2fpom.xml",
                "/assets/index.html",
                "/secret.txt",
                "/etc/passwd",
                "/../secret.txt",
                "/%2e%2e/%2e%2e/etc/passwd")) {
            RawResponse r = raw("GET " + path + t + " HTTP/1.1");
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.text()).as(path).doesNotContain("root:x:0:0");
        }
        // A job never downloaded has no video; the downloaded one's is the ledger's file.
        assertThat(get("/media/3/video" + t).statusCode()).isEqualTo(404);
        assertThat(get("/media/1/video" + t).statusCode()).isEqualTo(200);
    }

    @Test
    void videos_are_served_with_byte_ranges_and_thumbnails_fetched_through_the_client() throws Exception {
        byte[] file = Files.readAllBytes(home.resolve("boat.mp4"));
        HttpResponse<byte[]> whole = get("/media/1/video", "Cookie", cookie());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("video/mp4"));
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.body()).isEqualTo(file);

        HttpResponse<byte[]> part = get("/media/1/video", "Cookie", cookie(), "Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + file.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(file, 100, 200));

        HttpResponse<byte[]> tail =
                get("/media/1/video", "Cookie", cookie(), "Range", "bytes=" + (file.length - 10) + "-");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(file, file.length - 10, file.length));
        assertThat(get("/media/1/video", "Cookie", cookie(), "Range", "bytes=" + file.length + "-")
                        .statusCode())
                .isEqualTo(416);

        // Job 2 is not downloaded; once it completes its thumbnail comes from the service and is cached.
        awaitStatus(2, "completed");
        HttpResponse<byte[]> thumb = get("/media/2/thumbnail", "Cookie", cookie());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).contains("image/webp");
        assertThat(new String(thumb.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("RIFF");
        assertThat(Files.walk(home.resolve("gallery-cache")).filter(p -> p.endsWith("thumbnail.webp")))
                .isNotEmpty();
        HttpResponse<byte[]> sheet = get("/media/2/spritesheet", "Cookie", cookie());
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.body()[0] & 0xff).isEqualTo(0xFF); // JPEG
    }

    @Test
    void actions_show_cost_and_command_first_then_run_through_the_cli_paths() throws Exception {
        awaitStatus(2, "completed");
        String[] same = {"Cookie", cookie(), "Content-Type", "application/json", "Origin", base};
        HttpResponse<String> preview = post(
                "/api/actions/preview", "{\"action\":\"remix\",\"seq\":1,\"prompt\":\"Same boat, at night\"}", same);
        assertThat(preview.statusCode()).isEqualTo(200);
        Map<String, Object> p = Json.parse(preview.body());
        assertThat(p.get("command"))
                .isEqualTo(
                        "sora --offline remix --id " + downloadedId + " --prompt 'Same boat, at night' --no-augment");
        assertThat(p.get("estimated_cost_usd")).isInstanceOf(Number.class);
        assertThat(p.get("error")).isNull();
        assertThat(fixture.emulator.jobsCreated()).isEqualTo(3);

        HttpResponse<String> noPrompt =
                post("/api/actions/preview", "{\"action\":\"edit\",\"seq\":1,\"prompt\":\" \"}", same);
        assertThat(Json.parse(noPrompt.body()).get("error").toString()).contains("Missing prompt");
        assertThat(Json.parse(noPrompt.body()).get("exit_code")).isEqualTo(2);
        HttpResponse<String> exists = post("/api/actions/preview", "{\"action\":\"download\",\"seq\":1}", same);
        assertThat(exists.statusCode()).isEqualTo(200);
        HttpResponse<String> bad = post("/api/actions/run", "{\"action\":\"format-disk\",\"seq\":1}", same);
        assertThat(bad.statusCode()).isEqualTo(400);

        HttpResponse<String> download = post("/api/actions/run", "{\"action\":\"download\",\"seq\":2}", same);
        Map<String, Object> d = Json.parse(download.body());
        assertThat(d.get("error")).as(download.body()).isNull();
        Path written = fixture.outDir.resolve(pendingId + ".mp4");
        assertThat(written).isRegularFile();
        assertThat(d.get("command")).isEqualTo("sora --offline download --id " + pendingId + " --out " + written);
        assertThat(text(get("/api/jobs", "Cookie", cookie()))).contains("\"downloaded\":true");
        HttpResponse<String> again = post("/api/actions/run", "{\"action\":\"download\",\"seq\":2}", same);
        assertThat(Json.parse(again.body()).get("error").toString()).contains("already exists");

        HttpResponse<String> remix =
                post("/api/actions/run", "{\"action\":\"remix\",\"seq\":1,\"prompt\":\"Same boat, at night\"}", same);
        Map<String, Object> r = Json.parse(remix.body());
        assertThat(r.get("error")).as(remix.body()).isNull();
        String newId = String.valueOf(r.get("video_id"));
        assertThat(newId).startsWith("video_");
        assertThat(fixture.galleryErr.toString()).contains("Gallery ran: sora --offline remix --id " + downloadedId);
        Map<String, Object> job = awaitStatus(4, "completed");
        assertThat(job.get("id")).isEqualTo(newId);
        assertThat(job.get("source_seq")).isEqualTo(1);
        assertThat(job.get("kind")).isEqualTo("remix");
    }

    @Test
    void extend_and_delete_show_their_command_and_delete_reaches_the_service() throws Exception {
        String[] same = {"Cookie", cookie(), "Content-Type", "application/json", "Sec-Fetch-Site", "same-origin"};
        Map<String, Object> extend = Json.parse(post(
                        "/api/actions/preview",
                        "{\"action\":\"extend\",\"seq\":1,\"prompt\":\"The boat drifts on\",\"seconds\":\"8\"}",
                        same)
                .body());
        assertThat(extend.get("error")).isNull();
        assertThat(extend.get("command").toString()).contains("extend --id " + downloadedId + " --seconds 8");
        assertThat(((Number) extend.get("estimated_cost_usd")).doubleValue()).isPositive();
        Map<String, Object> badSeconds = Json.parse(post(
                        "/api/actions/preview",
                        "{\"action\":\"extend\",\"seq\":1,\"prompt\":\"On\",\"seconds\":\"7\"}",
                        same)
                .body());
        assertThat(badSeconds.get("error").toString()).contains("seconds");
        assertThat(badSeconds.get("exit_code")).isEqualTo(ExitCodes.INVALID_INPUT);
        long created = fixture.emulator.jobsCreated();
        Map<String, Object> refused = Json.parse(post(
                        "/api/actions/run",
                        "{\"action\":\"edit\",\"seq\":1,\"prompt\":\"Barack Obama waves from the boat\"}",
                        same)
                .body());
        assertThat(refused.get("error").toString()).contains("Barack Obama");
        assertThat(refused.get("exit_code")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(fixture.emulator.jobsCreated())
                .as("the guardrails refused before sending")
                .isEqualTo(created);

        awaitStatus(3, "completed");
        Map<String, Object> preview = Json.parse(post("/api/actions/preview", "{\"action\":\"delete\",\"seq\":3}", same)
                .body());
        assertThat(preview.get("command")).isEqualTo("sora --offline delete --id " + untouchedId);
        assertThat(fixture.sora.run("--offline", "status", "--id", untouchedId).code())
                .isZero();
        Map<String, Object> deleted = Json.parse(post("/api/actions/run", "{\"action\":\"delete\",\"seq\":3}", same)
                .body());
        assertThat(deleted.get("error")).as(deleted.toString()).isNull();
        CliRun.Result gone = fixture.sora.run("--offline", "status", "--id", untouchedId);
        assertThat(gone.code()).as(gone.err()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(text(get("/api/jobs", "Cookie", cookie()))).contains("\"deleted\":true");
        Map<String, Object> missing =
                Json.parse(post("/api/actions/run", "{\"action\":\"remix\",\"seq\":99,\"prompt\":\"x\"}", same)
                        .body());
        assertThat(missing.get("error").toString()).contains("#99").contains("not in the ledger");
    }

    @Test
    void the_command_prints_its_tokened_url_and_stops_when_interrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Properties props = new Properties();
        props.setProperty("user.home", home.toString());
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> {
            try (CliContext ctx = new CliContext(
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    fixture.env(),
                    props,
                    Clock.systemUTC(),
                    dev.sora4j.options.Sleeper.system(),
                    false)) {
                ctx.useOfflineEmulator(fixture.emulator);
                code.set(Sora.commandLine(ctx).execute("--offline", "gallery", "--port", "0"));
            }
        });
        t.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!out.toString().contains("token=") && System.nanoTime() < deadline && t.isAlive()) {
            Thread.sleep(50);
        }
        String url = out.toString().strip();
        assertThat(url).as(err.toString()).matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{43}");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);
        assertThat(err.toString()).contains("Ctrl-C to stop").doesNotContain(url.substring(url.indexOf('=') + 1));
        t.interrupt();
        t.join(30_000);
        assertThat(code.get()).isEqualTo(ExitCodes.INTERRUPTED);

        CliRun.Result badPort = fixture.sora.run("--offline", "gallery", "--port", "70000");
        assertThat(badPort.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badPort.err()).contains("--port").contains("0-65535");
    }

    /** Polls the page's JSON (the refresher records statuses every second offline) until job {@code seq} has {@code status}. */
    private static Map<String, Object> awaitStatus(long seq, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            Map<String, Object> page = Json.parse(text(get("/api/jobs", "Cookie", cookie())));
            for (Object o : (List<?>) page.get("jobs")) {
                Map<?, ?> job = (Map<?, ?>) o;
                if (((Number) job.get("seq")).longValue() == seq) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) job;
                    last = typed;
                    if (status.equals(job.get("status"))) {
                        return typed;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job #" + seq + " did not reach " + status + "; last seen " + last);
    }
}
