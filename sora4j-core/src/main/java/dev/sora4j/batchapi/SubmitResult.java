package dev.sora4j.batchapi;

import dev.sora4j.spi.BatchInfo;
import java.util.Map;

/**
 * What {@link SoraBatches#submit} did.
 *
 * @param key the submission key (also in the batch's metadata as {@code sora4j_submission})
 * @param batch the batch as last seen
 * @param inputFileId the uploaded input file
 * @param imageFileIds the uploaded first-frame image of each jobs-file line
 * @param resumed whether an earlier run had already created the batch (nothing was created now)
 * @param estimatedCostUsd the batch-priced estimate
 */
public record SubmitResult(
        String key,
        BatchInfo batch,
        String inputFileId,
        Map<Integer, String> imageFileIds,
        boolean resumed,
        double estimatedCostUsd) {
    /**
     * Copies the image file ids into an unmodifiable map.
     *
     * @param key the submission key (also in the batch's metadata as {@code sora4j_submission})
     * @param batch the batch as last seen
     * @param inputFileId the uploaded input file
     * @param imageFileIds the uploaded first-frame image of each jobs-file line
     * @param resumed whether an earlier run had already created the batch (nothing was created now)
     * @param estimatedCostUsd the batch-priced estimate
     */
    public SubmitResult {
        imageFileIds = Map.copyOf(imageFileIds);
    }
}
