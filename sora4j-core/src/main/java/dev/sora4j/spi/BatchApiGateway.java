package dev.sora4j.spi;

import java.util.List;
import java.util.Optional;

/**
 * The Files and Batch endpoints as the Batch API flow needs them. The SDK-backed implementation
 * lives beside the video gateway; tests may wrap it (for example to lose an answer after a call).
 * Failures surface as {@link dev.sora4j.errors.ApiException}.
 */
public interface BatchApiGateway extends AutoCloseable {
    /**
     * Uploads bytes through {@code POST /files}.
     *
     * @param bytes the content
     * @param filename the name the server keeps (sora4j puts its submission key in it to find it again)
     * @param purpose {@code batch} for input files, {@code vision} for first-frame images
     * @return the stored file
     */
    RemoteFile upload(byte[] bytes, String filename, String purpose);

    /**
     * Uploaded files, newest first.
     *
     * @param purpose only files with this purpose, or null for all
     * @return every file the server lists
     */
    List<RemoteFile> listFiles(String purpose);

    /**
     * Reads a file's content ({@code GET /files/{id}/content}).
     *
     * @param fileId the file
     * @return its bytes
     */
    byte[] content(String fileId);

    /**
     * Creates a batch over {@code /v1/videos}.
     *
     * @param inputFileId the uploaded JSONL
     * @param completionWindow {@code 24h}
     * @param metadata up to 16 keys
     * @return the new batch
     */
    BatchInfo create(String inputFileId, String completionWindow, java.util.Map<String, String> metadata);

    /**
     * Retrieves a batch.
     *
     * @param batchId the batch
     * @return the batch now
     */
    BatchInfo retrieve(String batchId);

    /**
     * Asks the server to cancel a batch.
     *
     * @param batchId the batch
     * @return the batch as the server answered (usually {@code cancelling})
     */
    BatchInfo cancel(String batchId);

    /**
     * One page of batches, newest first.
     *
     * @param limit page size 1..100
     * @param after cursor (the last id of the previous page), or empty for the first page
     * @return the page
     */
    BatchPage list(int limit, Optional<String> after);

    @Override
    void close();

    /**
     * One page of {@link #list}.
     *
     * @param data the batches
     * @param hasMore whether another page follows
     */
    record BatchPage(List<BatchInfo> data, boolean hasMore) {
        /**
         * Copies the page's batches into an unmodifiable list.
         *
         * @param data the batches
         * @param hasMore whether another page follows
         */
        public BatchPage {
            data = List.copyOf(data);
        }
    }
}
