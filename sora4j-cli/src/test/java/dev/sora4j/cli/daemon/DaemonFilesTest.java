package dev.sora4j.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonFilesTest {
    @TempDir
    Path dir;

    @Test
    void the_port_file_round_trips_and_only_its_owner_removes_it() throws Exception {
        DaemonFiles files = new DaemonFiles(dir);
        assertThat(files.read()).isEmpty();
        DaemonInfo info = new DaemonInfo(43210, 777, "fast", Duration.ofSeconds(90));
        files.write(info);
        assertThat(files.read()).contains(info);
        assertThat(info.baseUrl()).isEqualTo("http://127.0.0.1:43210/v1");
        assertThat(files.namesPid(777)).isTrue();

        files.removeIfOwnedBy(778);
        assertThat(files.portFile()).exists();
        files.removeIfOwnedBy(777);
        assertThat(files.portFile()).doesNotExist();
        assertThat(files.namesPid(777)).isFalse();
    }

    @Test
    void a_partial_or_foreign_port_file_reads_as_none() throws Exception {
        DaemonFiles files = new DaemonFiles(dir);
        Files.writeString(files.portFile(), "port=12\n");
        assertThat(files.read()).isEmpty();
        Files.writeString(files.portFile(), "port=x\npid=1\nrender=fast\nidle-seconds=5\n");
        assertThat(files.read()).isEmpty();
    }
}
