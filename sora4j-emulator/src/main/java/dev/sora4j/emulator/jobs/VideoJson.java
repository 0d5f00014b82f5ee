package dev.sora4j.emulator.jobs;

import dev.sora4j.emulator.config.Dialect;
import dev.sora4j.emulator.store.StoredVideo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire form of a job at one instant: the spec's 13 fields, in the spec's order, in the configured {@link Dialect}. */
public final class VideoJson {
    private final Timeline timeline;
    private final Dialect dialect;

    public VideoJson(Timeline timeline, Dialect dialect) {
        this.timeline = timeline;
        this.dialect = dialect;
    }

    public Map<String, Object> of(StoredVideo v, long nowMs) {
        Timeline.View view = timeline.view(v, nowMs);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", v.id());
        out.put("object", "video");
        out.put("model", v.model());
        out.put("status", view.status());
        out.put("progress", view.progress());
        out.put("created_at", v.createdAtMs() / 1000);
        out.put("completed_at", view.completedAt());
        out.put("expires_at", view.expiresAt());
        out.put("prompt", v.prompt());
        out.put("size", v.size());
        out.put("seconds", v.seconds());
        out.put("remixed_from_video_id", v.remixedFromVideoId());
        out.put("error", view.error());
        if (dialect == Dialect.GATEWAY) {
            // Gateways report lapsed assets and cancelled batch jobs as their own statuses, and omit nulls.
            if (view.status().equals("completed") && view.expiresAt() != null && nowMs / 1000 >= view.expiresAt()) {
                out.put("status", "expired");
            } else if (view.error() != null
                    && JobFailures.CANCELLED_CODE.equals(view.error().get("code"))) {
                out.put("status", "cancelled");
            }
            out.values().removeIf(java.util.Objects::isNull);
        }
        return out;
    }
}
