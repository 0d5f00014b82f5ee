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

/** A test gateway that supports nothing; tests override the calls they script. */
public class UnsupportedGateway implements VideoGateway {
    @Override
    public VideoJob create(VideoRequest request) {
        throw new UnsupportedOperationException("create");
    }

    @Override
    public VideoJob edit(EditRequest request) {
        throw new UnsupportedOperationException("edit");
    }

    @Override
    public VideoJob extend(ExtendRequest request) {
        throw new UnsupportedOperationException("extend");
    }

    @Override
    public VideoJob remix(RemixRequest request) {
        throw new UnsupportedOperationException("remix");
    }

    @Override
    public Character createCharacter(CharacterRequest request) {
        throw new UnsupportedOperationException("createCharacter");
    }

    @Override
    public Character retrieveCharacter(String characterId) {
        throw new UnsupportedOperationException("retrieveCharacter");
    }

    @Override
    public VideoJob retrieve(String videoId) {
        throw new UnsupportedOperationException("retrieve");
    }

    @Override
    public VideoPage list(ListQuery query) {
        throw new UnsupportedOperationException("list");
    }

    @Override
    public DeletedVideo delete(String videoId) {
        throw new UnsupportedOperationException("delete");
    }

    @Override
    public ContentStream content(String videoId, Variant variant, long from) {
        throw new UnsupportedOperationException("content");
    }

    @Override
    public void close() {}
}
