package dev.sora4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobStatusTest {
    @ParameterizedTest
    @CsvSource({
        "queued, false, true",
        "in_progress, false, true",
        "completed, true, true",
        "failed, true, true",
        "expired, true, true",
        "canceled, true, true",
        "cancelled, true, true",
        "rendering, false, false",
        "'', false, false",
    })
    void terminal_and_known(String value, boolean terminal, boolean known) {
        JobStatus status = JobStatus.of(value);
        assertThat(status.isTerminal()).isEqualTo(terminal);
        assertThat(status.isKnown()).isEqualTo(known);
        assertThat(status.value()).isEqualTo(value);
    }

    @org.junit.jupiter.api.Test
    void null_from_the_wire_is_an_unknown_running_status_not_a_crash() {
        JobStatus status = JobStatus.of(null);
        assertThat(status.isKnown()).isFalse();
        assertThat(status.isTerminal()).isFalse();
    }
}
