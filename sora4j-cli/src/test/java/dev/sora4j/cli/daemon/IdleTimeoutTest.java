package dev.sora4j.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleTimeoutTest {
    @Test
    void seconds_or_a_unit_and_ten_minutes_when_unset() {
        assertThat(IdleTimeout.parse(null)).isEqualTo(Duration.ofMinutes(10));
        assertThat(IdleTimeout.parse(" ")).isEqualTo(Duration.ofMinutes(10));
        assertThat(IdleTimeout.parse("600")).isEqualTo(Duration.ofSeconds(600));
        assertThat(IdleTimeout.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(IdleTimeout.parse(" 5M ")).isEqualTo(Duration.ofMinutes(5));
        assertThat(IdleTimeout.parse("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anything_else_is_a_config_error_naming_the_variable_and_the_forms() {
        for (String bad : new String[] {"0", "-5", "ten", "5d", "1.5m"}) {
            assertThatThrownBy(() -> IdleTimeout.parse(bad))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("SORA4J_EMULATOR_IDLE=" + bad)
                    .hasMessageContaining("10m");
        }
    }
}
