package dev.sora4j.model;

import java.util.List;

/** One page of the video list; {@code json} is the service's list object verbatim. */
public record VideoPage(List<VideoJob> data, String firstId, String lastId, boolean hasMore, String json) {
    public VideoPage {
        data = List.copyOf(data);
    }
}
