package dev.sora4j.emulator.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Cursor pagination as the list endpoints do it: {@code limit}, {@code order}, {@code after}. */
public final class Pages {
    private Pages() {}

    /**
     * One page of {@code items} (oldest first) as {@code {object: list, data, first_id, last_id, has_more}}.
     *
     * @param defaultOrder {@code desc} for videos and files, {@code null} to take items as given (batches)
     */
    public static <T> Map<String, Object> page(
            Context ctx,
            List<T> items,
            Function<T, String> id,
            Function<T, Object> wire,
            int defaultLimit,
            int maxLimit,
            String defaultOrder) {
        int limit = intParam(ctx, "limit", defaultLimit, 0, maxLimit);
        List<T> all = new ArrayList<>(items);
        if (defaultOrder != null) {
            String order = ctx.queryParam("order") == null ? defaultOrder : ctx.queryParam("order");
            if (!order.equals("asc") && !order.equals("desc")) {
                throw ApiError.invalidValue("order", order, List.of("asc", "desc"));
            }
            if (order.equals("desc")) {
                Collections.reverse(all);
            }
        } else {
            Collections.reverse(all);
        }
        String after = ctx.queryParam("after");
        int start = 0;
        if (after != null && !after.isEmpty()) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (id.apply(all.get(i)).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw ApiError.invalidRequest("after", "Invalid 'after': no object with id '" + after + "'.");
            }
        }
        List<T> page = all.subList(start, Math.min(all.size(), start + limit));
        List<Object> data = new ArrayList<>();
        for (T item : page) {
            data.add(wire.apply(item));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", data);
        out.put("first_id", page.isEmpty() ? null : id.apply(page.get(0)));
        out.put("last_id", page.isEmpty() ? null : id.apply(page.get(page.size() - 1)));
        out.put("has_more", start + page.size() < all.size());
        return out;
    }

    public static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return dflt;
        }
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiError.invalidRequest(name, "Invalid '" + name + "': expected an integer, got '" + raw + "'.");
        }
        if (value < min || value > max) {
            throw ApiError.invalidRequest(
                    name,
                    "Invalid '" + name + "': expected a value between " + min + " and " + max + ", but got " + value
                            + " instead.");
        }
        return value;
    }
}
