package dev.sora4j.cli.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The page itself: plain HTML, CSS and JavaScript bundled in the jar (no CDN, no build step), read
 * once at start.
 */
public final class WebAssets {
    private static final String ROOT = "/dev/sora4j/cli/gallery/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "gallery.css", "text/css; charset=utf-8",
            "gallery.js", "text/javascript; charset=utf-8");

    /**
     * One bundled file.
     *
     * @param bytes its content
     * @param contentType its media type
     */
    public record Asset(byte[] bytes, String contentType) {}

    private final Map<String, Asset> assets;

    private WebAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /**
     * Reads the bundled files.
     *
     * @return the assets
     * @throws UncheckedIOException when the jar lacks one (a broken build)
     */
    public static WebAssets load() {
        Map<String, Asset> out = new HashMap<>();
        for (Map.Entry<String, String> t : TYPES.entrySet()) {
            try (InputStream in = WebAssets.class.getResourceAsStream(ROOT + t.getKey())) {
                if (in == null) {
                    throw new IOException("missing resource " + ROOT + t.getKey());
                }
                out.put(t.getKey(), new Asset(in.readAllBytes(), t.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new WebAssets(Map.copyOf(out));
    }

    /**
     * A bundled file by name; only the names above exist.
     *
     * @param name e.g. {@code gallery.js}
     * @return the asset, or empty
     */
    public Optional<Asset> get(String name) {
        return Optional.ofNullable(assets.get(name));
    }
}
