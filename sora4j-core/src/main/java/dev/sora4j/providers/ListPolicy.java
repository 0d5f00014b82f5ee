package dev.sora4j.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How a provider pages {@code GET /videos} (providers.md §8 "List"). */
public enum ListPolicy {
    /**
     * A page with {@code has_more} and {@code last_id}; the next page is {@code after=last_id}. Always
     * {@code last_id}, never {@code data[-1].id}: LiteLLM re-encodes item ids but leaves the cursors raw (§1).
     */
    CURSORS,
    /** {@code data} only, {@code after}/{@code limit}/{@code order} honoured: stop at a short page (SGLang, §3). */
    SHORT_PAGE,
    /** {@code data} only, every job in one answer, no query parameters (TRT-LLM, §4). */
    SINGLE_PAGE,
    /** No list route (OpenRouter, new-api): the local ledger is the list. */
    NONE;

    /**
     * The query for one page; empty for {@link #SINGLE_PAGE} and {@link #NONE}.
     *
     * @param limit the page size, or null to leave it to the server
     * @param after the cursor to continue from, or null/blank for the first page
     * @param order the sort order ({@code asc} or {@code desc}), or null/blank for the server's default
     * @return the query parameters to send, in order
     */
    public Map<String, String> query(Integer limit, String after, String order) {
        Map<String, String> q = new LinkedHashMap<>();
        if (this == CURSORS || this == SHORT_PAGE) {
            if (limit != null) {
                q.put("limit", Integer.toString(limit));
            }
            if (after != null && !after.isBlank()) {
                q.put("after", after);
            }
            if (order != null && !order.isBlank()) {
                q.put("order", order);
            }
        }
        return q;
    }

    /**
     * The {@code after} value for the next page, or empty when this page was the last.
     *
     * @param page the list answer
     * @param limit the limit sent (used by {@link #SHORT_PAGE})
     * @return the cursor for the next page, or empty when there is none
     */
    public Optional<String> nextAfter(JsonNode page, int limit) {
        JsonNode data = page.path("data");
        switch (this) {
            case CURSORS -> {
                String last =
                        page.path("last_id").isTextual() ? page.path("last_id").asText() : null;
                if (page.path("has_more").asBoolean(false) && last != null && !last.isBlank()) {
                    return Optional.of(last);
                }
                return Optional.empty();
            }
            case SHORT_PAGE -> {
                if (!data.isArray() || data.size() < limit || data.size() == 0) {
                    return Optional.empty();
                }
                JsonNode id = data.get(data.size() - 1).path("id");
                return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
