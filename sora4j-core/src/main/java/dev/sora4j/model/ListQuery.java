package dev.sora4j.model;

/**
 * One page request of the video list.
 *
 * @param limit page size 1..100, or null for the server's default
 * @param order {@code asc} or {@code desc}, or null for the server's default
 * @param after the last id of the previous page, or null for the first page
 */
public record ListQuery(Integer limit, String order, String after) {
    /**
     * The first page with the server's defaults.
     *
     * @return the query
     */
    public static ListQuery firstPage() {
        return new ListQuery(null, null, null);
    }
}
