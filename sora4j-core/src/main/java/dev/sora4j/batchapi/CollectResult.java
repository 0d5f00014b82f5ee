package dev.sora4j.batchapi;

import dev.sora4j.spi.BatchInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SoraBatches#collect} found and fetched.
 *
 * @param batch the batch as last seen
 * @param rows one per request line, by jobs-file line when known
 * @param warnings e.g. the 24 h download window is near or past
 */
public record CollectResult(BatchInfo batch, List<Row> rows, List<String> warnings) {
    /**
     * Copies the rows and warnings into unmodifiable lists.
     *
     * @param batch the batch as last seen
     * @param rows one per request line, by jobs-file line when known
     * @param warnings e.g. the 24 h download window is near or past
     */
    public CollectResult {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /**
     * One request line.
     *
     * @param customId its custom_id
     * @param line its jobs-file line, when this store submitted the batch
     * @param videoId the job it created, or null when refused
     * @param status the job's final status, {@code refused}, or {@code missing} (no result line)
     * @param files the downloaded files (already present ones included)
     * @param downloadedNow how many of {@code files} were fetched by this run
     * @param error why the line failed, or null
     */
    public record Row(
            String customId,
            Integer line,
            String videoId,
            String status,
            List<Path> files,
            int downloadedNow,
            String error) {
        /**
         * Copies the files into an unmodifiable list.
         *
         * @param customId its custom_id
         * @param line its jobs-file line, when this store submitted the batch
         * @param videoId the job it created, or null when refused
         * @param status the job's final status, {@code refused}, or {@code missing} (no result line)
         * @param files the downloaded files (already present ones included)
         * @param downloadedNow how many of {@code files} were fetched by this run
         * @param error why the line failed, or null
         */
        public Row {
            files = List.copyOf(files);
        }

        /**
         * Whether the line's video completed and every asked variant is on disk.
         *
         * @return true when nothing is left to do
         */
        public boolean ok() {
            return error == null && "completed".equals(status);
        }
    }

    /**
     * Lines that did not end with their files on disk.
     *
     * @return the failed rows
     */
    public List<Row> failed() {
        return rows.stream().filter(r -> !r.ok()).toList();
    }
}
