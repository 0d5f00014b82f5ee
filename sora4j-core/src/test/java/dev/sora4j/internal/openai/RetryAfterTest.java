package dev.sora4j.internal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    @Test
    void retry_after_prefers_milliseconds_then_seconds() {
        assertThat(RetryAfter.parse("1500", "9")).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse(null, "2")).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse("x", "soon")).isEmpty();
        assertThat(RetryAfter.parse(null, "Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
    }
}
