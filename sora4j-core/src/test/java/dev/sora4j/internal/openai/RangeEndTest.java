package dev.sora4j.internal.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.spi.ContentStream;
import org.junit.jupiter.api.Test;

class RangeEndTest {
    @Test
    void a_refusal_naming_exactly_the_resume_point_is_an_empty_remainder() throws Exception {
        ContentStream rest =
                RangeEnd.emptyRemainder(416, "bytes */390776", 390_776).orElseThrow();
        assertThat(rest.offset()).isEqualTo(390_776);
        assertThat(rest.totalLength()).hasValue(390_776);
        assertThat(rest.body().read()).isEqualTo(-1);
    }

    @Test
    void any_other_answer_stays_an_error() {
        assertThat(RangeEnd.emptyRemainder(416, "bytes */1000", 999))
                .as("asset shorter")
                .isEmpty();
        assertThat(RangeEnd.emptyRemainder(416, "bytes */1000", 1001))
                .as("asset longer")
                .isEmpty();
        assertThat(RangeEnd.emptyRemainder(416, null, 1000))
                .as("length not said")
                .isEmpty();
        assertThat(RangeEnd.emptyRemainder(416, "bytes 0-9/1000", 1000)).isEmpty();
        assertThat(RangeEnd.emptyRemainder(416, "bytes */99999999999999999999999", 1000))
                .isEmpty();
        assertThat(RangeEnd.emptyRemainder(404, "bytes */1000", 1000)).isEmpty();
        assertThat(RangeEnd.emptyRemainder(416, "bytes */0", 0))
                .as("nothing to resume")
                .isEmpty();
    }
}
