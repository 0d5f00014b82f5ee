package dev.sora4j.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.core.ClientOptions;
import com.openai.core.ObjectMappers;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpMethod;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoListPage;
import com.openai.models.videos.VideoListParams;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.internal.files.MediaKind;
import dev.sora4j.internal.wire.WireRequest;
import dev.sora4j.internal.wire.WireRequests;
import dev.sora4j.model.Character;
import dev.sora4j.model.CharacterRequest;
import dev.sora4j.model.DeletedVideo;
import dev.sora4j.model.EditRequest;
import dev.sora4j.model.ExtendRequest;
import dev.sora4j.model.ListQuery;
import dev.sora4j.model.RemixRequest;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoPage;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.options.AuthHeader;
import dev.sora4j.spi.ContentStream;
import dev.sora4j.spi.VideoGateway;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;

/**
 * The one place that talks to {@code com.openai:openai-java}. Reads (retrieve, list, delete, content,
 * characters) use the SDK's typed services. Every POST is a {@link WireRequest} sent through the
 * SDK's own HTTP client, so retries, auth and timeouts stay the SDK's while the body is exactly what
 * {@code --dry-run} shows: JSON unless a file is uploaded, as the guide and the reference CLI send it.
 */
@SuppressWarnings("deprecation") // The SDK marks every Videos API method deprecated (OpenAI's shutdown notice).
public final class OpenAiVideoGateway implements VideoGateway {
    private final ClientOptions options;
    private final OpenAIClient client;
    private final GatewaySettings settings;
    private final JsonMapper json = ObjectMappers.jsonMapper();
    private final Map<String, java.time.Duration> pollAfter = new java.util.concurrent.ConcurrentHashMap<>();

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
    public VideoJob create(VideoRequest request) {
        return toJob(send(WireRequests.create(request)));
    }

    @Override
    public VideoJob edit(EditRequest request) {
        return toJob(send(WireRequests.edit(request)));
    }

    @Override
    public VideoJob extend(ExtendRequest request) {
        return toJob(send(WireRequests.extend(request)));
    }

    @Override
    public VideoJob remix(RemixRequest request) {
        return toJob(send(WireRequests.remix(request)));
    }

    @Override
    public Character createCharacter(CharacterRequest request) {
        return toCharacter(send(WireRequests.createCharacter(request)));
    }

    @Override
    public Character retrieveCharacter(String characterId) {
        return call(() -> toCharacter(write(client.videos().getCharacter(characterId))));
    }

    @Override
    public VideoJob retrieve(String videoId) {
        return call(() -> {
            try (com.openai.core.http.HttpResponseFor<Video> response =
                    client.videos().withRawResponse().retrieve(videoId)) {
                // The server may say how long to wait before polling again; remember it per job.
                response.headers().values("openai-poll-after-ms").stream()
                        .findFirst()
                        .ifPresent(v -> {
                            try {
                                pollAfter.put(videoId, java.time.Duration.ofMillis(Long.parseLong(v.trim())));
                            } catch (NumberFormatException ignored) {
                                // A malformed hint is no hint.
                            }
                        });
                return fromSdk(response.parse());
            }
        });
    }

    @Override
    public java.util.Optional<java.time.Duration> pollAfter(String videoId) {
        return java.util.Optional.ofNullable(pollAfter.get(videoId));
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
            return new VideoPage(
                    data,
                    text(node, "first_id"),
                    text(node, "last_id"),
                    page.hasMore().orElse(false),
                    raw);
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
    public ContentStream content(String videoId, Variant variant, long from) {
        VideoDownloadContentParams.Builder b =
                VideoDownloadContentParams.builder().variant(VideoDownloadContentParams.Variant.of(variant.wireName()));
        if (from > 0) {
            b.putAdditionalHeader("Range", "bytes=" + from + "-");
        }
        VideoDownloadContentParams params = b.build();
        return call(() -> {
            HttpResponse response = client.videos().downloadContent(videoId, params);
            OptionalLong length = header(response, "Content-Length");
            long offset = 0;
            OptionalLong total = length;
            String range = response.headers().values("Content-Range").stream()
                    .findFirst()
                    .orElse(null);
            if (response.statusCode() == 206 && range != null) {
                // "bytes START-END/TOTAL"
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)")
                        .matcher(range);
                if (m.find()) {
                    offset = Long.parseLong(m.group(1));
                    total = m.group(2).equals("*") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(2)));
                }
            }
            return new ContentStream(response.body(), offset, total, response);
        });
    }

    private static OptionalLong header(HttpResponse response, String name) {
        List<String> values = response.headers().values(name);
        if (values.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(values.get(0).trim()));
        } catch (NumberFormatException ignored) {
            // A malformed length is treated as absent; the body is still checked as an MP4 later.
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** Sends a POST through the SDK's HTTP client, so its retries, timeouts and headers apply. */
    private String send(WireRequest wire) {
        HttpRequestBody body = wire.multipart() ? multipartBody(wire) : jsonBody(wire);
        // The typed services add credentials while preparing a request; a raw request adds them here.
        HttpRequest request = HttpRequest.builder()
                .method(HttpMethod.POST)
                .baseUrl(options.baseUrl())
                .addPathSegments(wire.path().split("/"))
                .putAllHeaders(options.headers())
                .putAllQueryParams(options.queryParams())
                .putHeader(
                        settings.authHeader() == AuthHeader.API_KEY ? "api-key" : "Authorization",
                        settings.authHeader() == AuthHeader.API_KEY ? settings.apiKey() : "Bearer " + settings.apiKey())
                .body(body)
                .build();
        return call(() -> {
            try (HttpResponse response = options.httpClient().execute(request)) {
                settings.observer().onResponse(response.statusCode(), lowerCase(response.headers()));
                String text = new String(response.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (response.statusCode() >= 400) {
                    throw apiError(response.statusCode(), text, response.headers(), null);
                }
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private HttpRequestBody jsonBody(WireRequest wire) {
        try {
            return new BytesBody(json.writeValueAsBytes(wire.fields()), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Multipart through OkHttp's encoder; file parts carry the type sniffed from their content. */
    private static HttpRequestBody multipartBody(WireRequest wire) {
        MultipartBody.Builder b = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Map.Entry<String, String> part : wire.multipartTextParts()) {
            b.addFormDataPart(part.getKey(), part.getValue());
        }
        wire.files().forEach((name, file) -> {
            if (!Files.isRegularFile(file)) {
                throw new InvalidRequestException(name, name + " file not found: " + file);
            }
            MediaType type = MediaType.get(MediaKind.of(file).mimeType());
            b.addFormDataPart(name, file.getFileName().toString(), RequestBody.create(file.toFile(), type));
        });
        MultipartBody multipart = b.build();
        return new HttpRequestBody() {
            @Override
            public void writeTo(OutputStream out) {
                try {
                    BufferedSink sink = Okio.buffer(Okio.sink(out));
                    multipart.writeTo(sink);
                    sink.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String contentType() {
                return multipart.contentType().toString();
            }

            @Override
            public long contentLength() {
                try {
                    return multipart.contentLength();
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public boolean repeatable() {
                return true;
            }

            @Override
            public void close() {}
        };
    }

    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (OpenAIServiceException e) {
            throw apiError(e.statusCode(), bodyText(e), e.headers(), e);
        } catch (OpenAIIoException e) {
            throw new ApiException(
                    0,
                    "Could not reach " + options.baseUrl() + ": " + rootMessage(e)
                            + ". Check --base-url / OPENAI_BASE_URL and your network.",
                    null,
                    null,
                    null,
                    null,
                    e);
        } catch (UncheckedIOException e) {
            throw new ApiException(
                    0, "I/O error talking to " + options.baseUrl() + ": " + rootMessage(e), null, null, null, null, e);
        }
    }

    private ApiException apiError(int status, String body, Headers headers, Throwable cause) {
        // Raw responses carry the envelope; the SDK's exceptions hold the inner error object already.
        JsonNode node = read(body);
        JsonNode error = node.has("error") ? node.path("error") : node;
        String message =
                error.path("message").isTextual() ? error.path("message").asText() : ("HTTP " + status);
        String requestId = headers.values("x-request-id").stream().findFirst().orElse(null);
        return new ApiException(
                status,
                message,
                text(error, "type"),
                text(error, "code"),
                text(error, "param"),
                requestId,
                RetryAfter.parse(first(headers, "retry-after-ms"), first(headers, "retry-after"))
                        .orElse(null),
                cause);
    }

    /** The error body as JSON text; an answer without a body (e.g. a bare 416) gives an empty one. */
    private String bodyText(OpenAIServiceException e) {
        try {
            return write(e.body());
        } catch (UncheckedIOException noBody) {
            return "";
        }
    }

    private static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (String name : headers.names()) {
            out.put(name.toLowerCase(Locale.ROOT), headers.values(name));
        }
        return out;
    }

    private static String first(Headers headers, String name) {
        return headers.values(name).stream().findFirst().orElse(null);
    }

    private Character toCharacter(String raw) {
        JsonNode n = read(raw);
        return new Character(
                text(n, "id"), text(n, "name"), n.path("created_at").asLong(0), raw);
    }

    private VideoJob fromSdk(Video video) {
        return toJob(write(video));
    }

    /** Parses the wire JSON leniently: unknown statuses and values pass through as strings. */
    private VideoJob toJob(String raw) {
        JsonNode n = read(raw);
        JsonNode err = n.path("error");
        dev.sora4j.model.JobError error =
                err.isObject() ? new dev.sora4j.model.JobError(text(err, "code"), text(err, "message")) : null;
        return new VideoJob(
                text(n, "id"),
                text(n, "model"),
                dev.sora4j.model.JobStatus.of(text(n, "status")),
                n.path("progress").asInt(0),
                n.path("created_at").asLong(0),
                longOrNull(n, "completed_at"),
                longOrNull(n, "expires_at"),
                text(n, "prompt"),
                text(n, "size"),
                text(n, "seconds"),
                text(n, "remixed_from_video_id"),
                error,
                raw);
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

    /** A repeatable in-memory body, so the SDK's retrying client can resend it. */
    private static final class BytesBody implements HttpRequestBody {
        private final byte[] bytes;
        private final String contentType;

        BytesBody(byte[] bytes, String contentType) {
            this.bytes = bytes;
            this.contentType = contentType;
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
            return contentType;
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
