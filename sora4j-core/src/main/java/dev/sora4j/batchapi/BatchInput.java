package dev.sora4j.batchapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sora4j.SoraClient;
import dev.sora4j.batch.BatchJob;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.internal.Sha256;
import dev.sora4j.internal.wire.WireRequests;
import dev.sora4j.model.InputReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Batch API input built from a jobs file: one {@code POST /v1/videos} line per job with its
 * custom_id and JSON body (the Batch API takes no multipart, so a local first-frame image becomes
 * {@code {"file_id": ...}} once uploaded), what must be uploaded first, and the cost estimate.
 *
 * @param lines one per job, in file order
 * @param discount the batch discount applied to the estimate (0.5 = half price)
 * @param standardUsd the estimate at standard prices (jobs whose model has no price count 0)
 * @param batchUsd the estimate at batch prices
 * @param unpriced jobs the price table does not know
 */
public record BatchInput(List<Line> lines, double discount, double standardUsd, double batchUsd, int unpriced) {
    /** The batch endpoint every line targets. */
    public static final String URL = "/v1/videos";
    /** What a local image's file id reads as in a plan, before it is uploaded. */
    public static final String PENDING_UPLOAD = "upload:";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);

    /**
     * Copies the lines into an unmodifiable list.
     *
     * @param lines one per job, in file order
     * @param discount the batch discount applied to the estimate (0.5 = half price)
     * @param standardUsd the estimate at standard prices (jobs whose model has no price count 0)
     * @param batchUsd the estimate at batch prices
     * @param unpriced jobs the price table does not know
     */
    public BatchInput {
        lines = List.copyOf(lines);
    }

    /**
     * One request of the input file.
     *
     * @param job the validated jobs-file line
     * @param customId unique within the batch: the job's output name without its extension
     * @param body the JSON body (a local image's reference is filled in at upload)
     * @param localImage the first-frame image to upload first, or null
     */
    public record Line(BatchJob job, String customId, Map<String, Object> body, Path localImage) {}

    /**
     * Builds the input for validated jobs.
     *
     * @param client estimates each job with its price table
     * @param jobs from {@link dev.sora4j.batch.JobsFile}
     * @param discount the batch discount, 0 (none) to 1 (free)
     * @return the input
     * @throws InvalidRequestException when the discount is outside 0..1
     */
    public static BatchInput of(SoraClient client, List<BatchJob> jobs, double discount) {
        if (!(discount >= 0 && discount <= 1)) {
            throw InvalidRequestException.of("batch_discount", " must be between 0 and 1, got " + discount);
        }
        List<Line> lines = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        double standard = 0;
        int unpriced = 0;
        for (BatchJob job : jobs) {
            String name = job.outName();
            int dot = name.lastIndexOf('.');
            String customId = dot > 0 ? name.substring(0, dot) : name;
            if (!ids.add(customId)) {
                customId = customId + "-line" + job.line();
                ids.add(customId);
            }
            Map<String, Object> body =
                    new LinkedHashMap<>(WireRequests.create(job.request()).fields());
            Path image = null;
            if (job.request().inputReference() instanceof InputReference.ImageFile f) {
                image = f.path();
                body.put("input_reference", Map.of("file_id", PENDING_UPLOAD + f.path()));
            }
            lines.add(new Line(job, customId, body, image));
            Double cost = client.estimate(job.request()).orElse(null);
            if (cost == null) {
                unpriced++;
            } else {
                standard += cost;
            }
        }
        return new BatchInput(lines, discount, round(standard), round(standard * (1 - discount)), unpriced);
    }

    /**
     * The lines whose first-frame image must be uploaded before the batch.
     *
     * @return those lines
     */
    public List<Line> uploads() {
        return lines.stream().filter(l -> l.localImage() != null).toList();
    }

    /**
     * The input file: one JSON object per line, {@code custom_id}, {@code method}, {@code url}, {@code body}.
     *
     * @param fileIdByLine the uploaded image of each jobs-file line; lines missing here keep the
     *     {@code upload:PATH} placeholder (a plan)
     * @return the JSONL text
     */
    public String jsonl(Map<Integer, String> fileIdByLine) {
        StringBuilder out = new StringBuilder();
        for (Line l : lines) {
            Map<String, Object> body = new LinkedHashMap<>(l.body());
            String fileId = fileIdByLine.get(l.job().line());
            if (l.localImage() != null && fileId != null) {
                body.put("input_reference", Map.of("file_id", fileId));
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("custom_id", l.customId());
            request.put("method", "POST");
            request.put("url", URL);
            request.put("body", body);
            try {
                out.append(JSON.writeValueAsString(request)).append('\n');
            } catch (JsonProcessingException e) {
                throw new SoraException("Could not write a batch line: " + e.getMessage(), e);
            }
        }
        return out.toString();
    }

    /**
     * The submission key: the same input, images, endpoint, window and metadata always give the
     * same key, so a rerun finds its earlier submission instead of starting another.
     *
     * @param baseUrl the API root
     * @param completionWindow e.g. {@code 24h}
     * @param metadata the caller's metadata
     * @return 24 hex digits
     */
    public String key(String baseUrl, String completionWindow, Map<String, String> metadata) {
        Map<Integer, String> imageHashes = new LinkedHashMap<>();
        for (Line l : uploads()) {
            try {
                imageHashes.put(l.job().line(), "sha256:" + Sha256.of(l.localImage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String text = baseUrl + "\n" + completionWindow + "\n" + new TreeMap<>(metadata) + "\n" + jsonl(imageHashes);
        return Sha256.of(text).substring(0, 24);
    }

    private static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
