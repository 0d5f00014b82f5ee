package dev.sora4j.internal.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoListPage;
import com.openai.models.videos.VideoListParams;
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
import dev.sora4j.spi.ContentStream;
import dev.sora4j.spi.VideoGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that calls {@code com.openai:openai-java}'s services. Reads (retrieve, list,
 * delete, content, characters) use the SDK's typed services. Every POST is a
 * {@link dev.sora4j.internal.wire.WireRequest} sent by {@link RawPosts} through the SDK's own HTTP
 * client, so retries, auth and timeouts stay the SDK's while the body is exactly what a preview
 * shows: JSON unless a file is uploaded, as the guide and the reference CLI send it.
 */
@SuppressWarnings("deprecation") // The SDK marks every Videos API method deprecated (OpenAI's shutdown notice).
public final class OpenAiVideoGateway implements VideoGateway {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");

    private final OpenAIClient client;
    private final SdkErrors errors;
    private final RawPosts posts;
    private final Map<String, Duration> pollAfter = new ConcurrentHashMap<>();

    /**
     * Connects (lazily, as the SDK does) with these settings.
     *
     * @param settings base URL, key, auth header, retries, timeout and response observer
     */
    public OpenAiVideoGateway(GatewaySettings settings) {
        SdkConnection connection = SdkConnection.open(settings);
        this.client = connection.client();
        this.errors = new SdkErrors(connection.options().baseUrl());
        this.posts = new RawPosts(connection.optionsOnce(), settings, errors);
    }

    @Override
    public VideoJob create(VideoRequest request) {
        return WireJsonParsing.job(posts.send(WireRequests.create(request)));
    }

    @Override
    public VideoJob edit(EditRequest request) {
        return WireJsonParsing.job(posts.send(WireRequests.edit(request)));
    }

    @Override
    public VideoJob extend(ExtendRequest request) {
        return WireJsonParsing.job(posts.send(WireRequests.extend(request)));
    }

    @Override
    public VideoJob remix(RemixRequest request) {
        return WireJsonParsing.job(posts.send(WireRequests.remix(request)));
    }

    @Override
    public Character createCharacter(CharacterRequest request) {
        return WireJsonParsing.character(posts.send(WireRequests.createCharacter(request)));
    }

    @Override
    public Character retrieveCharacter(String characterId) {
        return errors.call(() ->
                WireJsonParsing.character(WireJsonParsing.write(client.videos().getCharacter(characterId))));
    }

    @Override
    public VideoJob retrieve(String videoId) {
        return errors.call(() -> {
            try (HttpResponseFor<Video> response =
                    client.videos().withRawResponse().retrieve(videoId)) {
                // The server may say how long to wait before polling again; remember it per job.
                response.headers().values("openai-poll-after-ms").stream()
                        .findFirst()
                        .ifPresent(v -> {
                            try {
                                pollAfter.put(videoId, Duration.ofMillis(Long.parseLong(v.trim())));
                            } catch (NumberFormatException ignored) {
                                // A malformed hint is no hint.
                            }
                        });
                return WireJsonParsing.job(WireJsonParsing.write(response.parse()));
            }
        });
    }

    @Override
    public Optional<Duration> pollAfter(String videoId) {
        return Optional.ofNullable(pollAfter.get(videoId));
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
        return errors.call(() -> {
            VideoListPage page = client.videos().list(params);
            List<VideoJob> data = new ArrayList<>();
            for (Video v : page.data()) {
                data.add(WireJsonParsing.job(WireJsonParsing.write(v)));
            }
            String raw = WireJsonParsing.write(page.response());
            var node = WireJsonParsing.read(raw);
            return new VideoPage(
                    data,
                    WireJsonParsing.text(node, "first_id"),
                    WireJsonParsing.text(node, "last_id"),
                    page.hasMore().orElse(false),
                    raw);
        });
    }

    @Override
    public DeletedVideo delete(String videoId) {
        return errors.call(() ->
                WireJsonParsing.deleted(WireJsonParsing.write(client.videos().delete(videoId))));
    }

    @Override
    public ContentStream content(String videoId, Variant variant, long from) {
        VideoDownloadContentParams.Builder b =
                VideoDownloadContentParams.builder().variant(VideoDownloadContentParams.Variant.of(variant.wireName()));
        if (from > 0) {
            b.putAdditionalHeader("Range", "bytes=" + from + "-");
        }
        VideoDownloadContentParams params = b.build();
        return errors.call(() -> {
            HttpResponse response;
            try {
                response = client.videos().downloadContent(videoId, params);
            } catch (OpenAIServiceException e) {
                Optional<ContentStream> rest =
                        RangeEnd.emptyRemainder(e.statusCode(), SdkErrors.first(e.headers(), "Content-Range"), from);
                if (rest.isPresent()) {
                    return rest.get();
                }
                throw e;
            }
            long offset = 0;
            OptionalLong total = longHeader(response, "Content-Length");
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

    private static OptionalLong longHeader(HttpResponse response, String name) {
        String value = SdkErrors.first(response.headers(), name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException ignored) {
            // A malformed length is treated as absent; the body is still checked as an MP4 later.
            return OptionalLong.empty();
        }
    }
}
