package dev.sora4j.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.ledger.Intent;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.SqliteLedger;
import dev.sora4j.model.JobStatus;
import dev.sora4j.model.VideoJob;
import dev.sora4j.rules.PriceTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Estimates of edits, remixes and extensions: from the ledger's create entry, else (if allowed) the server. */
class SourceCostsTest {
    private final List<String> asked = new ArrayList<>();
    private final Function<String, VideoJob> server = id -> {
        asked.add(id);
        return new VideoJob(
                id,
                "sora-2-pro",
                JobStatus.of("completed"),
                100,
                0,
                null,
                null,
                "p",
                "1280x720",
                "12",
                null,
                null,
                "{}");
    };

    @Test
    void the_ledger_knows_a_source_this_machine_created(@TempDir Path dir) {
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), Clock.systemUTC())) {
            long seq = ledger.intent(Intent.builder("create", "hash", "{}")
                    .model("sora-2")
                    .size("720x1280")
                    .seconds("8")
                    .build());
            ledger.created(seq, "video_1", "completed");
            SourceCosts costs = new SourceCosts(ledger, PriceTable.defaults(), server);
            assertThat(costs.fromVideo("video_1", null, false)).contains(0.8);
            assertThat(costs.fromVideo("video_1", "4", true)).contains(0.4);
            assertThat(asked).isEmpty();
        }
    }

    @Test
    void an_unknown_source_is_asked_for_only_when_allowed() {
        SourceCosts costs = new SourceCosts(Ledger.none(), PriceTable.defaults(), server);
        assertThat(costs.fromVideo("video_2", null, false)).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(costs.fromVideo("video_2", null, true)).contains(3.6);
        assertThat(costs.fromVideo("video_2", "4", true)).contains(1.2);
        assertThat(asked).containsExactly("video_2", "video_2");
    }

    @Test
    void an_unreadable_upload_has_no_estimate(@TempDir Path dir) throws Exception {
        Path notMp4 = Files.writeString(dir.resolve("clip.mp4"), "not a video");
        assertThat(new SourceCosts(Ledger.none(), PriceTable.defaults(), server).fromUpload(notMp4, "sora-2"))
                .isEmpty();
    }
}
