package dev.sora4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchCreateParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import com.openai.models.videos.Video;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Batch API flow through the official SDK: upload the JSONL, create the batch, read the output file. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@SuppressWarnings("deprecation")
class BatchApiSdkIT {
    @Test
    void a_thirty_line_batch_completes_and_every_custom_id_maps_to_a_downloadable_video(@TempDir Path dir)
            throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-07T10:00:00Z"));
        EmulatorConfig config =
                EmulatorConfig.defaults(dir.resolve("state"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock)
                        .toBuilder()
                        .renderThreads(2)
                        .build();
        try (Emulator emulator = Emulator.start(config, 0)) {
            OpenAIClient sdk = OpenAIOkHttpClient.builder()
                    .baseUrl(emulator.baseUrl())
                    .apiKey("k")
                    .maxRetries(0)
                    .build();
            StringBuilder jsonl = new StringBuilder();
            for (int i = 1; i <= 30; i++) {
                jsonl.append("{\"custom_id\":\"shot-")
                        .append(String.format("%03d", i))
                        .append("\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{\"model\":\"sora-2\",")
                        .append("\"prompt\":\"Shot ")
                        .append(i)
                        .append(" of a paper boat\",\"seconds\":\"4\"}}\n");
            }
            Path input = Files.writeString(dir.resolve("jobs.jsonl"), jsonl);
            FileObject file = sdk.files()
                    .create(FileCreateParams.builder()
                            .file(input)
                            .purpose(FilePurpose.BATCH)
                            .build());
            assertThat(file.filename()).isEqualTo("jobs.jsonl");
            Batch batch = sdk.batches()
                    .create(BatchCreateParams.builder()
                            .inputFileId(file.id())
                            .endpoint(BatchCreateParams.Endpoint.V1_VIDEOS)
                            .completionWindow(BatchCreateParams.CompletionWindow._24H)
                            .build());
            assertThat(batch.status()).isEqualTo(Batch.Status.VALIDATING);

            Batch current = batch;
            for (int round = 0; round < 40 && current.status() != Batch.Status.COMPLETED; round++) {
                clock.advance(Duration.ofSeconds(30));
                emulator.tick();
                assertThat(emulator.awaitRenders(Duration.ofMinutes(2))).isTrue();
                current = sdk.batches().retrieve(batch.id());
            }
            assertThat(current.status()).isEqualTo(Batch.Status.COMPLETED);
            assertThat(current.requestCounts().orElseThrow().completed()).isEqualTo(30);
            assertThat(current.requestCounts().orElseThrow().failed()).isZero();
            assertThat(current.errorFileId()).isEmpty();

            String output;
            try (var body =
                    sdk.files().content(current.outputFileId().orElseThrow()).body()) {
                output = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
            ObjectMapper json = new ObjectMapper();
            Set<String> customIds = new HashSet<>();
            for (String line : output.strip().split("\n")) {
                JsonNode row = json.readTree(line);
                customIds.add(row.get("custom_id").asText());
                assertThat(row.get("id").asText()).startsWith("batch_req_");
                assertThat(row.get("response").get("status_code").asInt()).isEqualTo(200);
                String videoId = row.get("response").get("body").get("id").asText();
                Video video = sdk.videos().retrieve(videoId);
                assertThat(video.status()).isEqualTo(Video.Status.COMPLETED);
                // Batch videos stay downloadable until 24 h after the batch completed.
                assertThat(video.expiresAt().orElseThrow())
                        .isEqualTo(current.completedAt().orElseThrow() + 86_400);
                try (var content = sdk.videos().downloadContent(videoId).body()) {
                    byte[] head = content.readNBytes(8);
                    assertThat(new String(head, 4, 4, StandardCharsets.US_ASCII))
                            .isEqualTo("ftyp");
                }
            }
            assertThat(customIds).hasSize(30).contains("shot-001", "shot-030");
            assertThat(emulator.jobsCreated()).isEqualTo(30);
            sdk.close();
        }
    }
}
