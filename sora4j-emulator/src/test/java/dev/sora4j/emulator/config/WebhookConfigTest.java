package dev.sora4j.emulator.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {
    private static String secret(int keyBytes) {
        return "whsec_"
                + Base64.getEncoder().encodeToString("k".repeat(keyBytes).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void only_http_and_https_urls_with_a_host_are_accepted() {
        for (String bad : List.of("ftp://127.0.0.1/hook", "file:///etc/passwd", "mailto:a@b.c", "/relative")) {
            assertThatThrownBy(() -> WebhookConfig.to(List.of(URI.create(bad)), secret(24)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("http:// or https://");
        }
        assertThatCode(() -> WebhookConfig.to(List.of(URI.create("https://hooks.example/x")), secret(24)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_secret_under_16_bytes_is_refused() {
        assertThatThrownBy(() -> WebhookConfig.to(List.of(URI.create("http://127.0.0.1:9/h")), secret(15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too short");
        assertThatCode(() -> WebhookConfig.to(List.of(URI.create("http://127.0.0.1:9/h")), secret(16)))
                .doesNotThrowAnyException();
    }
}
