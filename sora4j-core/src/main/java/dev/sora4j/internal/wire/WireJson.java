package dev.sora4j.internal.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sora4j.internal.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link WireRequest} as canonical JSON (sorted keys), and its sha256: what the ledger records. */
public final class WireJson {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private WireJson() {}

    public static String canonical(WireRequest wire) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("method", wire.method());
        all.put("path", wire.path());
        all.put("body", wire.fields());
        Map<String, String> files = new LinkedHashMap<>();
        wire.files().forEach((k, v) -> files.put(k, v.toString()));
        if (!files.isEmpty()) {
            all.put("files", files);
        }
        try {
            return JSON.writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The hash the ledger records.
     *
     * @param text canonical JSON
     * @return hex sha256
     */
    public static String sha256(String text) {
        return Sha256.of(text);
    }
}
