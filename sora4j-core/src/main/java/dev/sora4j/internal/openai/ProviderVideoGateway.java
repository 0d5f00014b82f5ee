package dev.sora4j.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.ClientOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpMethod;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.InvalidRequestException;
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
import dev.sora4j.providers.ContentPlan;
import dev.sora4j.providers.Feature;
import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.request.CreateSpec;
import dev.sora4j.providers.response.ApiError;
import dev.sora4j.providers.response.NormalizedJob;
import dev.sora4j.spi.ContentStream;
import dev.sora4j.spi.VideoGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Videos API in one provider's dialect, sent through the SDK's own HTTP client (its retries,
 * timeouts and base URL) with the body, path, credential header, status words, error envelopes and
 * download plan the {@link ProviderProfile} describes. Ids go into paths as single encoded segments;
 * a job answer keeps the id it was asked for (LiteLLM re-encodes ids between answers, providers.md §1).
 */
final class ProviderVideoGateway implements VideoGateway {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");

    private final ProviderProfile profile;
    private final GatewaySettings settings;
    private final OpenAIClient client;
    private final ClientOptions options;
    private final ClientOptions optionsOnce;
    private final SdkErrors errors;

    ProviderVideoGateway(ProviderProfile profile, GatewaySettings settings) {
        this.profile = profile;
        this.settings = settings;
        SdkConnection connection = SdkConnection.open(settings);
        this.client = connection.client();
        this.options = connection.options();
        this.optionsOnce = connection.optionsOnce();
        this.errors = new SdkErrors(options.baseUrl());
    }

    @Override
    public VideoJob create(VideoRequest request) {
        // The request was prepared by the profile (defaults, limits, typed extras); this only spells it.
        var wire = profile.encodeCreate(CreateSpec.from(request, request.extras()));
        Answer a = exchange(HttpMethod.POST, segments(wire.path()), Map.of(), RequestBodies.of(wire), false);
        return job(a, null);
    }

    @Override
    public VideoJob edit(EditRequest request) {
        profile.require(Feature.EDIT);
        return post(WireRequests.edit(request));
    }

    @Override
    public VideoJob extend(ExtendRequest request) {
        profile.require(Feature.EXTEND);
        return post(WireRequests.extend(request));
    }

    @Override
    public VideoJob remix(RemixRequest request) {
        profile.require(Feature.REMIX);
        WireRequest wire = WireRequests.remix(request);
        // The id as one segment: LiteLLM's base64 ids may contain '/'.
        Answer a = exchange(
                HttpMethod.POST,
                List.of("videos", request.videoId(), "remix"),
                Map.of(),
                RequestBodies.of(wire),
                false);
        return job(a, null);
    }

    @Override
    public Character createCharacter(CharacterRequest request) {
        profile.require(Feature.CHARACTERS);
        WireRequest wire = WireRequests.createCharacter(request);
        Answer a = exchange(HttpMethod.POST, segments(wire.path()), Map.of(), RequestBodies.of(wire), false);
        return WireJsonParsing.character(a.body());
    }

    @Override
    public Character retrieveCharacter(String characterId) {
        profile.require(Feature.CHARACTERS);
        Answer a = exchange(HttpMethod.GET, List.of("videos", "characters", characterId), Map.of(), null, false);
        return WireJsonParsing.character(a.body());
    }

    @Override
    public VideoJob retrieve(String videoId) {
        profile.require(Feature.STATUS);
        // A failed job may come with an error status (vLLM-Omni answers 500 with the job, §2).
        Answer a = exchange(HttpMethod.GET, List.of("videos", videoId), Map.of(), null, true);
        return job(a, videoId);
    }

    @Override
    public VideoPage list(ListQuery q) {
        profile.require(Feature.LIST);
        Map<String, String> query = profile.list().query(q.limit(), q.after(), q.order());
        Answer a = exchange(HttpMethod.GET, List.of("videos"), query, null, false);
        JsonNode page = WireJsonParsing.read(a.body());
        List<VideoJob> data = new ArrayList<>();
        JsonNode items = page.isArray() ? page : page.path("data");
        for (JsonNode item : items) {
            profile.parseJob(item.toString()).map(NormalizedJob::toVideoJob).ifPresent(data::add);
        }
        int limit = q.limit() == null ? Integer.MAX_VALUE : q.limit();
        Optional<String> next = profile.list().nextAfter(page, limit);
        String first = WireJsonParsing.text(page, "first_id");
        String last = next.orElse(WireJsonParsing.text(page, "last_id"));
        return new VideoPage(data, first, last, next.isPresent(), a.body());
    }

    @Override
    public DeletedVideo delete(String videoId) {
        profile.require(Feature.DELETE);
        Answer a = exchange(HttpMethod.DELETE, List.of("videos", videoId), Map.of(), null, false);
        JsonNode body = WireJsonParsing.read(a.body());
        if (!profile.delete().confirms(body)) {
            throw ApiException.builder()
                    .status(a.status())
                    .message("provider " + profile.name() + " answered the delete of " + videoId
                            + " without confirming it; check with sora status " + videoId)
                    .build();
        }
        return new DeletedVideo(videoId, true, a.body());
    }

    @Override
    public ContentStream content(String videoId, Variant variant, long from) {
        ContentPlan plan = profile.contentPlan(videoId, variant, false);
        if (plan instanceof ContentPlan.Refuse refuse) {
            throw new InvalidRequestException("variant", refuse.message());
        }
        if (!(plan instanceof ContentPlan.Fetch fetch)) {
            throw new InvalidRequestException(
                    "variant", "provider " + profile.name() + " cannot serve the " + variant.wireName());
        }
        HttpRequest.Builder b = request(HttpMethod.GET, segments(fetch.path()), fetch.query());
        if (from > 0) {
            b.putHeader("Range", "bytes=" + from + "-");
        }
        HttpRequest request = b.build();
        return errors.call(() -> {
            HttpResponse response = options.httpClient().execute(request);
            Optional<ContentStream> rest = RangeEnd.emptyRemainder(
                    response.statusCode(), SdkErrors.first(response.headers(), "Content-Range"), from);
            if (rest.isPresent()) {
                response.close();
                return rest.get();
            }
            if (response.statusCode() >= 400) {
                try (response) {
                    String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                    throw error(response.statusCode(), text, response.headers());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            long offset = 0;
            OptionalLong total = longHeader(response.headers(), "Content-Length");
            String range = SdkErrors.first(response.headers(), "Content-Range");
            if (response.statusCode() == 206 && range != null) {
                Matcher m = CONTENT_RANGE.matcher(range);
                if (m.find()) {
                    offset = Long.parseLong(m.group(1));
                    total = m.group(2).equals("*") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(2)));
                }
            }
            return new ContentStream(response.body(), offset, total, response);
        });
    }

    @Override
    public void close() {
        client.close();
    }

    private VideoJob post(WireRequest wire) {
        Answer a = exchange(HttpMethod.POST, segments(wire.path()), Map.of(), RequestBodies.of(wire), false);
        return job(a, null);
    }

    /** The job in an answer; {@code askedId} (when retrieving) replaces whatever id the answer carries. */
    private VideoJob job(Answer a, String askedId) {
        Optional<NormalizedJob> parsed = profile.parseJob(a.body());
        if (parsed.isEmpty()) {
            if (a.status() >= 400) {
                throw error(a.status(), a.body(), a.headers());
            }
            throw ApiException.builder()
                    .status(a.status())
                    .message("provider " + profile.name() + " answered with something that is not a video job: "
                            + abbreviate(a.body()))
                    .build();
        }
        VideoJob j = parsed.get().toVideoJob();
        if (a.status() >= 400 && !j.status().isTerminal()) {
            // An error status with a body that only looks like a job: the error wins.
            throw error(a.status(), a.body(), a.headers());
        }
        if (askedId == null || askedId.equals(j.id())) {
            return j;
        }
        return new VideoJob(
                askedId,
                j.model(),
                j.status(),
                j.progress(),
                j.createdAt(),
                j.completedAt(),
                j.expiresAt(),
                j.prompt(),
                j.size(),
                j.seconds(),
                j.remixedFromVideoId(),
                j.errorOrNull(),
                j.json());
    }

    /** One request; the answer's text. An error status throws unless {@code keepErrors}. */
    private Answer exchange(
            HttpMethod method, List<String> path, Map<String, String> query, HttpRequestBody body, boolean keepErrors) {
        HttpRequest.Builder b = request(method, path, query);
        if (body != null) {
            b.body(body);
        }
        HttpRequest request = b.build();
        if (method != HttpMethod.POST) {
            return execute(options, request, method, keepErrors);
        }
        // Every POST here makes something: sent again only when it certainly made nothing.
        return CreateOnce.send(settings.maxRetries(), () -> execute(optionsOnce, request, method, keepErrors));
    }

    private Answer execute(ClientOptions via, HttpRequest request, HttpMethod method, boolean keepErrors) {
        return errors.call(() -> {
            try (HttpResponse response = via.httpClient().execute(request)) {
                if (method == HttpMethod.POST) {
                    settings.observer().onResponse(response.statusCode(), lowerCase(response.headers()));
                }
                String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                if (response.statusCode() >= 400 && !keepErrors) {
                    throw error(response.statusCode(), text, response.headers());
                }
                return new Answer(response.statusCode(), text, response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private HttpRequest.Builder request(HttpMethod method, List<String> path, Map<String, String> query) {
        HttpRequest.Builder b = HttpRequest.builder()
                .method(method)
                .baseUrl(options.baseUrl())
                .addPathSegments(path.toArray(String[]::new))
                .putAllHeaders(options.headers())
                .putAllQueryParams(options.queryParams());
        // The SDK's typed services add the credential; a raw request adds it here, as the profile says.
        String key = settings.apiKey();
        if (!key.isBlank()) {
            boolean apiKeyHeader = settings.authHeader() == AuthHeader.API_KEY;
            b.removeHeaders("Authorization")
                    .putHeader(apiKeyHeader ? "api-key" : "Authorization", apiKeyHeader ? key : "Bearer " + key);
        } else {
            // No key configured for a provider that works without one: send no credential at all.
            b.removeHeaders("Authorization").removeHeaders("api-key");
        }
        query.forEach(b::putQueryParam);
        return b;
    }

    /** The error in any of the provider's envelopes, as the sora4j exception for its status. */
    private ApiException error(int status, String body, Headers headers) {
        ApiError e = profile.parseError(status, body);
        String message = e.message();
        if (e.category() == ApiError.Category.ROUTE_MISSING) {
            message = message + " (provider " + profile.name() + " has no such route at " + options.baseUrl()
                    + "; check --provider and --base-url)";
        }
        return ApiException.builder()
                .status(status)
                .message(message)
                .type(e.type())
                .code(e.code())
                .param(e.param())
                .requestId(SdkErrors.first(headers, "x-request-id"))
                .retryAfter(RetryAfter.parse(
                                SdkErrors.first(headers, "retry-after-ms"), SdkErrors.first(headers, "retry-after"))
                        .orElse(null))
                .build();
    }

    /** A relative path as raw segments (a plan's path has its id percent-encoded; the SDK encodes it again). */
    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static OptionalLong longHeader(Headers headers, String name) {
        String value = SdkErrors.first(headers, name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException ignored) {
            // A malformed length is treated as absent; the body is still checked later.
            return OptionalLong.empty();
        }
    }

    private static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> out = new HashMap<>();
        for (String name : headers.names()) {
            out.put(name.toLowerCase(Locale.ROOT), headers.values(name));
        }
        return out;
    }

    private static String abbreviate(String body) {
        String s = body == null ? "" : body.strip();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** An answer: status, text and headers. */
    private record Answer(int status, String body, Headers headers) {}
}
