package dev.sora4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path home;

    @Test
    void system_property_beats_environment_beats_config_file() throws Exception {
        Files.writeString(home.resolve("config.properties"), "base-url=http://file/v1\nprofile=spec\n");
        Properties sys = new Properties();
        Map<String, String> env = Map.of("SORA4J_HOME", home.toString(), "OPENAI_BASE_URL", "http://env/v1");
        assertThat(Settings.load(env, sys).get(Settings.Key.BASE_URL)).contains("http://env/v1");
        assertThat(Settings.load(env, sys).get(Settings.Key.PROFILE)).contains("spec");
        sys.setProperty("openai.baseUrl", "http://prop/v1");
        assertThat(Settings.load(env, sys).get(Settings.Key.BASE_URL)).contains("http://prop/v1");
    }

    @Test
    void the_api_key_is_never_taken_from_the_config_file() throws Exception {
        Files.writeString(home.resolve("config.properties"), "api-key=sk-from-file\n");
        Settings s = Settings.load(Map.of("SORA4J_HOME", home.toString()), new Properties());
        assertThat(s.get(Settings.Key.API_KEY)).isEmpty();
        assertThat(s.home()).isEqualTo(home);
    }

    @Test
    void blank_environment_values_count_as_unset() {
        Settings s = Settings.load(Map.of("SORA4J_HOME", home.toString(), "OPENAI_API_KEY", "  "), new Properties());
        assertThat(s.get(Settings.Key.API_KEY)).isEmpty();
    }
}
