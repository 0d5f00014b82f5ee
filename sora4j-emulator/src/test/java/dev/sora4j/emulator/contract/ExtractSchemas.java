package dev.sora4j.emulator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Copies the schemas the contract suite checks, and every schema they reference, out of OpenAI's
 * OpenAPI document into {@code src/test/resources/contract/openapi-2026-08-21.schemas.json}, so the
 * tests need neither the 3 MB document nor a YAML parse. Unchanged content; only the subset. Rerun:
 * <pre>
 * mvn -q -pl sora4j-emulator test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp sora4j-emulator/target/test-classes:$(cat sora4j-emulator/cp.txt) \
 *     dev.sora4j.emulator.contract.ExtractSchemas ../shared/reference/openai-openapi-2026-08-21.yaml \
 *     sora4j-emulator/src/test/resources/contract/openapi-2026-08-21.schemas.json
 * </pre>
 */
public final class ExtractSchemas {
    static final List<String> ROOTS = List.of(
            "VideoResource",
            "VideoListResource",
            "DeletedVideoResource",
            "VideoCharacterResource",
            "ErrorResponse",
            "OpenAIFile",
            "Batch",
            "ListFilesResponse",
            "ListBatchesResponse",
            "DeleteFileResponse");

    private ExtractSchemas() {}

    public static void main(String[] args) throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(new File(args[0]));
        JsonNode schemas = spec.path("components").path("schemas");
        Map<String, JsonNode> picked = new TreeMap<>();
        Deque<String> todo = new ArrayDeque<>(ROOTS);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (picked.containsKey(name)) {
                continue;
            }
            JsonNode schema = schemas.get(name);
            if (schema == null) {
                throw new IllegalStateException("schema " + name + " is not in " + args[0]);
            }
            picked.put(name, schema);
            collectRefs(schema, todo);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        out.put(
                "source",
                "components/schemas of openai-openapi-2026-08-21.yaml (OpenAPI "
                        + spec.path("openapi").asText() + "), the subset reachable from " + ROOTS);
        ObjectNode components = out.putObject("components").putObject("schemas");
        picked.forEach(components::set);
        json.writerWithDefaultPrettyPrinter().writeValue(new File(args[1]), out);
        System.out.println(picked.size() + " schemas: " + picked.keySet());
    }

    private static void collectRefs(JsonNode node, Deque<String> todo) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
                todo.push(ref.asText().substring("#/components/schemas/".length()));
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collectRefs(it.next(), todo);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collectRefs(item, todo);
            }
        }
    }
}
