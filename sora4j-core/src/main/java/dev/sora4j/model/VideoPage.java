package dev.sora4j.model;

import java.util.List;

/** One page of the video list; {@code json} is the service's list object verbatim. */
public record VideoPage(List<VideoJob> data, String firstId, String lastId, boolean hasMore, String json) {
    /**
     * Checks the components.
     *
     * @param data the data
     * @param firstId the first id
     * @param hasMore the has more
     * @param json the json
     * @param lastId the last id
     */
    public VideoPage {
        data = List.copyOf(data);
    }
}
