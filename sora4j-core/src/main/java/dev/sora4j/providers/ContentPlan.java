package dev.sora4j.providers;

import dev.sora4j.model.Variant;
import java.util.Map;

/** How to get one variant of a completed job from one provider: fetch it, derive it locally, or refuse. */
public sealed interface ContentPlan {
    /**
     * GET {@code path} (relative to the base URL) with {@code query}.
     *
     * @param path the route to fetch, relative to the base URL
     * @param query the query parameters to send
     * @param checkKind the server's support is unverified or it may answer with the MP4 whatever was
     *     asked: check the bytes' kind ({@code MediaKind}) before writing, and never write a file
     *     whose content is not the variant asked for
     */
    record Fetch(String path, Map<String, String> query, boolean checkKind) implements ContentPlan {
        /**
         * Copies {@code query} into an unmodifiable map.
         *
         * @param path the route to fetch, relative to the base URL
         * @param query the query parameters to send
         * @param checkKind the server's support is unverified or it may answer with the MP4 whatever was
         *     asked: check the bytes' kind ({@code MediaKind}) before writing, and never write a file
         *     whose content is not the variant asked for
         */
        public Fetch {
            query = Map.copyOf(query);
        }
    }

    /**
     * Download {@code from} (the video) and make {@code target} from it locally.
     *
     * @param from the variant to download
     * @param target the variant to make from it
     */
    record Derive(Variant from, Variant target) implements ContentPlan {}

    /**
     * Not possible with this provider: print {@code message} and exit 2 before any request.
     *
     * @param message the one-line refusal to print
     */
    record Refuse(String message) implements ContentPlan {}
}
