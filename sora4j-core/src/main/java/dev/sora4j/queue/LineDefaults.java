package dev.sora4j.queue;

import dev.sora4j.batch.BatchDefaults;
import java.util.List;

/**
 * The create flags a queued line gets unless it says otherwise (the subset of create-batch's that a
 * queue keeps): model, size, seconds and prompt augmentation.
 *
 * @param model the model, or null
 * @param size the size, or null
 * @param seconds the clip length, or null
 * @param augment whether prompts are wrapped in the structured template
 */
public record LineDefaults(String model, String size, String seconds, boolean augment) {
    /**
     * As the batch reader takes them.
     *
     * @return the batch defaults
     */
    public BatchDefaults toBatchDefaults() {
        return new BatchDefaults(model, size, seconds, List.of(), null, null, augment);
    }
}
