package dev.sora4j.internal.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.MultipartField;
import com.openai.core.http.HttpResponse;
import com.openai.models.batches.Batch;
import com.openai.models.batches.BatchCreateParams;
import com.openai.models.batches.BatchListPage;
import com.openai.models.batches.BatchListParams;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileListParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import dev.sora4j.spi.BatchApiGateway;
import dev.sora4j.spi.BatchInfo;
import dev.sora4j.spi.RemoteFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Files and Batch endpoints through the SDK's typed services (their bodies are exactly what the
 * spec describes: multipart for uploads, JSON for batches), so retries, auth and timeouts are the SDK's.
 */
public final class OpenAiBatchGateway implements BatchApiGateway {
    private final OpenAIClient client;
    private final OpenAIClient clientOnce;
    private final int maxRetries;
    private final SdkErrors errors;

    /**
     * Connects (lazily, as the SDK does) with these settings.
     *
     * @param settings base URL, key, auth header, retries and timeout
     */
    public OpenAiBatchGateway(GatewaySettings settings) {
        SdkConnection connection = SdkConnection.open(settings);
        this.client = connection.client();
        this.clientOnce = connection.clientOnce();
        this.maxRetries = settings.maxRetries();
        this.errors = new SdkErrors(connection.options().baseUrl());
    }

    @Override
    public RemoteFile upload(byte[] bytes, String filename, String purpose) {
        // An upload answered by a lost connection may be on the server: not sent again blindly. Each
        // attempt gets a fresh stream over the bytes.
        return CreateOnce.send(
                maxRetries,
                () -> errors.call(() -> file(clientOnce.files().create(uploadParams(bytes, filename, purpose)))));
    }

    private static FileCreateParams uploadParams(byte[] bytes, String filename, String purpose) {
        return FileCreateParams.builder()
                .file(MultipartField.<InputStream>builder()
                        .value(new ByteArrayInputStream(bytes))
                        .filename(filename)
                        .contentType(filename.endsWith(".jsonl") ? "application/jsonl" : "application/octet-stream")
                        .build())
                .purpose(FilePurpose.of(purpose))
                .build();
    }

    @Override
    public List<RemoteFile> listFiles(String purpose) {
        FileListParams.Builder b = FileListParams.builder().limit(10_000L);
        if (purpose != null) {
            b.purpose(purpose);
        }
        FileListParams params = b.build();
        return errors.call(() -> {
            List<RemoteFile> out = new ArrayList<>();
            for (FileObject f : client.files().list(params).autoPager()) {
                out.add(file(f));
            }
            return out;
        });
    }

    @Override
    public byte[] content(String fileId) {
        return errors.call(() -> {
            try (HttpResponse response = client.files().content(fileId)) {
                return response.body().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public BatchInfo create(String inputFileId, String completionWindow, Map<String, String> metadata) {
        BatchCreateParams.Metadata.Builder meta = BatchCreateParams.Metadata.builder();
        metadata.forEach(meta::putProperty);
        BatchCreateParams params = BatchCreateParams.builder()
                .inputFileId(inputFileId)
                .endpoint(BatchCreateParams.Endpoint.V1_VIDEOS)
                .completionWindow(BatchCreateParams.CompletionWindow.of(completionWindow))
                .metadata(meta.build())
                .build();
        return CreateOnce.send(
                maxRetries, () -> errors.call(() -> batch(clientOnce.batches().create(params))));
    }

    @Override
    public BatchInfo retrieve(String batchId) {
        return errors.call(() -> batch(client.batches().retrieve(batchId)));
    }

    @Override
    public BatchInfo cancel(String batchId) {
        return errors.call(() -> batch(client.batches().cancel(batchId)));
    }

    @Override
    public BatchPage list(int limit, Optional<String> after) {
        BatchListParams.Builder b = BatchListParams.builder().limit((long) limit);
        after.ifPresent(b::after);
        BatchListParams params = b.build();
        return errors.call(() -> {
            BatchListPage page = client.batches().list(params);
            List<BatchInfo> data = new ArrayList<>();
            for (Batch batch : page.data()) {
                data.add(batch(batch));
            }
            return new BatchPage(data, page.hasNextPage());
        });
    }

    @Override
    public void close() {
        client.close();
    }

    private static BatchInfo batch(Batch b) {
        return BatchInfo.parse(WireJsonParsing.write(b));
    }

    private static RemoteFile file(FileObject f) {
        return new RemoteFile(f.id(), f.filename(), f.purpose().asString(), f.bytes(), f.createdAt());
    }
}
