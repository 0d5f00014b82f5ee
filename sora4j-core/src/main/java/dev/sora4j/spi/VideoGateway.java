package dev.sora4j.spi;

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

/**
 * The Videos API as sora4j needs it. One implementation talks to the service through the official
 * SDK ({@link OpenAiVideoGateway}); tests may substitute another. Failures surface as
 * {@link dev.sora4j.errors.ApiException}.
 */
public interface VideoGateway extends AutoCloseable {
    /** Sends an already validated request: JSON, or multipart when a file is uploaded. */
    VideoJob create(VideoRequest request);

    VideoJob edit(EditRequest request);

    VideoJob extend(ExtendRequest request);

    VideoJob remix(RemixRequest request);

    Character createCharacter(CharacterRequest request);

    Character retrieveCharacter(String characterId);

    VideoJob retrieve(String videoId);

    /** The server's last {@code openai-poll-after-ms} for this job, when it sent one. */
    default java.util.Optional<java.time.Duration> pollAfter(String videoId) {
        return java.util.Optional.empty();
    }

    VideoPage list(ListQuery query);

    DeletedVideo delete(String videoId);

    /**
     * Opens the content stream from byte {@code from} (a range request when above 0; a server that
     * ignores ranges answers from byte 0, which {@link ContentStream#offset()} shows). The caller
     * must close it.
     */
    ContentStream content(String videoId, Variant variant, long from);

    @Override
    void close();
}
