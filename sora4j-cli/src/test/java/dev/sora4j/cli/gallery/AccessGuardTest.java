package dev.sora4j.cli.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.cli.gallery.AccessGuard.Facts;
import dev.sora4j.cli.gallery.AccessGuard.Verdict;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AccessGuardTest {
    private static final int PORT = 8788;
    private final AccessToken token = AccessToken.random(new SecureRandom());
    private final AccessGuard guard = new AccessGuard(token, PORT, true);

    private static Facts get(String query, String header, String cookie, String host) {
        return new Facts("GET", query, header, cookie, host, null, null);
    }

    private static Facts post(String cookie, String host, String origin, String fetchSite) {
        return new Facts("POST", null, null, cookie, host, origin, fetchSite);
    }

    @Test
    void tokens_are_long_url_safe_and_different_each_time() {
        String a = token.value();
        String b = AccessToken.random(new SecureRandom()).value();
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b);
        assertThat(token.toString()).doesNotContain(a);
    }

    @Test
    void a_request_without_the_right_token_is_refused() {
        String host = "127.0.0.1:" + PORT;
        assertThat(guard.check(get(null, null, null, host), false)).isEqualTo(Verdict.NO_TOKEN);
        assertThat(guard.check(get("", null, null, host), false)).isEqualTo(Verdict.NO_TOKEN);
        assertThat(guard.check(get(token.value() + "x", null, null, host), false))
                .isEqualTo(Verdict.NO_TOKEN);
        assertThat(guard.check(get(token.value().substring(1), null, null, host), false))
                .isEqualTo(Verdict.NO_TOKEN);
        assertThat(guard.check(get(null, null, "wrong", host), false)).isEqualTo(Verdict.NO_TOKEN);
        assertThat(Verdict.NO_TOKEN.status()).isEqualTo(401);
    }

    @Test
    void the_token_in_the_url_or_header_sets_the_cookie_and_the_cookie_then_suffices() {
        String host = "localhost:" + PORT;
        assertThat(guard.check(get(token.value(), null, null, host), false)).isEqualTo(Verdict.ALLOW_SET_COOKIE);
        assertThat(guard.check(get(null, token.value(), null, host), false)).isEqualTo(Verdict.ALLOW_SET_COOKIE);
        assertThat(guard.check(get(null, null, token.value(), host), false)).isEqualTo(Verdict.ALLOW);
        assertThat(guard.setCookie())
                .startsWith("sora_gallery_" + PORT + "=" + token.value() + ";")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/");
    }

    @Test
    void a_foreign_host_header_is_refused_on_loopback_even_with_the_token() {
        for (String host : new String[] {
            "evil.example:" + PORT, "127.0.0.1:9999", "127.0.0.1", null, "127.0.0.1.evil.example:" + PORT
        }) {
            assertThat(guard.check(get(token.value(), null, null, host), false))
                    .as(String.valueOf(host))
                    .isEqualTo(Verdict.WRONG_HOST);
        }
        assertThat(guard.check(get(token.value(), null, null, "[::1]:" + PORT), false))
                .isEqualTo(Verdict.ALLOW_SET_COOKIE);
        AccessGuard open = new AccessGuard(token, PORT, false);
        assertThat(open.check(get(token.value(), null, null, "192.168.1.9:" + PORT), false))
                .isEqualTo(Verdict.ALLOW_SET_COOKIE);
    }

    @Test
    void actions_need_post_from_the_same_origin() {
        String host = "127.0.0.1:" + PORT;
        String cookie = token.value();
        assertThat(guard.check(post(cookie, host, "http://" + host, null), true))
                .isEqualTo(Verdict.ALLOW);
        assertThat(guard.check(post(cookie, host, null, "same-origin"), true)).isEqualTo(Verdict.ALLOW);
        assertThat(guard.check(post(cookie, host, "http://evil.example", null), true))
                .isEqualTo(Verdict.CROSS_ORIGIN);
        assertThat(guard.check(post(cookie, host, "http://localhost:" + PORT, null), true))
                .as("another origin of the same machine is still another origin")
                .isEqualTo(Verdict.CROSS_ORIGIN);
        assertThat(guard.check(post(cookie, host, "null", null), true)).isEqualTo(Verdict.CROSS_ORIGIN);
        assertThat(guard.check(post(cookie, host, null, "cross-site"), true)).isEqualTo(Verdict.CROSS_ORIGIN);
        assertThat(guard.check(post(cookie, host, null, "same-site"), true)).isEqualTo(Verdict.CROSS_ORIGIN);
        assertThat(guard.check(post(cookie, host, null, null), true))
                .as("no proof of origin at all")
                .isEqualTo(Verdict.CROSS_ORIGIN);
        assertThat(guard.check(new Facts("GET", null, null, cookie, host, null, "same-origin"), true))
                .isEqualTo(Verdict.WRONG_METHOD);
        assertThat(guard.check(post(null, host, "http://" + host, null), true))
                .as("same origin but no token")
                .isEqualTo(Verdict.NO_TOKEN);
    }
}
