package dev.sora4j.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.internal.sql.LedgerSchema;
import dev.sora4j.internal.sql.SqlDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** The ledger contract on SQLite, plus what only a ledger file has. */
class SqliteLedgerTest extends LedgerContract {
    private Path file() {
        return dir.resolve("sub/ledger.db");
    }

    @Override
    JdbcLedger open(String user) {
        return SqliteLedger.open(file(), clock, user);
    }

    @Override
    void pretendNewerSchema() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file());
                var st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
    }

    @Test
    void the_file_is_private_to_its_owner() throws Exception {
        open("ann").close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
                .isEqualTo("rw-------");
    }

    @Test
    void a_version_2_file_is_migrated_in_place_and_backed_up() throws Exception {
        Path old = file();
        Files.createDirectories(old.getParent());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + old);
                var st = c.createStatement()) {
            for (int v = 0; v < 2; v++) {
                for (String sql :
                        SqlDialect.SQLITE.ddl(LedgerSchema.MIGRATIONS.get(v)).split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = 2");
            st.execute("INSERT INTO jobs (kind, request_hash, params, status, created_at, updated_at, video_id)"
                    + " VALUES ('create', 'h', '{}', 'completed', 1, 1, 'video_old')");
        }
        try (JdbcLedger ledger = open("ann")) {
            // A job from before users were recorded is everyone's @last.
            assertThat(ledger.find("@last").orElseThrow().videoId()).isEqualTo("video_old");
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + old);
                var st = c.createStatement();
                var rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(LedgerSchema.VERSION);
        }
        try (var backups = Files.list(old.getParent())) {
            assertThat(backups.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("ledger.db.bak-"));
        }
    }
}
