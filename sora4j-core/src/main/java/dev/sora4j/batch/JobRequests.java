package dev.sora4j.batch;

import static dev.sora4j.errors.SoraException.ref;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.preflight.JsonProblems;
import dev.sora4j.prompt.PromptAugmenter;
import dev.sora4j.prompt.PromptFields;
import dev.sora4j.providers.request.ExtraFields;
import dev.sora4j.rules.Ids;
import dev.sora4j.rules.Suggest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns one line of a jobs file into a validated {@link BatchJob}: parses the line (a prompt string
 * or a JSON object), applies the command line's defaults and the line's overrides, augments the
 * prompt, validates the request and names its output file.
 */
final class JobRequests {
    private static final Set<String> INPUT_REFERENCE_KEYS = Set.of(
            "input_reference",
            "input_reference_path",
            "input_reference_file",
            "input_reference_file_id",
            "input_reference_url");
    private static final Set<String> KNOWN_KEYS;

    static {
        Set<String> keys = new LinkedHashSet<>(
                List.of("prompt", "model", "size", "seconds", "characters", "character_ids", "out", "fields", "extra"));
        keys.addAll(INPUT_REFERENCE_KEYS);
        keys.addAll(PromptFields.KEYS);
        KNOWN_KEYS = Set.copyOf(keys);
    }

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private final ObjectMapper json = new ObjectMapper();
    private final UnaryOperator<VideoRequest> rules;
    private final BatchDefaults defaults;
    private final Consumer<String> warn;

    JobRequests(UnaryOperator<VideoRequest> rules, BatchDefaults defaults, Consumer<String> warn) {
        this.rules = rules;
        this.defaults = defaults;
        this.warn = warn;
    }

    /** One non-blank, non-comment line as a validated job. */
    BatchJob job(String raw, int number, int lineNo, Path baseDir) {
        JsonNode node;
        if (raw.startsWith("{")) {
            try {
                node = json.readTree(raw);
            } catch (JsonProcessingException e) {
                throw new InvalidRequestException("input", "invalid JSON: " + JsonProblems.describe(e));
            }
        } else if (raw.startsWith("\"")) {
            try {
                node = json.readTree(raw);
            } catch (JsonProcessingException e) {
                throw new InvalidRequestException("input", "invalid JSON string: " + JsonProblems.describe(e));
            }
        } else {
            node = json.getNodeFactory().textNode(raw);
        }
        if (node.isTextual()) {
            node = json.createObjectNode().put("prompt", node.asText());
        }
        if (!node.isObject()) {
            throw new InvalidRequestException("input", "expected a prompt string or a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KNOWN_KEYS.contains(key)) {
                warn.accept("line " + lineNo + ": ignoring unknown key '" + key + "'"
                        + Suggest.closest(key, KNOWN_KEYS)
                                .map(k -> " (did you mean '" + k + "'?)")
                                .orElse(""));
            }
        }
        String prompt = text(node, "prompt");
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidRequestException("prompt", "missing prompt");
        }
        prompt = prompt.strip();
        PromptFields fields = defaults.fields();
        if (node.has("fields")) {
            if (!node.get("fields").isObject()) {
                throw new InvalidRequestException("fields", "\"fields\" must be an object of augmentation keys");
            }
            fields = fields.overriddenBy(PromptFields.fromMap(strings(node.get("fields"))));
        }
        fields = fields.overriddenBy(PromptFields.fromMap(strings(node)));
        if (defaults.augment() && PromptAugmenter.looksStructured(prompt)) {
            warn.accept("line " + lineNo + ": the prompt already has structured label lines; augmenting wraps it "
                    + "twice (send prompts unchanged with " + ref("no_augment") + ")");
        }
        String sent = defaults.augment() ? PromptAugmenter.augment(prompt, fields) : prompt;
        VideoRequest request = rules.apply(VideoRequest.builder()
                .prompt(sent)
                .model(lower(or(text(node, "model"), defaults.model())))
                .size(lower(or(text(node, "size"), defaults.size())))
                .seconds(or(text(node, "seconds"), defaults.seconds()))
                .characterIds(characters(node))
                .inputReference(inputReference(node, baseDir))
                .extras(extras(node))
                .build());
        return new BatchJob(number, lineNo, request, outName(number, prompt, text(node, "out")));
    }

    /**
     * The line's {@code "extra": {...}} provider fields, checked as {@code --extra key=value} is: a
     * JSON string stays a string, anything else keeps its JSON type.
     */
    private static Map<String, Object> extras(JsonNode node) {
        JsonNode extra = node.get("extra");
        if (extra == null || extra.isNull()) {
            return Map.of();
        }
        if (!extra.isObject()) {
            throw new InvalidRequestException(
                    "extra", "\"extra\" must be an object of provider fields, e.g. {\"seed\": 42}");
        }
        List<String> args = new ArrayList<>();
        extra.fields()
                .forEachRemaining(f -> args.add(f.getKey() + "=" + f.getValue().toString()));
        return ExtraFields.parse(args);
    }

    private List<String> characters(JsonNode node) {
        JsonNode raw = node.has("characters") ? node.get("characters") : node.get("character_ids");
        if (raw == null || raw.isNull()) {
            return defaults.characterIds();
        }
        List<String> ids = new ArrayList<>();
        if (raw.isTextual()) {
            for (String part : raw.asText().split(",")) {
                if (!part.isBlank()) {
                    ids.add(Ids.check("character id", part));
                }
            }
        } else if (raw.isArray()) {
            for (JsonNode item : raw) {
                String id = item.isTextual() ? item.asText() : item.isObject() ? text(item, "id") : null;
                if (id == null || id.isBlank()) {
                    throw new InvalidRequestException(
                            "character_id", "each character must be an id string or an object with a non-empty \"id\"");
                }
                ids.add(Ids.check("character id", id));
            }
        } else {
            throw new InvalidRequestException(
                    "character_id",
                    "characters must be a list of ids, a comma-separated string, or objects with an \"id\"");
        }
        return ids;
    }

    private InputReference inputReference(JsonNode node, Path baseDir) {
        List<String> given = INPUT_REFERENCE_KEYS.stream()
                .filter(k -> node.hasNonNull(k))
                .sorted()
                .toList();
        if (given.isEmpty()) {
            return defaults.inputReference();
        }
        if (given.size() > 1) {
            throw new InvalidRequestException("input_reference", "use only one of " + String.join(", ", given));
        }
        String key = given.get(0);
        JsonNode value = node.get(key);
        switch (key) {
            case "input_reference" -> {
                if (value.isTextual()) {
                    return new InputReference.ImageFile(resolve(value.asText(), baseDir));
                }
                if (value.isObject()) {
                    String fileId = text(value, "file_id");
                    String url = text(value, "image_url");
                    if ((fileId == null) == (url == null)) {
                        throw new InvalidRequestException(
                                "input_reference",
                                "input_reference object must have exactly one of file_id or image_url");
                    }
                    return fileId != null
                            ? new InputReference.FileId(Ids.check("input_reference file_id", fileId))
                            : new InputReference.ImageUrl(url.strip());
                }
                throw new InvalidRequestException(
                        "input_reference", "input_reference must be a file path or an object");
            }
            case "input_reference_file_id" -> {
                return new InputReference.FileId(Ids.check("input_reference_file_id", value.asText()));
            }
            case "input_reference_url" -> {
                return new InputReference.ImageUrl(value.asText().strip());
            }
            default -> {
                return new InputReference.ImageFile(resolve(value.asText(), baseDir));
            }
        }
    }

    private static Path resolve(String raw, Path baseDir) {
        Path p = Path.of(raw.strip());
        if (p.isAbsolute() || Files.exists(p)) {
            return p;
        }
        Path beside = baseDir.resolve(p);
        if (Files.exists(beside)) {
            return beside;
        }
        throw new InvalidRequestException(
                "input_reference",
                "input reference image '" + raw + "' not found (looked in the working directory and in " + baseDir
                        + ")");
    }

    /** {@code out} reduced to a plain file name (so it cannot leave the output directory), else NNN-slug.json. */
    static String outName(int number, String prompt, String out) {
        if (out != null && !out.isBlank()) {
            Path name = Path.of(out.strip()).getFileName();
            String n = name == null ? "" : name.toString();
            if (n.isEmpty() || n.equals(".") || n.equals("..")) {
                throw new InvalidRequestException("out", "\"out\": '" + out + "' has no file name");
            }
            return n.contains(".") && !n.startsWith(".") ? n : n + ".json";
        }
        return String.format(Locale.ROOT, "%03d-%s.json", number, slug(prompt));
    }

    static String slug(String prompt) {
        String s = prompt.length() > 80 ? prompt.substring(0, 80) : prompt;
        s = NOT_SLUG.matcher(s.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
        s = EDGE_DASHES.matcher(s).replaceAll("");
        if (s.length() > 60) {
            s = s.substring(0, 60);
        }
        return s.isEmpty() ? "job" : s;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new HashMap<>();
        object.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String lower(String v) {
        return v == null ? null : v.strip().toLowerCase(Locale.ROOT);
    }
}
