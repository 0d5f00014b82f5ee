package dev.sora4j.emulator.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fields of a POST body, whether it came as JSON or as multipart form data. Multipart names in
 * the SDKs' bracket notation are reassembled ({@code input_reference[file_id]} becomes an object,
 * {@code characters[][id]} an array of objects). A part without a filename is a text field whatever
 * its content type, because the Java SDK sends {@code video[id]} as {@code application/octet-stream}.
 */
public final class RequestFields {
    private static final Logger LOG = LoggerFactory.getLogger(RequestFields.class);

    /**
     * An uploaded file part, spooled to disk by the server when large; read it with
     * {@link Content#open()}.
     */
    public record Upload(String filename, String contentType, long size, Content content) {}

    /** Plain parts up to this size are text fields; larger ones can only be files. */
    private static final int MAX_TEXT_PART = 1 << 20;

    private static final String MULTIPART_CONFIG_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";

    private final Map<String, Object> fields;
    private final Map<String, Upload> uploads;
    private final Map<String, Upload> plainParts;

    private RequestFields(Map<String, Object> fields, Map<String, Upload> uploads, Map<String, Upload> plainParts) {
        this.fields = fields;
        this.uploads = uploads;
        this.plainParts = plainParts;
    }

    /**
     * Parses the body within {@code limits}; multipart parts over 1 MB are spooled to files in
     * {@code tempDir} by the server, never held in memory.
     */
    public static RequestFields parse(Context ctx, ObjectMapper json, Path tempDir, BodyLimits limits) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            return parseMultipart(ctx, tempDir, limits.maxMultipartBytes());
        }
        byte[] body = limits.readJson(ctx);
        if (body.length == 0) {
            return new RequestFields(new LinkedHashMap<>(), Map.of(), Map.of());
        }
        if (!type.isEmpty() && !type.startsWith("application/json")) {
            throw ApiError.invalidRequest(
                    null,
                    "Unsupported content type '" + ctx.contentType()
                            + "'. Send application/json or multipart/form-data.");
        }
        try {
            Map<String, Object> parsed = json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
            return new RequestFields(parsed, Map.of(), Map.of());
        } catch (IOException e) {
            throw ApiError.invalidRequest(
                    null,
                    "We could not parse the JSON body of your request. "
                            + "(HINT: This likely means you aren't using your HTTP library correctly.)");
        }
    }

    private static RequestFields parseMultipart(Context ctx, Path tempDir, long maxBytes) {
        ctx.req()
                .setAttribute(
                        MULTIPART_CONFIG_ATTRIBUTE,
                        new MultipartConfigElement(tempDir.toString(), maxBytes, maxBytes, 1 << 20));
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Upload> uploads = new LinkedHashMap<>();
        Map<String, Upload> plainParts = new LinkedHashMap<>();
        try {
            for (Part part : ctx.req().getParts()) {
                Upload upload = new Upload(
                        part.getSubmittedFileName(), part.getContentType(), part.getSize(), part::getInputStream);
                if (part.getSubmittedFileName() == null) {
                    // A large plain part is a byte[] upload from the Java SDK: never a string in memory.
                    String text = "";
                    if (part.getSize() <= MAX_TEXT_PART) {
                        try (InputStream in = part.getInputStream()) {
                            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        }
                    }
                    putBracketed(fields, part.getName(), text);
                    plainParts.put(part.getName(), upload);
                } else {
                    uploads.put(part.getName(), upload);
                }
            }
        } catch (IllegalStateException e) {
            // Jetty's multipart parser reports a body or part over its limits this way.
            LOG.info("multipart body of {} {} over its limit", ctx.method(), ctx.path(), e);
            throw BodyLimits.tooLarge(-1, maxBytes);
        } catch (IOException | ServletException e) {
            LOG.info("multipart body of {} {} refused", ctx.method(), ctx.path(), e);
            throw ApiError.invalidRequest(
                    null, "Could not parse multipart form data; send a well-formed multipart/form-data body.");
        }
        return new RequestFields(fields, uploads, plainParts);
    }

    /** Puts {@code value} at a bracket path such as {@code a[b]}, {@code a[]} or {@code a[][b]}. */
    @SuppressWarnings("unchecked")
    public static void putBracketed(Map<String, Object> root, String name, Object value) {
        int open = name.indexOf('[');
        if (open < 0) {
            root.put(name, value);
            return;
        }
        List<String> keys = new ArrayList<>();
        keys.add(name.substring(0, open));
        int i = open;
        while (i < name.length() && name.charAt(i) == '[') {
            int close = name.indexOf(']', i);
            if (close < 0) {
                root.put(name, value);
                return;
            }
            keys.add(name.substring(i + 1, close));
            i = close + 1;
        }
        Object container = root;
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            boolean last = k == keys.size() - 1;
            String nextKey = last ? null : keys.get(k + 1);
            if (container instanceof Map) {
                Map<String, Object> map = (Map<String, Object>) container;
                if (last) {
                    map.put(key, value);
                } else {
                    container = map.computeIfAbsent(
                            key, x -> nextKey.isEmpty() ? new ArrayList<>() : new LinkedHashMap<>());
                }
            } else if (container instanceof List) {
                List<Object> list = (List<Object>) container;
                if (last) {
                    list.add(value);
                } else {
                    // "a[][b]": a new element starts when the last one already has key b.
                    Map<String, Object> tail = list.isEmpty() ? null : (Map<String, Object>) list.get(list.size() - 1);
                    if (tail == null || tail.containsKey(nextKey)) {
                        tail = new LinkedHashMap<>();
                        list.add(tail);
                    }
                    container = tail;
                }
            }
        }
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /**
     * An uploaded file. The Java SDK sends {@code byte[]} uploads as a part without a filename, so a
     * plain part holding a string where a file may stand counts as an upload too.
     */
    public Upload upload(String name) {
        Upload file = uploads.get(name);
        if (file == null && fields.get(name) instanceof String) {
            Upload plain = plainParts.get(name);
            if (plain != null) {
                fields.remove(name);
                return new Upload("upload", plain.contentType(), plain.size(), plain.content());
            }
        }
        return file;
    }

    /** A text field, or null when absent; a non-text value is an error naming the field. */
    public String text(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw ApiError.invalidRequest(name, "Invalid type for '" + name + "': expected a string.");
    }
}
