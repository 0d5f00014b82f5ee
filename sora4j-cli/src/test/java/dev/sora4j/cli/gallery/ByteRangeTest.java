package dev.sora4j.cli.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void single_ranges_are_served_and_clipped_to_the_file() {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(0, 99, 1000)));
        assertThat(ByteRange.parse("bytes=500-", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(500, 999, 1000)));
        assertThat(ByteRange.parse("bytes=900-5000", 1000))
                .isEqualTo(new ByteRange.Part(new ByteRange(900, 999, 1000)));
        assertThat(ByteRange.parse("bytes=-100", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(900, 999, 1000)));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(0, 999, 1000)));
        ByteRange r = new ByteRange(10, 19, 1000);
        assertThat(r.length()).isEqualTo(10);
        assertThat(r.contentRange()).isEqualTo("bytes 10-19/1000");
    }

    @Test
    void ranges_past_the_end_are_unsatisfiable() {
        assertThat(ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=20-10", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void missing_malformed_or_multiple_ranges_get_the_whole_file() {
        for (String h : new String[] {
            null, "", "bytes=", "bytes=-", "items=0-1", "bytes=0-1,5-9", "bytes=a-b", "bytes=99999999999999999999-"
        }) {
            assertThat(ByteRange.parse(h, 1000)).as(String.valueOf(h)).isInstanceOf(ByteRange.Whole.class);
        }
    }
}
