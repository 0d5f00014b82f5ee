package dev.sora4j.cli.gallery;

import static dev.sora4j.cli.gallery.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.ledger.LedgerEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobViewsTest {
    private final JobViews views = new JobViews(new ObjectMapper());

    private static final String CREATE = "{\"body\":{\"model\":\"sora-2\",\"characters\":[{\"id\":\"char_1\"}]},"
            + "\"method\":\"POST\",\"path\":\"videos\"}";
    private static final String REMIX =
            "{\"body\":{\"prompt\":\"x\"},\"method\":\"POST\",\"path\":\"videos/video_a/remix\"}";
    private static final String EXTEND =
            "{\"body\":{\"prompt\":\"x\",\"seconds\":\"8\",\"video\":{\"id\":\"video_b\"}},"
                    + "\"method\":\"POST\",\"path\":\"videos/extensions\"}";
    private static final String UPLOAD = "{\"body\":{\"model\":\"sora-2\",\"prompt\":\"x\"},\"files\":{\"video\":"
            + "\"/clips/in.mp4\"},\"method\":\"POST\",\"path\":\"videos/edits\"}";

    @Test
    void lineage_is_read_from_the_request_as_sent() {
        assertThat(views.lineage(entry(1, "create", CREATE, "video_a", "completed", "sora-2")))
                .isEqualTo(new JobViews.Lineage(null, null, List.of("char_1")));
        assertThat(views.lineage(entry(2, "remix", REMIX, "video_b", "completed", null))
                        .sourceId())
                .isEqualTo("video_a");
        assertThat(views.lineage(entry(3, "extend", EXTEND, "video_c", "completed", null))
                        .sourceId())
                .isEqualTo("video_b");
        assertThat(views.lineage(entry(4, "edit", UPLOAD, "video_d", "completed", null))
                        .uploadedSource())
                .isEqualTo("/clips/in.mp4");
        assertThat(views.lineage(entry(5, "create", "not json", "video_e", "completed", "sora-2")))
                .isEqualTo(new JobViews.Lineage(null, null, List.of()));
    }

    @Test
    void the_page_links_sources_and_children_inherits_model_and_totals_spend() {
        List<LedgerEntry> newestFirst = List.of(
                entry(3, "extend", EXTEND, "video_c", "in_progress", null),
                entry(2, "remix", REMIX, "video_b", "completed", null),
                entry(1, "create", CREATE, "video_a", "completed", "sora-2", "/v/a.mp4"),
                entry(0, "create", CREATE, null, "refused", "sora-2"));
        Map<String, Object> page = views.page(
                newestFirst,
                Set.of(1L),
                Set.of("video_b"),
                id -> "video_c".equals(id) ? Optional.of("timeout") : Optional.empty());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) page.get("jobs");
        assertThat(jobs).extracting(j -> j.get("seq")).containsExactly(3L, 2L, 1L, 0L);
        Map<String, Object> remix = jobs.get(1);
        assertThat(remix).containsEntry("source_seq", 1L).containsEntry("model", "sora-2");
        assertThat(remix).containsEntry("inherited", true).containsEntry("children", List.of(3L));
        assertThat(remix).containsEntry("deleted", true);
        assertThat(jobs.get(2)).containsEntry("deleted", false);
        assertThat(jobs.get(0)).containsEntry("model", "sora-2").containsEntry("seconds", null);
        assertThat(jobs.get(0)).containsEntry("terminal", false).containsEntry("status_check_error", "timeout");
        assertThat(jobs.get(2)).containsEntry("downloaded", true).containsEntry("has_assets", true);
        assertThat(jobs.get(2)).containsEntry("children", List.of(2L));
        // 0.4 for the create; the refused one created nothing; derived jobs have no estimate of their own here.
        assertThat(page.get("total_spend_usd")).isEqualTo(0.4);
        assertThat(page.get("models")).isEqualTo(Set.of("sora-2"));
    }

    @Test
    void terminal_statuses() {
        assertThat(JobViews.terminal("completed")).isTrue();
        assertThat(JobViews.terminal("failed")).isTrue();
        assertThat(JobViews.terminal("refused")).isTrue();
        assertThat(JobViews.terminal("sending")).isTrue();
        assertThat(JobViews.terminal("queued")).isFalse();
        assertThat(JobViews.terminal("in_progress")).isFalse();
        assertThat(JobViews.terminal("adopted")).isFalse();
        assertThat(JobViews.batchLabel("0123456789abcdef")).isEqualTo("01234567");
    }
}
