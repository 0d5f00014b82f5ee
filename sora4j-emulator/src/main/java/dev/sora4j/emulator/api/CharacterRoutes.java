package dev.sora4j.emulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.Moderation;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Content;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.http.Responses;
import dev.sora4j.emulator.jobs.EmulatorRules;
import dev.sora4j.emulator.render.MediaProbe;
import dev.sora4j.emulator.screening.PeopleScreen;
import dev.sora4j.emulator.store.CharacterStore;
import dev.sora4j.emulator.store.Ids;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /videos/characters} (multipart only) and {@code GET /videos/characters/{id}}. */
public final class CharacterRoutes implements RouteGroup {
    private final EmulatorConfig config;
    private final CharacterStore store;
    private final EmulatorRules rules;
    private final ObjectMapper json;
    private final Bodies bodies;

    private final PeopleScreen people;

    public CharacterRoutes(EmulatorConfig config, CharacterStore store, ObjectMapper json, PeopleScreen people) {
        this.people = people;
        this.config = config;
        this.store = store;
        this.rules = new EmulatorRules(config.limits().profile());
        this.json = json;
        this.bodies = new Bodies(config, json);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/videos/characters", this::create);
        routes.get("/v1/videos/characters/{id}", this::retrieve);
    }

    private void create(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiError.invalidRequest(
                    null,
                    "Creating a character requires a multipart/form-data body with " + "'name' and a 'video' file.");
        }
        RequestFields body = bodies.parse(ctx);
        RequestFields.Upload video = body.upload("video");
        for (String key : body.fields().keySet()) {
            if (!key.equals("name")) {
                throw ApiError.invalidRequest(key, "Unrecognized request argument supplied: " + key);
            }
        }
        String name = rules.characterName(body.text("name"));
        if (video == null) {
            throw ApiError.missing("video");
        }
        MediaProbe.Info info =
                MediaProbe.mp4(video.content(), "video", config.stateDir().resolve("tmp"));
        if (showsPerson(video.content())) {
            // Character uploads are for non-human subjects only (guide, "Guardrails").
            throw new ApiError(
                    400,
                    "invalid_request_error",
                    "video",
                    Moderation.CODE,
                    "Character uploads of people are blocked: the video shows a human face. "
                            + "Use a clip of an animal, object or creature.");
        }
        CharacterStore.StoredCharacter c = new CharacterStore.StoredCharacter(
                Ids.character(), name, config.clock().millis() / 1000, info.width(), info.height(), info.seconds());
        store.save(c);
        Responses.json(ctx, json, wire(c));
    }

    private boolean showsPerson(Content content) {
        Path dir = config.stateDir().resolve("tmp");
        try {
            Files.createDirectories(dir);
            Path clip = Files.createTempFile(dir, "character-", ".mp4");
            try {
                try (InputStream in = content.open()) {
                    Files.copy(in, clip, StandardCopyOption.REPLACE_EXISTING);
                }
                return people.clipShowsPerson(clip);
            } finally {
                Files.deleteIfExists(clip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void retrieve(Context ctx) {
        String id = ctx.pathParam("id");
        CharacterStore.StoredCharacter c = store.find(id)
                .orElseThrow(() -> new ApiError(
                        404,
                        "invalid_request_error",
                        "character_id",
                        null,
                        "Character with id '" + id + "' not found."));
        Responses.json(ctx, json, wire(c));
    }

    private static Map<String, Object> wire(CharacterStore.StoredCharacter c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("name", c.name());
        out.put("created_at", c.createdAt());
        return out;
    }
}
