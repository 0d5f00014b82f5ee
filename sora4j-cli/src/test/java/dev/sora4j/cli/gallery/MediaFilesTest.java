package dev.sora4j.cli.gallery;

import static dev.sora4j.cli.gallery.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.model.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFilesTest {
    @TempDir
    Path dir;

    /** A backend whose fetch writes a marker file, or fails, and counts its calls. */
    private final class Fetcher implements GalleryBackend {
        final List<String> fetched = new ArrayList<>();
        boolean fail;

        @Override
        public List<LedgerEntry> jobs(int limit) {
            return List.of();
        }

        @Override
        public Optional<LedgerEntry> job(long seq) {
            return Optional.empty();
        }

        @Override
        public void fetch(String videoId, Variant variant, Path target) {
            fetched.add(videoId + " " + variant.wireName());
            if (fail) {
                throw new IllegalStateException("expired");
            }
            try {
                Files.writeString(target, "image of " + videoId);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean reaches(LedgerEntry entry) {
            return !"litellm".equals(entry.provider());
        }

        @Override
        public void refresh(String videoId) {}

        @Override
        public ActionPreview preview(ActionRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ActionResult run(ActionRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path cacheDir() {
            return dir.resolve("cache");
        }
    }

    @Test
    void the_video_is_only_the_file_the_ledger_recorded_and_only_if_it_is_a_file() throws IOException {
        Path mp4 = Files.writeString(dir.resolve("a.mp4"), "mp4");
        assertThat(MediaFiles.video(entry(1, "create", null, "video_a", "completed", "sora-2", mp4.toString())))
                .contains(mp4);
        assertThat(MediaFiles.video(entry(1, "create", null, "video_a", "completed", "sora-2")))
                .isEmpty();
        assertThat(MediaFiles.video(entry(1, "create", null, "video_a", "completed", "sora-2", dir.toString())))
                .as("a directory is not a video")
                .isEmpty();
        assertThat(MediaFiles.video(entry(
                        1,
                        "create",
                        null,
                        "video_a",
                        "completed",
                        "sora-2",
                        dir.resolve("gone.mp4").toString())))
                .isEmpty();
    }

    @Test
    void cached_assets_stay_inside_the_cache_whatever_the_id() {
        Path cache = dir.resolve("cache");
        for (String id : new String[] {"video_a", "../../etc/passwd", "/etc/passwd", "..", "a/../../b"}) {
            Path p = MediaFiles.cached(cache, id, Variant.THUMBNAIL).normalize();
            assertThat(p.getParent().getParent()).as(id).isEqualTo(cache);
            assertThat(p.getFileName().toString()).isEqualTo("thumbnail.webp");
        }
        assertThat(MediaFiles.cached(cache, "video_a", Variant.SPRITESHEET))
                .isNotEqualTo(MediaFiles.cached(cache, "video_b", Variant.SPRITESHEET));
    }

    @Test
    void assets_are_fetched_once_for_completed_jobs_and_failures_wait_before_a_retry() {
        Fetcher backend = new Fetcher();
        Instant[] now = {Instant.parse("2026-12-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        MediaFiles media = new MediaFiles(backend, clock);
        LedgerEntry done = entry(1, "create", null, "video_a", "completed", "sora-2");
        assertThat(media.asset(done, Variant.THUMBNAIL)).isPresent();
        assertThat(media.asset(done, Variant.THUMBNAIL)).isPresent();
        assertThat(backend.fetched).containsExactly("video_a thumbnail");
        assertThat(media.asset(entry(2, "create", null, "video_b", "queued", "sora-2"), Variant.THUMBNAIL))
                .isEmpty();
        assertThat(media.asset(done, Variant.VIDEO))
                .as("videos are never fetched into the cache")
                .isEmpty();

        backend.fail = true;
        LedgerEntry expired = entry(3, "create", null, "video_c", "completed", "sora-2");
        assertThat(media.asset(expired, Variant.SPRITESHEET)).isEmpty();
        assertThat(media.asset(expired, Variant.SPRITESHEET)).isEmpty();
        assertThat(backend.fetched).hasSize(2); // the second ask within RETRY_AFTER did not call the service
        now[0] = now[0].plus(MediaFiles.RETRY_AFTER);
        backend.fail = false;
        assertThat(media.asset(expired, Variant.SPRITESHEET)).isPresent();
        media.evict("video_c");
        assertThat(MediaFiles.cached(backend.cacheDir(), "video_c", Variant.SPRITESHEET))
                .doesNotExist();
    }
}
