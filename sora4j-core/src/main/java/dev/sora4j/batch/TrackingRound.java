package dev.sora4j.batch;

import dev.sora4j.SoraClient;
import dev.sora4j.errors.ApiException;
import dev.sora4j.model.ListQuery;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoPage;
import dev.sora4j.providers.Feature;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One look at every pending job with few requests: the newest pages of the list endpoint (100 jobs
 * each), then a retrieve for each job the list did not show. A provider without a list route gets
 * the retrieves only.
 */
final class TrackingRound {
    private final SoraClient client;

    TrackingRound(SoraClient client) {
        this.client = client;
    }

    /**
     * The jobs seen, by id; a job whose retrieve failed permanently is in {@code failures}
     * (transient failures are simply not seen this round).
     */
    Map<String, VideoJob> look(Set<String> pending, Map<String, ApiException> failures) {
        Map<String, VideoJob> seen = listRound(pending);
        for (String id : pending) {
            if (!seen.containsKey(id)) {
                try {
                    seen.put(id, client.retrieve(id));
                } catch (ApiException e) {
                    if (!e.isTransient()) {
                        failures.put(id, e);
                    }
                }
            }
        }
        return seen;
    }

    /** One pass over the newest pages of the list endpoint, until every pending job was seen or the pages run out. */
    private Map<String, VideoJob> listRound(Set<String> pending) {
        Map<String, VideoJob> seen = new HashMap<>();
        if (client.provider().refusal(Feature.LIST).isPresent()) {
            return seen; // No list route (OpenRouter, new-api): the per-job retrieves cover the round.
        }
        String after = null;
        int pages = pending.size() / 100 + 2;
        for (int p = 0; p < pages; p++) {
            VideoPage page;
            try {
                page = client.list(new ListQuery(100, "desc", after));
            } catch (ApiException e) {
                break; // The per-job fallback covers this round.
            }
            for (VideoJob v : page.data()) {
                if (pending.contains(v.id())) {
                    seen.put(v.id(), v);
                }
            }
            if (seen.size() == pending.size() || !page.hasMore() || page.lastId() == null) {
                break;
            }
            after = page.lastId();
        }
        return seen;
    }
}
