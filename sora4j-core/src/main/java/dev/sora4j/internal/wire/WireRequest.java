package dev.sora4j.internal.wire;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request exactly as it goes on the wire: the gateway sends it and {@code --dry-run} prints it,
 * so a preview can never differ from what is sent. Without files the body is JSON; with files it is
 * multipart, nested fields flattened in the SDKs' bracket notation.
 *
 * @param path relative to the base URL, e.g. {@code videos/edits}
 * @param fields the body: strings, objects ({@code Map}) and arrays of objects
 * @param files file parts by field name
 */
public record WireRequest(String method, String path, Map<String, Object> fields, Map<String, Path> files) {
    public WireRequest {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public boolean multipart() {
        return !files.isEmpty();
    }

    /** The endpoint as the API reference writes it, e.g. {@code /v1/videos/edits}. */
    public String endpoint() {
        return "/v1/" + path;
    }

    public String contentType() {
        if (method.equals("DELETE") || method.equals("GET")) {
            return null;
        }
        return multipart() ? "multipart/form-data" : "application/json";
    }

    /**
     * The reference CLI's preview shape, {@code {"endpoint": ..., <body fields>}}, plus the method
     * and content type; an uploaded file shows as its path.
     */
    public Map<String, Object> preview() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("method", method);
        p.put("endpoint", endpoint());
        if (contentType() != null) {
            p.put("content_type", contentType());
        }
        p.putAll(fields);
        files.forEach((name, file) -> p.put(name, file.toString()));
        return p;
    }

    /** Text parts in bracket notation: {@code characters[][id]}, {@code input_reference[file_id]}. */
    public List<Map.Entry<String, String>> multipartTextParts() {
        List<Map.Entry<String, String>> parts = new ArrayList<>();
        fields.forEach((name, value) -> flatten(name, value, parts));
        return parts;
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
