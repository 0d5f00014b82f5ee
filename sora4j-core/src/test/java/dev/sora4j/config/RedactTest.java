package dev.sora4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {
    @Test
    void hides_user_info_query_and_fragment() {
        assertThat(Redact.baseUrl("https://user:sk-secret@gw.example/v1")).isEqualTo("https://***@gw.example/v1");
        assertThat(Redact.baseUrl("https://gw.example/v1?api-key=sk-secret")).isEqualTo("https://gw.example/v1?***");
        assertThat(Redact.baseUrl("http://k@h:4000/v1?a=1#frag")).isEqualTo("http://***@h:4000/v1?***#***");
        assertThat(Redact.baseUrl("http://localhost:4000/v1")).isEqualTo("http://localhost:4000/v1");
        assertThat(Redact.baseUrl(null)).isNull();
    }

    @Test
    void redacts_a_url_inside_a_message() {
        String url = "https://u:p@gw.example/v1?key=k";
        assertThat(Redact.in("Could not reach " + url + "/videos: refused", url))
                .isEqualTo("Could not reach https://***@gw.example/v1?***/videos: refused");
        assertThat(Redact.in("see http://a:b@other/x", null)).isEqualTo("see http://***@other/x");
    }
}
