package dev.sora4j.emulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.http.BodyLimits;
import dev.sora4j.emulator.http.RequestFields;
import io.javalin.http.Context;
import java.nio.file.Path;

/** Parses request bodies within the configured limits, spooling uploads to the state directory. */
final class Bodies {
    private final ObjectMapper json;
    private final Path spoolDir;
    private final BodyLimits limits;

    Bodies(EmulatorConfig config, ObjectMapper json) {
        this.json = json;
        this.spoolDir = config.stateDir().resolve("tmp");
        this.limits =
                new BodyLimits(config.limits().maxJsonBytes(), config.limits().maxUploadBytes());
    }

    RequestFields parse(Context ctx) {
        return RequestFields.parse(ctx, json, spoolDir, limits);
    }
}
