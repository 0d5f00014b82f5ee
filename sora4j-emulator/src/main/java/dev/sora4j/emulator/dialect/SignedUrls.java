package dev.sora4j.emulator.dialect;

import dev.sora4j.emulator.api.RouteGroup;
import dev.sora4j.emulator.store.Ids;
import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Storage URLs signed like a cloud bucket's: no credential, an expiry on the emulator's clock and an
 * HMAC over the path and expiry with a key that lives as long as the process. They stand in for the
 * {@code urls[]} OpenRouter hands out, served by the emulator itself so they work on loopback.
 */
public final class SignedUrls implements RouteGroup {
    private static final String PATH = "/_storage/videos/";
    private static final long LIFETIME_SECONDS = 3600;

    private final Jobs jobs;
    private final byte[] key = HexFormat.of().parseHex(Ids.hex(32));

    public SignedUrls(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH + "{file}", this::serve);
    }

    /** A URL for the job's MP4 on {@code origin} ({@code http://127.0.0.1:PORT}), valid for an hour. */
    public String url(String origin, StoredVideo video) {
        long expires = jobs.nowMs() / 1000 + LIFETIME_SECONDS;
        String path = PATH + video.id() + ".mp4";
        return origin + path + "?expires=" + expires + "&signature=" + sign(path, expires);
    }

    private void serve(Context ctx) throws IOException {
        String path = ctx.path();
        String file = ctx.pathParam("file");
        long expires;
        try {
            expires = Long.parseLong(String.valueOf(ctx.queryParam("expires")));
        } catch (NumberFormatException e) {
            expires = -1;
        }
        String given = ctx.queryParam("signature") == null ? "" : ctx.queryParam("signature");
        boolean valid = MessageDigest.isEqual(
                sign(path, expires).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            throw new ProviderError(403, Map.of("error", "SignatureDoesNotMatch"));
        }
        if (jobs.nowMs() / 1000 >= expires) {
            throw new ProviderError(403, Map.of("error", "Request has expired"));
        }
        Optional<StoredVideo> video =
                file.endsWith(".mp4") ? jobs.find(file.substring(0, file.length() - 4)) : Optional.empty();
        if (video.isEmpty() || !jobs.view(video.get()).status().equals("completed")) {
            throw new ProviderError(404, Map.of("error", "NoSuchKey"));
        }
        jobs.sendMedia(ctx, video.get(), MediaFiles.VIDEO, "video/mp4", null);
    }

    private String sign(String path, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
