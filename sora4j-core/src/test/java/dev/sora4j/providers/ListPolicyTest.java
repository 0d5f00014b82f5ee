package dev.sora4j.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListPolicyTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void cursor_pages_continue_after_the_raw_last_id_not_the_last_items_id() throws Exception {
        // LiteLLM re-encodes data[].id but leaves last_id raw (providers.md §1).
        JsonNode page = JSON.readTree(
                "{\"object\":\"list\",\"data\":[{\"id\":\"video_ENCODED\"}],\"first_id\":\"video_raw1\",\"last_id\":\"video_raw1\",\"has_more\":true}");
        assertThat(ListPolicy.CURSORS.nextAfter(page, 1)).contains("video_raw1");
        JsonNode last = JSON.readTree("{\"data\":[{\"id\":\"a\"}],\"last_id\":\"a\",\"has_more\":false}");
        assertThat(ListPolicy.CURSORS.nextAfter(last, 1)).isEmpty();
    }

    @Test
    void short_pages_end_the_listing_where_there_are_no_cursors() throws Exception {
        JsonNode full = JSON.readTree("{\"object\":\"list\",\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
        assertThat(ListPolicy.SHORT_PAGE.nextAfter(full, 2)).contains("b");
        assertThat(ListPolicy.SHORT_PAGE.nextAfter(full, 3)).isEmpty();
        assertThat(ListPolicy.SINGLE_PAGE.nextAfter(full, 2)).isEmpty();
    }

    @Test
    void queries_only_where_the_server_reads_them() {
        assertThat(ListPolicy.CURSORS.query(20, "video_1", "desc"))
                .isEqualTo(Map.of("limit", "20", "after", "video_1", "order", "desc"));
        assertThat(ListPolicy.SINGLE_PAGE.query(20, "x", "asc")).isEmpty();
        assertThat(ListPolicy.NONE.query(20, null, null)).isEmpty();
    }

    @Test
    void delete_answers_in_every_shape_confirm() throws Exception {
        DeletePolicy any = new DeletePolicy(DeletePolicy.Answer.DELETED_FLAG, true);
        assertThat(any.confirms(JSON.readTree("{\"deleted\":true}"))).isTrue();
        assertThat(any.confirms(JSON.readTree("{\"id\":\"v\",\"object\":\"video.deleted\",\"deleted\":true}")))
                .isTrue();
        assertThat(any.confirms(JSON.readTree("{\"id\":\"u\",\"status\":\"deleted\"}")))
                .isTrue();
        assertThat(any.confirms(JSON.readTree("{\"id\":\"u\",\"status\":\"queued\"}")))
                .isFalse();
    }
}
