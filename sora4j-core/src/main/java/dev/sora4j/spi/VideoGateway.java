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
import java.time.Duration;
import java.util.Optional;

/**
 * The Videos API as sora4j needs it. One implementation talks to the service through the official
 * SDK ({@code dev.sora4j.internal.openai.OpenAiVideoGateway}); tests may substitute another. Failures surface as
 * {@link dev.sora4j.errors.ApiException}.
 */
public interface VideoGateway extends AutoCloseable {
    /**
     * Sends an already validated request: JSON, or multipart when a file is uploaded.
     *
     * @param request the request
     * @return the create
     */
    VideoJob create(VideoRequest request);

    /**
     * Sends an already validated edit.
     *
     * @param request the request
     * @return the edit
     */
    VideoJob edit(EditRequest request);

    /**
     * Sends an already validated extension.
     *
     * @param request the request
     * @return the extend
     */
    VideoJob extend(ExtendRequest request);

    /**
     * Sends an already validated remix.
     *
     * @param request the request
     * @return the remix
     */
    VideoJob remix(RemixRequest request);

    /**
     * Uploads an already validated character clip.
     *
     * @param request the request
     * @return the create character
     */
    Character createCharacter(CharacterRequest request);

    /**
     * Retrieves a character.
     *
     * @param characterId the character's id
     * @return the retrieve character
     */
    Character retrieveCharacter(String characterId);

    /**
     * Retrieves a job.
     *
     * @param videoId the video's id
     * @return the retrieve
     */
    VideoJob retrieve(String videoId);

    /**
     * The server's last {@code openai-poll-after-ms} for this job, when it sent one.
     *
     * @param videoId the video's id
     * @return the poll after
     */
    default Optional<Duration> pollAfter(String videoId) {
        return Optional.empty();
    }

    /**
     * Lists one page of jobs.
     *
     * @param query page size, order and cursor
     * @return the page
     */
    VideoPage list(ListQuery query);

    /**
     * Deletes a job.
     *
     * @param videoId the video's id
     * @return the delete
     */
    DeletedVideo delete(String videoId);

    /**
     * Opens the content stream from byte {@code from} (a range request when above 0; a server that
     * ignores ranges answers from byte 0, which {@link ContentStream#offset()} shows). The caller
     * must close it.
     *
     * @param from the byte to start at
     * @param variant which asset
     * @param videoId the video's id
     * @return the content
     */
    ContentStream content(String videoId, Variant variant, long from);

    @Override
    void close();
}
