package dev.sora4j.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.internal.sql.LedgerSchema;
import dev.sora4j.internal.sql.SqlDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void commands_that_open_a_new_ledger_at_once_all_get_it() throws Exception {
        // Two commands started together on a fresh SORA4J_HOME both create and migrate the same file. A
        // deferred migration transaction would read the version, then fail at once with SQLITE_BUSY
        // when the other committed first (SQLite does not wait on a stale snapshot).
        int openers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        try {
            for (int round = 0; round < 30; round++) {
                Path file = dir.resolve("race-" + round + "/ledger.db");
                CyclicBarrier together = new CyclicBarrier(openers);
                List<Future<?>> opened = new ArrayList<>();
                for (int i = 0; i < openers; i++) {
                    opened.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        SqliteLedger.open(file, clock, "ann").close();
                        return null;
                    }));
                }
                for (Future<?> f : opened) {
                    f.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
