package dev.sora4j.cli.gallery;

import static dev.sora4j.cli.gallery.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.model.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusRefresherTest {
    /** A ledger listing fixed entries; refresh records the ids asked about and fails for one. */
    private static final class Ledger implements GalleryBackend {
        final List<LedgerEntry> entries = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        boolean listFails;
        String failing = "video_bad";

        @Override
        public List<LedgerEntry> jobs(int limit) {
            if (listFails) {
                throw new IllegalStateException("database is locked");
            }
            return entries;
        }

        @Override
        public Optional<LedgerEntry> job(long seq) {
            return Optional.empty();
        }

        @Override
        public void fetch(String videoId, Variant variant, Path target) {}

        @Override
        public boolean reaches(LedgerEntry entry) {
            return !"litellm".equals(entry.provider());
        }

        @Override
        public void refresh(String videoId) {
            asked.add(videoId);
            if (videoId.equals(failing)) {
                throw new IllegalStateException("404: no such video");
            }
        }

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
            return Path.of("unused");
        }
    }

    @Test
    void only_running_jobs_are_asked_about_and_failures_are_remembered_until_a_success() {
        Ledger ledger = new Ledger();
        ledger.entries.add(entry(6, "create", null, "video_run", "in_progress", "sora-2"));
        ledger.entries.add(entry(5, "create", null, "video_bad", "queued", "sora-2"));
        ledger.entries.add(entry(4, "create", null, "video_done", "completed", "sora-2"));
        ledger.entries.add(entry(3, "create", null, null, "sending", "sora-2"));
        ledger.entries.add(entry(2, "character", null, "char_1", "created", null));
        ledger.entries.add(entry(1, "create", null, "video_lost", "failed", "sora-2"));
        ledger.entries.add(
                Entries.withProvider(entry(0, "create", null, "video_elsewhere", "queued", "sora-2"), "litellm"));
        try (StatusRefresher r = new StatusRefresher(ledger)) {
            r.round();
            assertThat(ledger.asked).containsExactly("video_run", "video_bad");
            assertThat(r.lastError("video_bad")).contains("404: no such video");
            assertThat(r.lastError("video_run")).isEmpty();
            assertThat(r.lastError(null)).isEmpty();

            ledger.listFails = true;
            r.round(); // a locked ledger ends the round, not the refresher
            assertThat(r.lastError("video_bad")).isPresent();
            ledger.listFails = false;
            ledger.failing = null;
            r.round();
            assertThat(r.lastError("video_bad"))
                    .as("cleared by the next good answer")
                    .isEmpty();
        }
    }

    @Test
    void a_round_asks_about_at_most_per_round_jobs() {
        Ledger ledger = new Ledger();
        for (int i = 0; i < StatusRefresher.PER_ROUND + 5; i++) {
            ledger.entries.add(entry(100 - i, "create", null, "video_" + i, "queued", "sora-2"));
        }
        try (StatusRefresher r = new StatusRefresher(ledger)) {
            r.round();
        }
        assertThat(ledger.asked).hasSize(StatusRefresher.PER_ROUND).startsWith("video_0");
    }
}
