package dev.sora4j.ledger;

import dev.sora4j.config.Redact;
import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.internal.sql.LedgerSchema;
import dev.sora4j.internal.sql.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The ledger on a PostgreSQL server ({@code jdbc:postgresql://HOST[:PORT]/DB}), shared by every
 * machine and agent of a team: the same schema, migrations and statements as {@link SqliteLedger}.
 * The user name and password come from the standard PostgreSQL environment ({@code PGUSER},
 * {@code PGPASSWORD}) or a pgpass file, which the JDBC driver reads; never from the URL, which shows up
 * in process lists and shell history. The driver ({@code org.postgresql:postgresql}) is needed at
 * run time only: the CLI ships it, a library user adds it.
 */
public final class PostgresLedger extends JdbcLedger {
    /** The URL prefix that selects this ledger. */
    public static final String URL_PREFIX = "jdbc:postgresql:";

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[?&]password=");
    private static final Pattern USERINFO_IN_URL = Pattern.compile("^jdbc:postgresql://[^/?#]*@");

    private final String url;
    private final Properties credentials;

    private PostgresLedger(String url, Properties credentials, Connection db, Clock clock, String user) {
        super(Redact.baseUrl(url), db, clock, user);
        this.url = url;
        this.credentials = credentials;
    }

    /**
     * Whether {@code ledger} names a PostgreSQL ledger rather than a file.
     *
     * @param ledger the --ledger value or SORA4J_LEDGER
     * @return true for a {@code jdbc:postgresql:} URL
     */
    public static boolean isUrl(String ledger) {
        return ledger != null && ledger.strip().toLowerCase(Locale.ROOT).startsWith(URL_PREFIX);
    }

    /**
     * Opens and migrates the ledger at {@code url}.
     *
     * @param url a {@code jdbc:postgresql://HOST[:PORT]/DB} URL without password
     * @param env the environment to take {@code PGUSER} and {@code PGPASSWORD} from
     * @param clock the clock
     * @param user the operating-system user recorded on new jobs
     * @return the open ledger
     * @throws ConfigException when the URL holds a password, the driver is missing, or the server
     *     cannot be reached or refuses the login
     */
    public static PostgresLedger open(String url, Map<String, String> env, Clock clock, String user) {
        Properties credentials = credentials(url, env);
        String where = Redact.baseUrl(url);
        Connection db = connect(url, credentials);
        try {
            LedgerSchema.migrate(db, SqlDialect.POSTGRES, LedgerSchema.COMPONENT, LedgerSchema.MIGRATIONS, where);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(db);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new ConfigException(
                    "ledger", "Cannot migrate the ledger " + where + ": " + Redact.in(e.getMessage(), url));
        }
        return new PostgresLedger(url, credentials, db, clock, user);
    }

    /**
     * A new connection to the same database with the same credentials, for work that needs its own
     * transactions (the work queue). The caller closes it.
     *
     * @return an open connection in auto-commit mode
     * @throws ConfigException when the server cannot be reached
     */
    public Connection newConnection() {
        return connect(url, credentials);
    }

    /**
     * Brings another component's tables (the work queue's) to their newest version, with the same
     * migration runner, {@code schema_version} row and lock as the ledger's own.
     *
     * @param component the component's name in {@code schema_version}
     * @param migrations its migrations, version 1 first (portable SQL; {@code {serial}} for a key)
     * @throws LedgerException when a migration fails
     */
    public void migrate(String component, List<String> migrations) {
        try (Connection db = newConnection()) {
            LedgerSchema.migrate(db, SqlDialect.POSTGRES, component, migrations, location());
        } catch (SQLException e) {
            throw new LedgerException("Ledger " + location() + ": " + Redact.in(e.getMessage(), url), e);
        }
    }

    /**
     * Refuses credentials in the URL and gathers them from the environment instead.
     *
     * @param url the ledger URL
     * @param env the environment
     * @return the driver properties: user and password where the environment has them
     * @throws ConfigException when the URL carries a password or user info
     */
    static Properties credentials(String url, Map<String, String> env) {
        if (PASSWORD_IN_URL.matcher(url).find() || USERINFO_IN_URL.matcher(url).find()) {
            throw new ConfigException(
                    "ledger",
                    "The ledger URL " + Redact.baseUrl(url) + " carries a password: remove it and set PGPASSWORD"
                            + " or a ~/.pgpass line instead (a URL shows up in process lists and shell history).");
        }
        Properties p = new Properties();
        String user = env.get("PGUSER");
        if (user != null && !user.isBlank()) {
            p.setProperty("user", user);
        }
        String password = env.get("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "sora4j");
        p.setProperty("connectTimeout", "10");
        return p;
    }

    private static Connection connect(String url, Properties credentials) {
        try {
            return DriverManager.getConnection(url, credentials);
        } catch (SQLException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : Redact.in(e.getMessage(), url);
            if (why.startsWith("No suitable driver")) {
                why = "the PostgreSQL JDBC driver (org.postgresql:postgresql) is not on the class path";
            }
            throw new ConfigException(
                    "ledger",
                    "Cannot open the ledger " + Redact.baseUrl(url) + ": " + why + ". Check "
                            + SoraException.ref("ledger") + ", PGUSER and PGPASSWORD (or ~/.pgpass).");
        }
    }

    private static void closeQuietly(Connection db) {
        try {
            db.close();
        } catch (SQLException ignored) {
            // Already failing: the first error is the one to report.
        }
    }
}
