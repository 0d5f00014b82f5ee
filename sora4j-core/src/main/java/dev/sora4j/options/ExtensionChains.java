package dev.sora4j.options;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many extensions lead to a video. The Videos API does not report it, yet the guide limits a
 * chain to six extensions, so the client remembers the extensions it made itself.
 */
public interface ExtensionChains {
    /**
     * Extensions behind {@code videoId}: 0 for an original video or one this client never extended.
     *
     * @param videoId the video's id
     * @return the extensions behind
     */
    int extensionsBehind(String videoId);

    /**
     * Records that {@code newVideoId} extends {@code sourceVideoId}.
     *
     * @param newVideoId the new video
     * @param sourceVideoId the video it extends
     */
    void recordExtension(String newVideoId, String sourceVideoId);

    /**
     * Kept for the life of the object only.
     *
     * @return a store that forgets when the object goes
     */
    static ExtensionChains inMemory() {
        Map<String, Integer> depth = new ConcurrentHashMap<>();
        return new ExtensionChains() {
            @Override
            public int extensionsBehind(String videoId) {
                return depth.getOrDefault(videoId, 0);
            }

            @Override
            public void recordExtension(String newVideoId, String sourceVideoId) {
                depth.put(newVideoId, extensionsBehind(sourceVideoId) + 1);
            }
        };
    }

    /**
     * Kept in a JSON file that separate processes share (e.g. {@code ~/.sora4j/extension-chains.json}).
     *
     * @param file the file
     * @return the in file
     */
    static ExtensionChains inFile(Path file) {
        return new FileExtensionChains(file);
    }
}
