package dev.sora4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.core.ClientOptions;
import com.openai.core.JsonValue;
import com.openai.core.MultipartField;
import com.openai.core.ObjectMappers;
import com.openai.core.http.HttpMethod;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoListPage;
import com.openai.models.videos.VideoListParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.sora4j.ApiException;
import dev.sora4j.InvalidRequestException;
import dev.sora4j.model.DeletedVideo;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.ListQuery;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoPage;
import dev.sora4j.model.VideoRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The one place that talks to {@code com.openai:openai-java}. Typed SDK services are used where they
 * fit; create without an upload is sent as JSON (as the guide, the reference CLI and Batch lines
 * do) through the SDK's own HTTP client, so retries, auth and timeouts stay the SDK's.
 */
@SuppressWarnings("deprecation") // The SDK marks every Videos API method deprecated (OpenAI's shutdown notice).
public final class OpenAiVideoGateway implements VideoGateway {
    private final ClientOptions options;
    private final OpenAIClient client;
    private final GatewaySettings settings;
    private final JsonMapper json = ObjectMappers.jsonMapper();

    public OpenAiVideoGateway(GatewaySettings settings) {
        this.settings = settings;
        ClientOptions.Builder b = ClientOptions.builder()
                .httpClient(OkHttpClient.builder().timeout(settings.timeout()).build())
                .baseUrl(settings.baseUrl())
                .maxRetries(settings.maxRetries())
                .timeout(settings.timeout())
                .apiKey(settings.apiKey());
        if (settings.authHeader() == AuthHeader.API_KEY) {
            // Gateways that expect Azure's header: send api-key and drop the bearer header.
            b.removeHeaders("Authorization").putHeader("api-key", settings.apiKey());
        }
        this.options = b.build();
        this.client = new OpenAIClientImpl(options);
    }

    @Override
    public VideoJob create(VideoRequest r) {
        if (r.inputReference() instanceof InputReference.ImageFile file) {
            return createMultipart(r, file.path());
        }
        ObjectNode body = json.createObjectNode();
        body.put("model", r.model());
        body.put("prompt", r.prompt());
        body.put("size", r.size());
        body.put("seconds", r.seconds());
        if (r.inputReference() instanceof InputReference.FileId f) {
            body.putObject("input_reference").put("file_id", f.fileId());
        } else if (r.inputReference() instanceof InputReference.ImageUrl u) {
            body.putObject("input_reference").put("image_url", u.url());
        }
        if (!r.characterIds().isEmpty()) {
            r.characterIds().forEach(id -> body.withArray("characters").addObject().put("id", id));
        }
        return toJob(postJson(body, "videos"));
    }

    private VideoJob createMultipart(VideoRequest r, Path image) {
        if (!Files.isRegularFile(image)) {
            throw new InvalidRequestException("input_reference", "input_reference file not found: " + image);
        }
        try (InputStream in = Files.newInputStream(image)) {
            VideoCreateParams.Builder b = VideoCreateParams.builder()
                    .prompt(r.prompt())
                    .model(r.model())
                    .size(VideoSize.of(r.size()))
                    .seconds(VideoSeconds.of(r.seconds()))
                    .inputReference(MultipartField.<VideoCreateParams.InputReference>builder()
                            .value(VideoCreateParams.InputReference.ofStream(in))
                            .filename(image.getFileName().toString())
                            .contentType(imageContentType(image))
                            .build());
            if (!r.characterIds().isEmpty()) {
                List<Map<String, String>> chars = new ArrayList<>();
                r.characterIds().forEach(id -> chars.add(Map.of("id", id)));
                b.putAdditionalBodyProperty("characters", JsonValue.from(chars));
            }
            VideoCreateParams params = b.build();
            return call(() -> fromSdk(client.videos().create(params)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input_reference " + image, e);
        }
    }

    @Override
    public VideoJob retrieve(String videoId) {
        return call(() -> fromSdk(client.videos().retrieve(videoId)));
    }

    @Override
    public VideoPage list(ListQuery q) {
        VideoListParams.Builder b = VideoListParams.builder();
        if (q.limit() != null) {
            b.limit(q.limit().longValue());
        }
        if (q.order() != null) {
            b.order(VideoListParams.Order.of(q.order()));
        }
        if (q.after() != null) {
            b.after(q.after());
        }
        VideoListParams params = b.build();
        return call(() -> {
            VideoListPage page = client.videos().list(params);
            List<VideoJob> data = new ArrayList<>();
            for (Video v : page.data()) {
                data.add(fromSdk(v));
            }
            String raw = write(page.response());
            JsonNode node = read(raw);
            return new VideoPage(data, text(node, "first_id"), text(node, "last_id"),
                    page.hasMore().orElse(false), raw);
        });
    }

    @Override
    public DeletedVideo delete(String videoId) {
        return call(() -> {
            String raw = write(client.videos().delete(videoId));
            JsonNode node = read(raw);
            return new DeletedVideo(text(node, "id"), node.path("deleted").asBoolean(false), raw);
        });
    }

    @Override
    public ContentStream content(String videoId, Variant variant) {
        VideoDownloadContentParams params = VideoDownloadContentParams.builder()
                .variant(VideoDownloadContentParams.Variant.of(variant.wireName()))
                .build();
        return call(() -> {
            HttpResponse response = client.videos().downloadContent(videoId, params);
            OptionalLong length = OptionalLong.empty();
            List<String> header = response.headers().values("Content-Length");
            if (!header.isEmpty()) {
                try {
                    length = OptionalLong.of(Long.parseLong(header.get(0).trim()));
                } catch (NumberFormatException ignored) {
                    // A malformed length is treated as absent; the body is still checked as an MP4 later.
                }
            }
            return new ContentStream(response.body(), length, response);
        });
    }

    @Override
    public void close() {
        client.close();
    }

    private String postJson(ObjectNode body, String... path) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The typed services add credentials while preparing a request; a raw request adds them here.
        HttpRequest request = HttpRequest.builder()
                .method(HttpMethod.POST)
                .baseUrl(options.baseUrl())
                .addPathSegments(path)
                .putAllHeaders(options.headers())
                .putAllQueryParams(options.queryParams())
                .putHeader(settings.authHeader() == AuthHeader.API_KEY ? "api-key" : "Authorization",
                        settings.authHeader() == AuthHeader.API_KEY ? settings.apiKey() : "Bearer " + settings.apiKey())
                .body(new JsonBody(bytes))
                .build();
        return call(() -> {
            try (HttpResponse response = options.httpClient().execute(request)) {
                String text = new String(response.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (response.statusCode() >= 400) {
                    throw apiError(response.statusCode(), text, response.requestId().orElse(null), null);
                }
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (OpenAIServiceException e) {
            throw apiError(e.statusCode(), write(e.body()), e.headers().values("x-request-id").stream().findFirst()
                    .orElse(null), e);
        } catch (OpenAIIoException e) {
            throw new ApiException(0, "Could not reach " + options.baseUrl() + ": " + rootMessage(e)
                    + ". Check --base-url / OPENAI_BASE_URL and your network.", null, null, null, null, e);
        } catch (UncheckedIOException e) {
            throw new ApiException(0, "I/O error talking to " + options.baseUrl() + ": " + rootMessage(e), null, null,
                    null, null, e);
        }
    }

    private ApiException apiError(int status, String body, String requestId, Throwable cause) {
        // Raw responses carry the envelope; the SDK's exceptions hold the inner error object already.
        JsonNode node = read(body);
        JsonNode error = node.has("error") ? node.path("error") : node;
        String message = error.path("message").isTextual() ? error.path("message").asText() : ("HTTP " + status);
        return new ApiException(status, message, text(error, "type"), text(error, "code"), text(error, "param"),
                requestId, cause);
    }

    private VideoJob fromSdk(Video video) {
        return toJob(write(video));
    }

    /** Parses the wire JSON leniently: unknown statuses and values pass through as strings. */
    private VideoJob toJob(String raw) {
        JsonNode n = read(raw);
        JsonNode err = n.path("error");
        dev.sora4j.model.JobError error = err.isObject()
                ? new dev.sora4j.model.JobError(text(err, "code"), text(err, "message")) : null;
        return new VideoJob(text(n, "id"), text(n, "model"), dev.sora4j.model.JobStatus.of(text(n, "status")),
                n.path("progress").asInt(0), n.path("created_at").asLong(0), longOrNull(n, "completed_at"),
                longOrNull(n, "expires_at"), text(n, "prompt"), text(n, "size"), text(n, "seconds"),
                text(n, "remixed_from_video_id"), error, raw);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String raw) {
        try {
            return raw == null || raw.isBlank() ? json.createObjectNode() : json.readTree(raw);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    private static Long longOrNull(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asLong() : null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String imageContentType(Path image) {
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/jpeg";
    }

    /** A repeatable JSON body, so the SDK's retrying client can resend it. */
    private static final class JsonBody implements HttpRequestBody {
        private final byte[] bytes;

        JsonBody(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void writeTo(OutputStream out) {
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String contentType() {
            return "application/json";
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        @Override
        public void close() {}
    }
}
