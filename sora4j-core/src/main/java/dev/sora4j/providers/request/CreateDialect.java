package dev.sora4j.providers.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.InputReference;
import dev.sora4j.providers.request.WireCreate.Encoding;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one provider spells a create request (providers.md §0 knobs 3–4, §8 rows "Create encoding",
 * "Duration field", "Size field", "Image reference"). {@link #encode} is a pure function of the
 * {@link CreateSpec}: no I/O, so {@code --dry-run} shows exactly what is sent.
 *
 * @param accepts which encodings the server takes
 * @param duration how the clip length is spelled
 * @param size how the frame size is spelled
 * @param reference how an input reference is spelled
 * @param multipartFields when not empty, the only fields the server reads from a multipart body
 *     (TRT-LLM silently drops the rest, §4); anything else is refused rather than lost
 */
public record CreateDialect(
        Accepts accepts, Duration duration, Size size, Reference reference, Set<String> multipartFields) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The encodings a server accepts for create. */
    public enum Accepts {
        /** JSON, multipart when a file is uploaded (OpenAI's guide, most servers). */
        JSON_OR_MULTIPART,
        /** Multipart always, nested values as JSON strings in form fields (vLLM-Omni, §2). */
        MULTIPART_ONLY,
        /** JSON always, references as URLs (OpenRouter, §6). */
        JSON_ONLY
    }

    /** The clip-length field. */
    public enum Duration {
        /** {@code "seconds": "8"} (OpenAI, Azure, LiteLLM, vLLM-Omni, new-api). */
        SECONDS_STRING,
        /** {@code "seconds": 8} or {@code 2.5} (SGLang integer, TRT-LLM number). */
        SECONDS_NUMBER,
        /** {@code "duration": 8}, whole seconds (OpenRouter). */
        DURATION_INT
    }

    /** The frame-size field. */
    public enum Size {
        /** {@code "size": "1280x720"}. */
        SIZE,
        /** {@code resolution} + {@code aspect_ratio} when the size is a standard one, else {@code size} (OpenRouter). */
        RESOLUTION_AND_ASPECT
    }

    /** The input-reference spelling. */
    public enum Reference {
        /** File part {@code input_reference}; {@code {"image_url"}} / {@code {"file_id"}} objects. */
        OPENAI,
        /** File part {@code input_reference}; URL or file id as JSON in form field {@code image_reference} (§2). */
        VLLM_OMNI,
        /** File part {@code input_reference}; URL as {@code reference_url} (§3). */
        SGLANG,
        /** File part {@code input_reference} (multipart); URL or data URI as {@code image_reference} (§4). */
        TRTLLM,
        /** URL as {@code frame_images[{type:image_url, image_url:{url}, frame_type:first_frame}]} (§6). */
        OPENROUTER,
        /** URL as the string {@code input_reference} (§7). */
        NEW_API
    }

    /**
     * Copies {@code multipartFields} into an unmodifiable set.
     *
     * @param accepts which encodings the server takes
     * @param duration how the clip length is spelled
     * @param size how the frame size is spelled
     * @param reference how an input reference is spelled
     * @param multipartFields when not empty, the only fields the server reads from a multipart body
     *     (TRT-LLM silently drops the rest, §4); anything else is refused rather than lost
     */
    public CreateDialect {
        multipartFields = Set.copyOf(multipartFields);
    }

    /**
     * The provider's body for a prepared spec (defaults filled, capabilities checked). Throws
     * {@link InvalidRequestException} when the spec cannot be expressed: a reference kind this
     * dialect has no field for, a length that is not a number, a field a multipart reader would drop.
     *
     * @param spec a spec returned by {@code ProviderProfile#prepareCreate}
     * @return the request as this provider must receive it
     * @throws InvalidRequestException when the spec cannot be expressed in this dialect
     */
    public WireCreate encode(CreateSpec spec) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        if (spec.model() != null) {
            fields.put("model", spec.model());
        }
        if (spec.prompt() != null) {
            fields.put("prompt", spec.prompt());
        }
        putSize(spec, fields);
        putDuration(spec.seconds(), fields);
        if (spec.reference() != null) {
            putReference(spec.reference(), fields, files);
        }
        if (!spec.characterIds().isEmpty()) {
            fields.put(
                    "characters",
                    spec.characterIds().stream().map(id -> Map.of("id", id)).toList());
        }
        fields.putAll(spec.extras());
        Encoding encoding = switch (accepts) {
            case MULTIPART_ONLY -> Encoding.MULTIPART;
            case JSON_ONLY -> Encoding.JSON;
            case JSON_OR_MULTIPART -> files.isEmpty() ? Encoding.JSON : Encoding.MULTIPART;
        };
        if (encoding == Encoding.MULTIPART) {
            checkMultipartFields(fields);
            if (accepts == Accepts.MULTIPART_ONLY) {
                fields.replaceAll((k, v) -> v instanceof Map<?, ?> || v instanceof List<?> ? json(v) : v);
            }
        }
        return new WireCreate("videos", encoding, fields, files);
    }

    private void putSize(CreateSpec spec, Map<String, Object> fields) {
        String wxh = spec.size();
        if (wxh == null) {
            return;
        }
        boolean userChose =
                spec.extras().containsKey("resolution") || spec.extras().containsKey("aspect_ratio");
        if (size == Size.RESOLUTION_AND_ASPECT && !userChose) {
            Map<String, String> mapped = FrameSizes.resolutionAndAspect(wxh);
            if (!mapped.isEmpty()) {
                fields.putAll(mapped);
                return;
            }
        }
        if (!userChose) {
            fields.put("size", wxh);
        }
    }

    private void putDuration(String seconds, Map<String, Object> fields) {
        if (seconds == null) {
            return;
        }
        switch (duration) {
            case SECONDS_STRING -> fields.put("seconds", seconds);
            case SECONDS_NUMBER -> fields.put("seconds", number(seconds));
            case DURATION_INT -> {
                Object n = number(seconds);
                if (!(n instanceof Integer)) {
                    throw new InvalidRequestException(
                            "seconds",
                            "seconds '" + seconds + "' must be whole seconds for this provider (sent as duration)");
                }
                fields.put("duration", n);
            }
        }
    }

    private void putReference(InputReference ref, Map<String, Object> fields, Map<String, Path> files) {
        switch (reference) {
            case OPENAI -> {
                if (ref instanceof InputReference.ImageFile f) {
                    files.put("input_reference", f.path());
                } else if (ref instanceof InputReference.ImageUrl u) {
                    fields.put("input_reference", Map.of("image_url", u.url()));
                } else if (ref instanceof InputReference.FileId f) {
                    fields.put("input_reference", Map.of("file_id", f.fileId()));
                }
            }
            case VLLM_OMNI -> {
                if (ref instanceof InputReference.ImageFile f) {
                    files.put("input_reference", f.path());
                } else if (ref instanceof InputReference.ImageUrl u) {
                    fields.put("image_reference", Map.of("image_url", u.url()));
                } else if (ref instanceof InputReference.FileId f) {
                    fields.put("image_reference", Map.of("file_id", f.fileId()));
                }
            }
            case SGLANG -> {
                if (ref instanceof InputReference.ImageFile f) {
                    files.put("input_reference", f.path());
                } else if (ref instanceof InputReference.ImageUrl u) {
                    fields.put("reference_url", u.url());
                } else {
                    throw unsupported(ref);
                }
            }
            case TRTLLM -> {
                if (ref instanceof InputReference.ImageFile f) {
                    files.put("input_reference", f.path());
                } else if (ref instanceof InputReference.ImageUrl u) {
                    fields.put("image_reference", u.url());
                } else {
                    throw unsupported(ref);
                }
            }
            case OPENROUTER -> {
                if (ref instanceof InputReference.ImageUrl u) {
                    fields.put(
                            "frame_images",
                            List.of(Map.of(
                                    "type", "image_url",
                                    "image_url", Map.of("url", u.url()),
                                    "frame_type", "first_frame")));
                } else {
                    throw unsupported(ref);
                }
            }
            case NEW_API -> {
                if (ref instanceof InputReference.ImageUrl u) {
                    fields.put("input_reference", u.url());
                } else {
                    throw unsupported(ref);
                }
            }
        }
    }

    private void checkMultipartFields(Map<String, Object> fields) {
        if (multipartFields.isEmpty()) {
            return;
        }
        for (String name : fields.keySet()) {
            if (!multipartFields.contains(name)) {
                throw new InvalidRequestException(
                        name,
                        "field '" + name + "' would be silently dropped: with a file upload this provider reads only "
                                + String.join(
                                        ", ", multipartFields.stream().sorted().toList())
                                + "; pass the image as a URL or data: URL (--input-reference-url) to send JSON");
            }
        }
    }

    private static InvalidRequestException unsupported(InputReference ref) {
        String kind = ref instanceof InputReference.ImageFile
                ? "an uploaded file"
                : ref instanceof InputReference.FileId ? "a file_id" : "a URL";
        return new InvalidRequestException("input_reference", "this provider takes no input reference as " + kind);
    }

    /** An integral length as Integer, else a Double; a non-number is the user's error. */
    static Object number(String seconds) {
        try {
            BigDecimal d = new BigDecimal(seconds.strip());
            if (d.signum() <= 0) {
                throw new NumberFormatException();
            }
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                return d.doubleValue();
            }
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("seconds", "seconds '" + seconds + "' is not a positive number");
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
