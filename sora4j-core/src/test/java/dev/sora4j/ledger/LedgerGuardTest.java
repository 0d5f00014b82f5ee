package dev.sora4j.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerGuardTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-04T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void an_empty_ledger_file_is_refused_not_reinitialised() throws Exception {
        Path file = Files.createFile(dir.resolve("ledger.db"));
        assertThatThrownBy(() -> SqliteLedger.open(file, clock))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is empty (0 bytes)")
                .hasMessageContaining("mv " + file.toAbsolutePath())
                .hasMessageNotContaining("\n");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void a_file_that_is_not_sqlite_or_is_corrupt_is_refused_and_left_untouched() throws Exception {
        Path text = Files.writeString(dir.resolve("text.db"), "these are my notes, not a database at all ......");
        assertThatThrownBy(() -> SqliteLedger.open(text, clock))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not a SQLite database");
        assertThat(Files.readString(text)).startsWith("these are my notes");

        // A real ledger with a page of garbage in the middle of its table.
        Path file = dir.resolve("ledger.db");
        try (SqliteLedger ledger = SqliteLedger.open(file, clock)) {
            for (int i = 0; i < 24; i++) {
                ledger.intent(new Intent(
                        "create",
                        "h" + i,
                        "{}",
                        "prompt " + "x".repeat(1500),
                        "sora-2",
                        "1280x720",
                        "4",
                        "guide",
                        "openai",
                        "http://127.0.0.1/v1",
                        0.4,
                        null,
                        0));
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(5 * 4096);
        for (int i = 3 * 4096; i < 4 * 4096; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);
        assertThatThrownBy(() -> SqliteLedger.open(file, clock))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is damaged");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void a_missing_ledger_is_created_whole_and_existing_data_is_backed_up_before_a_migration() throws Exception {
        Path fresh = dir.resolve("new/ledger.db");
        try (SqliteLedger ledger = SqliteLedger.open(fresh, clock)) {
            assertThat(ledger.list(null, 10)).isEmpty();
        }
        try (SqliteLedger again = SqliteLedger.open(fresh, clock)) {
            assertThat(again.list(null, 10)).isEmpty();
        }

        // An older database (schema version 0) holding data: migrating it first leaves a copy.
        Path old = dir.resolve("old.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = db.createStatement()) {
            st.execute("CREATE TABLE notes (text TEXT)");
            st.execute("INSERT INTO notes VALUES ('keep me')");
        }
        try (SqliteLedger ledger = SqliteLedger.open(old, clock)) {
            assertThat(ledger.list(null, 10)).isEmpty();
        }
        Path backup = dir.resolve("old.db.bak-20261104T090000Z");
        assertThat(backup).exists();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + backup);
                Statement st = db.createStatement();
                var rs = st.executeQuery("SELECT text FROM notes")) {
            assertThat(rs.getString(1)).isEqualTo("keep me");
        }
        try (Stream<Path> files = Files.list(fresh.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".new-"));
        }
    }
}
