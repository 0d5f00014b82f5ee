package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.internal.files.Mp4Check;
import dev.sora4j.internal.files.PartFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sora batch submit} (three lines, one with a local first-frame image) and {@code sora batch
 * collect}, run as separate processes against the emulator and SIGKILLed at the five dangerous
 * points: while the emulator's answer to the image upload, to the input-file upload and to the batch
 * create is held back (the server did the work, the client never heard), in the middle of the
 * second download (one video written, half of the next in its part file), and after the last byte of
 * that download arrived but before it was renamed into place. A proxy in front of the
 * emulator holds the answer, so each kill lands exactly there. After every kill the same command is
 * run again; the emulator's own counts and the proxy's log must show one upload per file, one batch,
 * and every video's bytes served once.
 */
// About a minute alone; well over two when other ITs share the two cores.
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class BatchCrashIT {
    private static final String KEY = "sk-batch-crash-key-0123456789";
    private static final String CONTENT = "/v1/videos/[^/]+/content";
    private static final Pattern RANGE_START = Pattern.compile("bytes=(\\d+)-");
    private static final String[] SUBMIT = {
        "batch", "submit", "--input", "jobs.jsonl", "--seconds", "4", "--size", "720x1280", "--metadata", "shot=crash"
    };
    private static final String[] COLLECT = {"batch", "collect", "@last", "--out-dir", "out", "--poll-interval", "0.2"};

    @TempDir
    Path dir;

    @Test
    void submit_and_collect_killed_at_five_points_never_upload_create_or_download_twice() throws Exception {
        ImageIO.write(
                new BufferedImage(720, 1280, BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("first.png").toFile());
        Files.writeString(dir.resolve("jobs.jsonl"), """
                A paper boat on a pond
                {"prompt": "A lighthouse at dusk", "out": "lighthouse"}
                {"prompt": "From the first frame", "input_reference": "first.png"}
                """);
        SoraProcesses sora = new SoraProcesses(dir);
        Path out = dir.resolve("out");
        try (Emulator emulator = Emulator.start(
                        EmulatorConfig.defaults(dir.resolve("emu"))
                                .withRenderMode(RenderMode.FAST)
                                // Speed 4: the batch and its 4 s clips are done about a second after the create.
                                .withSpeed(4),
                        0);
                HoldingProxy proxy = HoldingProxy.start(emulator.baseUrl())) {
            Map<String, String> env = Map.of("OPENAI_BASE_URL", proxy.baseUrl(), "OPENAI_API_KEY", KEY);

            // 1. The image is stored by the emulator; its file id never reaches submit.
            proxy.holdAnswer("POST", "/v1/files", "first.png\"");
            killedWhileHeld(sora.runUntil(env, () -> proxy.holding().isPresent(), SUBMIT), proxy, "image upload");
            assertThat(requests(emulator, "POST /v1/files")).isEqualTo(1);

            // 2. The rerun finds that image by name; the input file is stored, its answer held.
            proxy.holdAnswer("POST", "/v1/files", ".jsonl\"");
            SoraProcesses.Ended second =
                    sora.runUntil(env, () -> proxy.holding().isPresent(), SUBMIT);
            killedWhileHeld(second, proxy, "input file upload");
            assertThat(requests(emulator, "POST /v1/files")).isEqualTo(2);
            assertThat(second.err()).contains("Line 3: found the image uploaded by an interrupted run");

            // 3. The rerun finds the input file by name; the batch is created, its id held back.
            proxy.holdAnswer("POST", "/v1/batches", null);
            SoraProcesses.Ended third = sora.runUntil(env, () -> proxy.holding().isPresent(), SUBMIT);
            killedWhileHeld(third, proxy, "batch create");
            assertThat(requests(emulator, "POST /v1/files")).isEqualTo(2);
            assertThat(requests(emulator, "POST /v1/batches")).isEqualTo(1);
            assertThat(third.err()).contains("Found the input file uploaded by an interrupted run");

            // The rerun finds the batch by its submission metadata; one more run sends nothing at all.
            SoraProcesses.Ended submitted = sora.runUntil(env, () -> false, SUBMIT);
            assertThat(submitted.code()).as(submitted.err()).isZero();
            assertThat(requests(emulator, "POST /v1/batches")).isEqualTo(1);
            assertThat(submitted.err()).contains("Found the batch created by an interrupted run");
            String batchId = (String) Json.parse(submitted.out()).get("id");
            int before = proxy.exchanges().size();
            SoraProcesses.Ended resubmitted = sora.runUntil(env, () -> false, SUBMIT);
            assertThat(resubmitted.code()).as(resubmitted.err()).isZero();
            assertThat(resubmitted.err()).contains("Already submitted as " + batchId);
            assertThat(proxy.exchanges().subList(before, proxy.exchanges().size()))
                    .extracting(HoldingProxy.Exchange::method)
                    .as("a finished submission only reads its batch")
                    .containsOnly("GET");

            // 4. Collect writes the first video, then dies with half of the second in its part file.
            proxy.holdAfterHalf("GET", CONTENT, 2);
            long[] half = {-1};
            killedWhileHeld(
                    sora.runUntil(
                            env,
                            () -> {
                                half[0] = proxy.holding().orElse(-1);
                                return half[0] >= 0
                                        && partBytes(out) == half[0]
                                        && SoraProcesses.count(out, ".mp4") == 1;
                            },
                            COLLECT),
                    proxy,
                    "middle of the second download");
            assertThat(SoraProcesses.count(out, ".part")).isEqualTo(1);

            // 5. The rerun resumes the second video and dies with all its bytes in the part file, not yet
            // renamed into place (as if killed while it fsyncs, checks and hashes them).
            proxy.holdBeforeEnd("GET", CONTENT, 1);
            killedWhileHeld(
                    sora.runUntil(
                            env,
                            () -> proxy.holding().isPresent()
                                    && partBytes(out)
                                            == half[0] + proxy.holding().getAsLong(),
                            COLLECT),
                    proxy,
                    "end of the second download");
            assertThat(SoraProcesses.count(out, ".mp4")).isEqualTo(1);

            SoraProcesses.Ended collected = sora.runUntil(env, () -> false, COLLECT);
            assertThat(collected.code()).as(collected.err()).isZero();
            Map<String, Object> result = Json.parse(collected.out());
            assertThat(result).containsEntry("lines", 3).containsEntry("failed", 0);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) result.get("results");
            assertThat(rows)
                    .extracting(r -> r.get("custom_id"))
                    .containsExactly("001-a-paper-boat-on-a-pond", "lighthouse", "003-from-the-first-frame");
            assertThat(rows).extracting(r -> r.get("downloaded_now")).containsExactly(0, 1, 1);

            long contentRequests = requests(emulator, "GET /v1/videos/{id}/content");
            SoraProcesses.Ended recollected = sora.runUntil(env, () -> false, COLLECT);
            assertThat(recollected.code()).as(recollected.err()).isZero();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> again =
                    (List<Map<String, Object>>) Json.parse(recollected.out()).get("results");
            assertThat(again).extracting(r -> r.get("downloaded_now")).containsOnly(0);
            assertThat(requests(emulator, "GET /v1/videos/{id}/content")).isEqualTo(contentRequests);

            // The emulator's own counts: one image, one input file, one batch, one job per line.
            assertThat(requests(emulator, "POST /v1/files")).isEqualTo(2);
            assertThat(requests(emulator, "POST /v1/batches")).isEqualTo(1);
            assertThat(requests(emulator, "POST /v1/videos")).isZero();
            assertThat(emulator.jobsCreated()).isEqualTo(3);
            assertThat(names(emulator, "/files?purpose=vision", "filename"))
                    .singleElement()
                    .asString()
                    .endsWith("-line3-first.png");
            assertThat(names(emulator, "/files?purpose=batch", "filename"))
                    .singleElement()
                    .asString()
                    .endsWith(".jsonl");
            assertThat(names(emulator, "/batches", "id")).containsExactly(batchId);

            // Every video's bytes went out once: a download starts at 0 and a resume asks for the rest only.
            assertThat(proxy.exchanges().stream()
                            .filter(e -> e.path().matches(CONTENT))
                            .count())
                    .as("the proxy saw every content request the emulator served")
                    .isEqualTo(contentRequests);
            for (Map<String, Object> row : rows) {
                Path file = out.resolve(row.get("custom_id") + ".mp4");
                assertThat(served(proxy, "/v1/videos/" + row.get("video_id") + "/content"))
                        .as(file.getFileName().toString())
                        .isEqualTo(Files.size(file));
                assertThat(Files.size(file)).isPositive();
                byte[] head = Files.readAllBytes(file);
                assertThat(new String(head, 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
                assertThat(Mp4Check.problem(file)).as(file.toString()).isEmpty();
            }
            // The killed video: started whole, resumed by a range, then found complete (416: nothing left).
            String lighthouse = "/v1/videos/" + rows.get(1).get("video_id") + "/content";
            assertThat(proxy.exchanges().stream()
                            .filter(e -> e.path().equals(lighthouse))
                            .map(HoldingProxy.Exchange::status))
                    .startsWith(200)
                    .contains(206)
                    .endsWith(416);
        }

        // Nothing else in the output directory: no copy, no part file, no leftover parts directory.
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "001-a-paper-boat-on-a-pond.mp4", "lighthouse.mp4", "003-from-the-first-frame.mp4");
        }
        assertThat(new String(Files.readAllBytes(dir.resolve("home/batches.db")), StandardCharsets.ISO_8859_1))
                .doesNotContain(KEY);
    }

    private static void killedWhileHeld(SoraProcesses.Ended run, HoldingProxy proxy, String point) {
        assertThat(run.code())
                .as("sora killed at the " + point + " (exit -9), not ended by itself:\n" + run.err())
                .isEqualTo(-9);
        proxy.release();
    }

    /** Video bytes served for one path across all its requests; each request must start where the file then ended. */
    private static long served(HoldingProxy proxy, String path) {
        long total = 0;
        for (HoldingProxy.Exchange e : proxy.exchanges()) {
            if (!e.path().equals(path)) {
                continue;
            }
            long start = 0;
            if (e.range() != null) {
                Matcher m = RANGE_START.matcher(e.range());
                assertThat(m.matches()).as(e.range()).isTrue();
                start = Long.parseLong(m.group(1));
            }
            assertThat(start).as("%s asked again for bytes it had", path).isEqualTo(total);
            // A refused range (416: nothing is left) carries an error body, not video bytes.
            if (e.status() == 200 || e.status() == 206) {
                total += e.relayed();
            }
        }
        return total;
    }

    private static long partBytes(Path out) {
        Path parts = out.resolve(PartFiles.DIR_NAME);
        if (!Files.isDirectory(parts)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(parts)) {
            return files.filter(p -> p.toString().endsWith(".part"))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static long requests(Emulator emulator, String route) {
        @SuppressWarnings("unchecked")
        Map<String, Long> requests = (Map<String, Long>) emulator.stats().get("requests");
        return requests.getOrDefault(route, 0L);
    }

    /** One field of every object the emulator lists at {@code path}, asked directly (not through the proxy). */
    private static List<Object> names(Emulator emulator, String path, String field) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                                .header("Authorization", "Bearer " + KEY)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> data =
                (List<Map<String, Object>>) Json.parse(r.body()).get("data");
        List<Object> out = new ArrayList<>();
        data.forEach(d -> out.add(d.get(field)));
        return out;
    }
}
