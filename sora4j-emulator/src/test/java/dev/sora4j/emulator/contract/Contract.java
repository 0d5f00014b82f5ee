package dev.sora4j.emulator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The official response schemas (a subset of OpenAI's 2026-08-21 OpenAPI document, see
 * {@link ExtractSchemas}) with {@code overlay.json} merged in, validated by networknt's JSON Schema
 * validator under draft 2020-12 (OpenAPI 3.1's dialect).
 */
final class Contract {
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false) // "unixtime" is OpenAI's own format name, not a JSON Schema one
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    Contract() throws IOException {
        JsonNode base = read("/contract/openapi-2026-08-21.schemas.json");
        mergePatch((ObjectNode) base, read("/contract/overlay.json").get("components"), "components");
        this.document = base;
    }

    /** The violations of {@code body} against schema {@code name}; empty when it conforms. */
    Set<String> violations(String name, JsonNode body) {
        JsonSchema schema = schemas.computeIfAbsent(name, n -> {
            ObjectNode root = json.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.put("$ref", "#/components/schemas/" + n);
            root.set("components", document.get("components"));
            return factory.getSchema(root, config);
        });
        Set<ValidationMessage> messages = schema.validate(body);
        return messages.stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = Contract.class.getResourceAsStream(resource)) {
            return json.readTree(in);
        }
    }

    /** RFC 7386: objects merge key by key, anything else replaces. */
    private static void mergePatch(ObjectNode target, JsonNode patch, String key) {
        JsonNode existing = target.get(key);
        if (patch.isObject() && existing != null && existing.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                mergePatch((ObjectNode) existing, e.getValue(), e.getKey());
            }
        } else if (patch.isNull()) {
            target.remove(key);
        } else {
            target.set(key, patch);
        }
    }
}
