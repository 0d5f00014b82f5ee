package dev.sora4j.providers.request;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A create request exactly as one provider must receive it: the transport sends it, {@code --dry-run}
 * prints {@link #preview()}. Unlike the OpenAI path, the encoding is explicit: vLLM-Omni needs
 * multipart even without a file (providers.md §2), OpenRouter JSON only (§6).
 *
 * @param path relative to the base URL ({@code videos})
 * @param encoding how the body is encoded
 * @param fields the body in order: strings, numbers, booleans, maps and lists
 * @param files file parts by field name (multipart only)
 */
public record WireCreate(String path, Encoding encoding, Map<String, Object> fields, Map<String, Path> files) {
    /** The body's encoding. */
    public enum Encoding {
        /** A JSON body. */
        JSON("application/json"),
        /** A multipart form body, with or without files. */
        MULTIPART("multipart/form-data");

        private final String contentType;

        Encoding(String contentType) {
            this.contentType = contentType;
        }

        /**
         * The body's media type.
         *
         * @return the {@code Content-Type} value, without a multipart boundary
         */
        public String contentType() {
            return contentType;
        }
    }

    /**
     * Copies the fields and files, keeping their order.
     *
     * @param path relative to the base URL ({@code videos})
     * @param encoding how the body is encoded
     * @param fields the body in order: strings, numbers, booleans, maps and lists
     * @param files file parts by field name (multipart only)
     * @throws IllegalArgumentException when a JSON body is given files
     */
    public WireCreate {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        if (encoding == Encoding.JSON && !files.isEmpty()) {
            throw new IllegalArgumentException("a JSON body cannot carry files");
        }
    }

    /**
     * Text parts for multipart: every value as a string, nested values in the OpenAI SDKs' bracket
     * notation ({@code characters[][id]}). Values a dialect wants as JSON-in-a-field were already
     * serialised by the encoder.
     *
     * @return the name and string value of every text part, in order
     */
    public List<Map.Entry<String, String>> textParts() {
        List<Map.Entry<String, String>> parts = new ArrayList<>();
        fields.forEach((name, value) -> flatten(name, value, parts));
        return parts;
    }

    /**
     * The dry-run view: method, endpoint, content type, fields; a file shows as its path.
     *
     * @return the view, in printing order
     */
    public Map<String, Object> preview() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("method", "POST");
        p.put("path", path);
        p.put("content_type", encoding.contentType());
        p.putAll(fields);
        files.forEach((name, file) -> p.put(name, file.toString()));
        return p;
    }

    private static void flatten(String name, Object value, List<Map.Entry<String, String>> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(name + "[" + k + "]", v, out));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                flatten(name + "[]", item, out);
            }
        } else if (value != null) {
            out.add(Map.entry(name, String.valueOf(value)));
        }
    }
}
