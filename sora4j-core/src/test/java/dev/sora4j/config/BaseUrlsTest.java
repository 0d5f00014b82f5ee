package dev.sora4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaseUrlsTest {
    @Test
    void accepts_the_roots_of_every_provider() {
        for (String url : new String[] {
            "https://api.openai.com/v1",
            "http://localhost:4000/v1",
            "https://res.openai.azure.com/openai/v1",
            "https://openrouter.ai/api/v1/",
            "http://127.0.0.1:8091/v1"
        }) {
            assertThat(BaseUrls.problem(url)).as(url).isEmpty();
            assertThat(BaseUrls.missingVersionHint(url)).as(url).isEmpty();
        }
    }

    @Test
    void names_what_is_wrong() {
        assertThat(BaseUrls.problem("localhost:4000/v1")).get().asString().contains("has no http:// or https://");
        assertThat(BaseUrls.problem("api.example.com/v1")).get().asString().contains("has no http:// or https://");
        assertThat(BaseUrls.problem("ftp://h/v1")).get().asString().contains("must start with http://");
        assertThat(BaseUrls.problem("http:///v1")).get().asString().contains("has no host name");
        assertThat(BaseUrls.problem("http://a b/v1")).get().asString().contains("is not a URL");
        assertThat(BaseUrls.problem(" ")).get().asString().startsWith("is empty");
    }

    @Test
    void hints_a_missing_v1_and_redacts_it() {
        assertThat(BaseUrls.missingVersionHint("http://u:secret@localhost:4000/?k=s"))
                .get()
                .asString()
                .contains("you probably mean http://***@localhost:4000/v1")
                .doesNotContain("secret");
    }

    @Test
    void knows_openais_own_endpoint() {
        assertThat(BaseUrls.isOpenAi("https://api.openai.com/v1/")).isTrue();
        assertThat(BaseUrls.isOpenAi("http://localhost:4000/v1")).isFalse();
        assertThat(BaseUrls.REMOVED_NOTICE)
                .contains("2026-09-24")
                .contains("--base-url")
                .contains("--offline");
    }
}
