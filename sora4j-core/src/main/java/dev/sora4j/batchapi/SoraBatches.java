package dev.sora4j.batchapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.SoraClient;
import dev.sora4j.batch.BatchJob;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.internal.Sha256;
import dev.sora4j.internal.files.Mp4Check;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.JobError;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.options.PollListener;
import dev.sora4j.options.PollOptions;
import dev.sora4j.spi.BatchApiGateway;
import dev.sora4j.spi.BatchInfo;
import dev.sora4j.spi.RemoteFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The official Batch API for {@code /v1/videos}, from the same jobs file the local queue reads:
 * plan, submit, status, list, cancel and collect. Obtain it with {@link #of(SoraClient, BatchApiStore)}.
 *
 * <p>Submitting is crash-safe: each call (image upload, input upload, batch create) is recorded in
 * the {@link BatchApiStore} as {@code sending} before it goes out and with its answer after. A rerun
 * with the same input skips what is done and reconciles what may have reached the server by looking
 * it up (files by name, batches by the {@code sora4j_submission} metadata key) instead of sending it
 * again. Collecting is resumable too: a download goes through the client's downloader (part file,
 * range resume, MP4 check, atomic rename) and is recorded once in place, so it is never fetched twice.
 *
 * <pre>{@code
 * try (BatchApiStore store = BatchApiStore.open(Path.of("batches.db"), Clock.systemUTC());
 *         SoraClient sora = SoraClient.builder().fromEnv().build()) {
 *     SoraBatches batches = SoraBatches.of(sora, store);
 *     List<BatchJob> jobs = new JobsFile(sora.rules(), BatchDefaults.none(), System.err::println).read(input);
 *     SubmitResult submitted = batches.submit(input, jobs, SoraBatches.SubmitOptions.defaults(), System.err::println);
 *     CollectResult result = batches.collect(submitted.batch().id(), Path.of("out"), Set.of(Variant.VIDEO),
 *             PollOptions.defaults(), System.err::println);
 * }
 * }</pre>
 */
public final class SoraBatches {
    /** The metadata key that ties a batch to its submission, so a lost create answer can be found. */
    public static final String SUBMISSION_METADATA = "sora4j_submission";
    /** The only completion window the API accepts. */
    public static final String WINDOW_24H = "24h";
    /** How long after a batch completes its videos can be downloaded. */
    public static final Duration DOWNLOAD_WINDOW = Duration.ofHours(24);
    /** When collect starts warning that the download window is closing. */
    public static final Duration WINDOW_WARNING = Duration.ofHours(2);
    /** The purpose first-frame images are uploaded with. */
    public static final String IMAGE_PURPOSE = "vision";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_METADATA = 16;

    private final SoraClient client;
    private final BatchApiGateway gateway;
    private final BatchApiStore store;
    private final String baseUrl;

    /**
     * The Batch API flow over {@code client}'s endpoint and key.
     *
     * @param client the configured client
     * @param store where calls, lines and downloads are recorded; the caller closes it
     * @return the flow
     */
    public static SoraBatches of(SoraClient client, BatchApiStore store) {
        return new SoraBatches(client, client.batchApiGateway(), store, client.baseUrl());
    }

    /**
     * A flow over an explicit gateway (tests, other transports).
     *
     * @param client does the video reads, waits and downloads
     * @param gateway the Files and Batch endpoints
     * @param store where calls, lines and downloads are recorded
     * @param baseUrl the API root (part of the submission key)
     */
    public SoraBatches(SoraClient client, BatchApiGateway gateway, BatchApiStore store, String baseUrl) {
        this.client = Objects.requireNonNull(client);
        this.gateway = Objects.requireNonNull(gateway);
        this.store = Objects.requireNonNull(store);
        this.baseUrl = baseUrl;
    }

    /**
     * How a batch is submitted.
     *
     * @param completionWindow {@code 24h} (the only value the API accepts)
     * @param metadata up to 15 keys of the caller's (sora4j adds its submission key)
     * @param discount the batch discount for the estimate (0.5: half the standard price)
     */
    public record SubmitOptions(String completionWindow, Map<String, String> metadata, double discount) {
        /** The Batch API's price: half the standard per-second rate (videos-api.md §8.1, §9). */
        public static final double DEFAULT_DISCOUNT = 0.5;

        /**
         * Copies the metadata into an unmodifiable map.
         *
         * @param completionWindow {@code 24h} (the only value the API accepts)
         * @param metadata up to 15 keys of the caller's (sora4j adds its submission key)
         * @param discount the batch discount for the estimate (0.5: half the standard price)
         */
        public SubmitOptions {
            metadata = Map.copyOf(metadata);
        }

        /**
         * A 24 h window, no metadata, half price.
         *
         * @return the defaults
         */
        public static SubmitOptions defaults() {
            return new SubmitOptions(WINDOW_24H, Map.of(), DEFAULT_DISCOUNT);
        }
    }

    /**
     * The input file and estimate for these jobs; sends nothing.
     *
     * @param jobs validated jobs
     * @param discount the batch discount
     * @return the plan
     */
    public BatchInput plan(List<BatchJob> jobs, double discount) {
        return BatchInput.of(client, jobs, discount);
    }

    /**
     * Uploads the first-frame images and the input file, then creates the batch; every step is
     * recorded before and after, so rerunning after a crash resumes without repeating any call.
     *
     * @param input the jobs file (recorded for reference)
     * @param jobs its validated jobs
     * @param options window, metadata and discount
     * @param progress hears one line per step
     * @return the batch and what was uploaded
     * @throws InvalidRequestException when the window or metadata are not acceptable (nothing is sent)
     * @throws ApiException when a call failed (rerun to resume)
     */
    public SubmitResult submit(Path input, List<BatchJob> jobs, SubmitOptions options, Consumer<String> progress) {
        checkOptions(options);
        BatchInput plan = plan(jobs, options.discount());
        String key = plan.key(baseUrl, options.completionWindow(), options.metadata());
        Map<String, Map.Entry<Integer, String>> lines = new LinkedHashMap<>();
        for (BatchInput.Line l : plan.lines()) {
            lines.put(l.customId(), Map.entry(l.job().line(), l.job().request().prompt()));
        }
        BatchApiStore.Submission sub = store.begin(
                key, input.toAbsolutePath().toString(), baseUrl, options.completionWindow(), plan.batchUsd(), lines);
        if (BatchApiStore.DONE.equals(sub.batchState())) {
            progress.accept("Already submitted as " + sub.batchId() + " (submission " + key + "); nothing sent.");
            return new SubmitResult(
                    key, gateway.retrieve(sub.batchId()), sub.inputFileId(), imageIds(key), true, plan.batchUsd());
        }
        Map<Integer, String> images = new LinkedHashMap<>();
        for (BatchInput.Line l : plan.uploads()) {
            images.put(l.job().line(), uploadImage(key, l, progress));
        }
        String inputFileId = uploadInput(key, sub, plan.jsonl(images), progress);
        BatchInfo batch = createBatch(key, sub, inputFileId, options, progress);
        return new SubmitResult(key, batch, inputFileId, images, false, plan.batchUsd());
    }

    private void checkOptions(SubmitOptions options) {
        if (!WINDOW_24H.equals(options.completionWindow())) {
            throw InvalidRequestException.of(
                    "completion_window", " '" + options.completionWindow() + "' is not supported; the API accepts 24h");
        }
        if (options.metadata().size() > MAX_METADATA - 1) {
            throw InvalidRequestException.of(
                    "metadata",
                    ": at most " + (MAX_METADATA - 1) + " keys (sora4j adds " + SUBMISSION_METADATA + "), got "
                            + options.metadata().size());
        }
        options.metadata().forEach((k, v) -> {
            if (k.isBlank() || k.length() > 64 || v.length() > 512) {
                throw InvalidRequestException.of(
                        "metadata", " '" + k + "': keys must be 1-64 characters and values at most 512");
            }
            if (k.equals(SUBMISSION_METADATA)) {
                throw InvalidRequestException.of("metadata", " '" + k + "' is reserved for sora4j");
            }
        });
    }

    private Map<Integer, String> imageIds(String key) {
        Map<Integer, String> out = new LinkedHashMap<>();
        store.uploads(key).forEach((line, u) -> {
            if (u.fileId() != null) {
                out.put(line, u.fileId());
            }
        });
        return out;
    }

    private String uploadImage(String key, BatchInput.Line l, Consumer<String> progress) {
        int line = l.job().line();
        BatchApiStore.Upload known = store.uploads(key).get(line);
        if (known != null && BatchApiStore.DONE.equals(known.state())) {
            return known.fileId();
        }
        String filename =
                "sora4j-" + key + "-line" + line + "-" + l.localImage().getFileName();
        if (known != null) {
            Optional<RemoteFile> found = findFile(filename, IMAGE_PURPOSE);
            if (found.isPresent()) {
                progress.accept("Line " + line + ": found the image uploaded by an interrupted run ("
                        + found.get().id() + ").");
                store.upload(
                        key,
                        uploadRecord(
                                l, filename, BatchApiStore.DONE, found.get().id()));
                return found.get().id();
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(l.localImage());
        } catch (IOException e) {
            throw new InvalidRequestException(
                    "input_reference",
                    "Cannot read the image " + l.localImage() + " of line " + line + ": " + e.getMessage());
        }
        store.upload(key, uploadRecord(l, filename, BatchApiStore.SENDING, null));
        RemoteFile f = gateway.upload(bytes, filename, IMAGE_PURPOSE);
        store.upload(key, uploadRecord(l, filename, BatchApiStore.DONE, f.id()));
        progress.accept("Line " + line + ": uploaded " + l.localImage().getFileName() + " as " + f.id() + ".");
        return f.id();
    }

    private static BatchApiStore.Upload uploadRecord(BatchInput.Line l, String filename, String state, String id) {
        return new BatchApiStore.Upload(l.job().line(), l.localImage().toString(), filename, state, id);
    }

    private String uploadInput(String key, BatchApiStore.Submission sub, String jsonl, Consumer<String> progress) {
        if (BatchApiStore.DONE.equals(sub.inputFileState())) {
            return sub.inputFileId();
        }
        String filename = "sora4j-" + key + ".jsonl";
        if (BatchApiStore.SENDING.equals(sub.inputFileState())) {
            Optional<RemoteFile> found = findFile(filename, "batch");
            if (found.isPresent()) {
                progress.accept("Found the input file uploaded by an interrupted run ("
                        + found.get().id() + ").");
                store.inputFile(key, BatchApiStore.DONE, found.get().id());
                return found.get().id();
            }
        }
        store.inputFile(key, BatchApiStore.SENDING, null);
        RemoteFile f = gateway.upload(jsonl.getBytes(StandardCharsets.UTF_8), filename, "batch");
        store.inputFile(key, BatchApiStore.DONE, f.id());
        progress.accept("Uploaded the input file as " + f.id() + ".");
        return f.id();
    }

    private BatchInfo createBatch(
            String key,
            BatchApiStore.Submission sub,
            String inputFileId,
            SubmitOptions options,
            Consumer<String> progress) {
        if (BatchApiStore.SENDING.equals(sub.batchState())) {
            Optional<BatchInfo> found = findBatch(key, sub.createdAt());
            if (found.isPresent()) {
                progress.accept("Found the batch created by an interrupted run ("
                        + found.get().id() + ").");
                store.batch(key, BatchApiStore.DONE, found.get().id());
                return found.get();
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>(options.metadata());
        metadata.put(SUBMISSION_METADATA, key);
        store.batch(key, BatchApiStore.SENDING, null);
        BatchInfo batch;
        try {
            batch = gateway.create(inputFileId, options.completionWindow(), metadata);
        } catch (ApiException e) {
            if (!e.mayHaveSucceeded()) {
                // Refused: nothing was created, so a corrected rerun may send it again.
                store.batch(key, null, null);
            }
            throw e;
        }
        store.batch(key, BatchApiStore.DONE, batch.id());
        progress.accept("Created batch " + batch.id() + " (" + batch.status() + ").");
        return batch;
    }

    private Optional<RemoteFile> findFile(String filename, String purpose) {
        return gateway.listFiles(purpose).stream()
                .filter(f -> filename.equals(f.filename()))
                .findFirst();
    }

    /** The batch carrying this submission key, looking back no further than a day before the submission began. */
    private Optional<BatchInfo> findBatch(String key, long submittedAtMillis) {
        long oldest = submittedAtMillis / 1000 - 24 * 3600;
        Optional<String> after = Optional.empty();
        for (int page = 0; page < 50; page++) {
            BatchApiGateway.BatchPage p = gateway.list(100, after);
            for (BatchInfo b : p.data()) {
                if (b.metadata(SUBMISSION_METADATA).filter(key::equals).isPresent()) {
                    return Optional.of(b);
                }
            }
            if (!p.hasMore()
                    || p.data().isEmpty()
                    || p.data().get(p.data().size() - 1).createdAt() < oldest) {
                return Optional.empty();
            }
            after = Optional.of(p.data().get(p.data().size() - 1).id());
        }
        return Optional.empty();
    }

    /**
     * A batch id, or {@code @last} for the newest batch submitted through this store.
     *
     * @param ref the reference
     * @return the batch id
     * @throws InvalidRequestException when {@code @last} has nothing to refer to, or the ref is empty
     */
    public String resolve(String ref) {
        if (ref == null || ref.isBlank() || ref.strip().equals("@last")) {
            return store.lastSubmission()
                    .map(BatchApiStore.Submission::batchId)
                    .orElseThrow(() -> new InvalidRequestException(
                            "id", "No batch was submitted through this ledger yet; give a batch id (batch_...)."));
        }
        return ref.strip();
    }

    /**
     * Retrieves a batch.
     *
     * @param ref a batch id or {@code @last}
     * @return the batch now
     */
    public BatchInfo status(String ref) {
        return gateway.retrieve(resolve(ref));
    }

    /**
     * Polls a batch until it completes, fails, expires or is cancelled.
     *
     * @param ref a batch id or {@code @last}
     * @param options interval and timeout
     * @param listener hears every status read
     * @return the terminal batch
     * @throws BatchWaitTimeoutException when the timeout passes first
     * @throws SoraInterruptedException when interrupted
     */
    public BatchInfo waitFor(String ref, PollOptions options, Consumer<BatchInfo> listener) {
        String id = resolve(ref);
        Instant start = client.clock().instant();
        while (true) {
            BatchInfo b = gateway.retrieve(id);
            listener.accept(b);
            if (b.terminal()) {
                return b;
            }
            Optional<Duration> timeout = options.timeoutIfSet();
            if (timeout.isPresent()
                    && !Duration.between(start, client.clock().instant())
                            .minus(timeout.get())
                            .isNegative()) {
                throw new BatchWaitTimeoutException(b, timeout.get());
            }
            try {
                client.sleeper().sleep(options.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SoraInterruptedException("Interrupted while waiting for batch " + id + ".", e);
            }
        }
    }

    /**
     * One page of batches, newest first.
     *
     * @param limit 1..100
     * @param after the last id of the previous page, or empty
     * @return the page
     */
    public BatchApiGateway.BatchPage list(int limit, Optional<String> after) {
        if (limit < 1 || limit > 100) {
            throw InvalidRequestException.of("limit", " must be 1-100, got " + limit);
        }
        return gateway.list(limit, after);
    }

    /**
     * Asks the service to cancel a batch; its unfinished videos end as failed.
     *
     * @param ref a batch id or {@code @last}
     * @return the batch as answered
     */
    public BatchInfo cancel(String ref) {
        return gateway.cancel(resolve(ref));
    }

    /**
     * Waits for the batch to end, reads its output and error files, tracks every video to a final
     * status and downloads each completed one into {@code outDir} as {@code <custom_id><ext>}. Safe
     * to rerun at any point: finished downloads are recorded and never fetched again, half-done ones
     * resume from their part file.
     *
     * @param ref a batch id or {@code @last}
     * @param outDir where the files go
     * @param variants which assets to fetch per video (at least one)
     * @param poll interval and timeout for the batch and its videos
     * @param progress hears one line per step
     * @return one row per request line, and warnings
     * @throws BatchWaitTimeoutException when the batch does not end within the timeout
     */
    public CollectResult collect(
            String ref, Path outDir, Set<Variant> variants, PollOptions poll, Consumer<String> progress) {
        if (variants.isEmpty()) {
            throw InvalidRequestException.of("variant", ": name at least one of video, thumbnail, spritesheet");
        }
        String id = resolve(ref);
        BatchInfo batch = gateway.retrieve(id);
        if (!batch.terminal()) {
            progress.accept("Batch " + id + " is " + batch.status() + "; waiting for it to end.");
            batch = waitFor(id, poll, b -> {});
        }
        List<String> warnings = new ArrayList<>(windowWarnings(batch));
        warnings.forEach(progress);
        Map<String, Integer> lines =
                store.submissionOfBatch(id).map(s -> store.lines(s.key())).orElse(Map.of());
        Map<String, JsonNode> results = new LinkedHashMap<>();
        readResults(batch.outputFileId(), results);
        readResults(batch.errorFileId(), results);
        List<CollectResult.Row> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : results.entrySet()) {
            rows.add(
                    collectLine(id, e.getKey(), lines.get(e.getKey()), e.getValue(), outDir, variants, poll, progress));
        }
        for (Map.Entry<String, Integer> e : lines.entrySet()) {
            if (!results.containsKey(e.getKey())) {
                String why = batch.errors().isEmpty()
                        ? "no result line (the batch ended " + batch.status() + ")"
                        : String.join("; ", batch.errors());
                store.collected(id, new BatchApiStore.CollectedLine(e.getKey(), e.getValue(), null, "missing", why));
                rows.add(new CollectResult.Row(e.getKey(), e.getValue(), null, "missing", List.of(), 0, why));
            }
        }
        rows.sort(Comparator.comparing((CollectResult.Row r) -> r.line() == null ? Integer.MAX_VALUE : r.line())
                .thenComparing(CollectResult.Row::customId));
        return new CollectResult(batch, rows, warnings);
    }

    private List<String> windowWarnings(BatchInfo batch) {
        if (!"completed".equals(batch.status())) {
            return List.of();
        }
        Long done = batch.completedAt() != null ? batch.completedAt() : batch.endedAt();
        if (done == null) {
            return List.of();
        }
        Instant closes = Instant.ofEpochSecond(done).plus(DOWNLOAD_WINDOW);
        Instant now = client.clock().instant();
        if (!now.isBefore(closes)) {
            return List.of("The 24 h download window of batch " + batch.id() + " closed at " + closes
                    + "; videos not yet downloaded may be gone.");
        }
        if (Duration.between(now, closes).compareTo(WINDOW_WARNING) <= 0) {
            return List.of("The 24 h download window of batch " + batch.id() + " closes at " + closes + " (in "
                    + Duration.between(now, closes).toMinutes() + " min); collect now.");
        }
        return List.of();
    }

    private void readResults(String fileId, Map<String, JsonNode> into) {
        if (fileId == null) {
            return;
        }
        String text = new String(gateway.content(fileId), StandardCharsets.UTF_8);
        for (String raw : text.split("\n")) {
            if (raw.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(raw);
                if (n.hasNonNull("custom_id")) {
                    into.put(n.get("custom_id").asText(), n);
                }
            } catch (IOException e) {
                throw new SoraException(
                        "The batch result file " + fileId + " has a line that is not JSON: " + e.getMessage(), e);
            }
        }
    }

    private CollectResult.Row collectLine(
            String batchId,
            String customId,
            Integer line,
            JsonNode result,
            Path outDir,
            Set<Variant> variants,
            PollOptions poll,
            Consumer<String> progress) {
        JsonNode body = result.path("response").path("body");
        String videoId = "video".equals(body.path("object").asText())
                        || body.path("id").asText().startsWith("video")
                ? body.path("id").asText(null)
                : null;
        if (videoId == null) {
            String error = lineError(result);
            store.collected(batchId, new BatchApiStore.CollectedLine(customId, line, null, "refused", error));
            return new CollectResult.Row(customId, line, null, "refused", List.of(), 0, error);
        }
        try {
            VideoJob job = client.retrieve(videoId);
            if (!job.status().isTerminal()) {
                progress.accept(
                        customId + ": " + videoId + " is " + job.status().value() + "; waiting.");
                job = client.waitFor(videoId, poll, PollListener.NONE);
            }
            if (!job.status().isCompleted()) {
                String error = job.error()
                        .map(JobError::message)
                        .orElse("the video ended " + job.status().value());
                store.collected(
                        batchId,
                        new BatchApiStore.CollectedLine(
                                customId, line, videoId, job.status().value(), error));
                return new CollectResult.Row(
                        customId, line, videoId, job.status().value(), List.of(), 0, error);
            }
            List<Path> files = new ArrayList<>();
            int fetched = 0;
            for (Variant v : variants) {
                Fetched f = fetchOnce(videoId, v, outDir.resolve(customId + v.extension()));
                files.add(f.path());
                fetched += f.now() ? 1 : 0;
                progress.accept(customId + ": " + (f.now() ? "downloaded " : "already have ") + f.path());
            }
            store.collected(batchId, new BatchApiStore.CollectedLine(customId, line, videoId, "completed", null));
            return new CollectResult.Row(customId, line, videoId, "completed", files, fetched, null);
        } catch (ApiException | OutputExistsException e) {
            String error = e.getMessage();
            store.collected(batchId, new BatchApiStore.CollectedLine(customId, line, videoId, "error", error));
            return new CollectResult.Row(customId, line, videoId, "error", List.of(), 0, error);
        }
    }

    private static String lineError(JsonNode result) {
        JsonNode err = result.path("response").path("body").path("error");
        if (err.isMissingNode() || err.isNull()) {
            err = result.path("error");
        }
        if (err.isObject()) {
            String code = err.path("code").asText("");
            String message = err.path("message").asText("");
            return (code.isEmpty() ? "" : code + ": ") + message;
        }
        return "HTTP " + result.path("response").path("status_code").asText("?") + " without a video";
    }

    /**
     * Where a fetch ended and whether it downloaded now.
     *
     * @param path the file
     * @param now true when fetched by this call, false when it was already there
     */
    public record Fetched(Path path, boolean now) {}

    /**
     * Downloads one asset unless it was downloaded before (by collect, a webhook or an interrupted
     * run), through the client's robust downloader; records it once in place.
     *
     * @param videoId a completed job
     * @param variant which asset
     * @param target where to put it if not already downloaded
     * @return where it is
     * @throws OutputExistsException when {@code target} is someone else's file (not a whole video)
     */
    public Fetched fetchOnce(String videoId, Variant variant, Path target) {
        Optional<BatchApiStore.Download> known = store.download(videoId, variant.wireName());
        if (known.isPresent() && Files.isRegularFile(Path.of(known.get().path()))) {
            return new Fetched(Path.of(known.get().path()), false);
        }
        if (Files.isRegularFile(target) && adoptable(target, variant)) {
            // Renamed into place by a run killed before it recorded the download: the downloader only
            // renames checked files, so keep it instead of fetching it again.
            record(videoId, variant, target);
            return new Fetched(target.toAbsolutePath().normalize(), false);
        }
        DownloadResult r = client.download(videoId, variant, target, false);
        store.downloaded(
                new BatchApiStore.Download(videoId, variant.wireName(), r.path().toString(), r.bytes(), r.sha256()));
        return new Fetched(r.path(), true);
    }

    private static boolean adoptable(Path target, Variant variant) {
        try {
            return variant != Variant.VIDEO
                    ? Files.size(target) > 0
                    : Mp4Check.problem(target).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private void record(String videoId, Variant variant, Path target) {
        try {
            Path abs = target.toAbsolutePath().normalize();
            store.downloaded(new BatchApiStore.Download(
                    videoId, variant.wireName(), abs.toString(), Files.size(abs), Sha256.of(abs)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The store this flow records in.
     *
     * @return the store
     */
    public BatchApiStore store() {
        return store;
    }

    /**
     * The client that does the video reads and downloads.
     *
     * @return the client
     */
    public SoraClient client() {
        return client;
    }
}
