package dev.sora4j.ledger;

import dev.sora4j.errors.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Keeps a damaged ledger from being silently re-initialised over its history. A new ledger appears
 * whole (made under a temporary name, then linked into place), so an existing file that is empty or
 * lacks the SQLite header is damage, not a fresh start: opening it fails with one line saying what is
 * wrong and how to recover. {@code PRAGMA quick_check} must pass, and a copy
 * ({@code ledger.db.bak-<UTC time>}) is made before any migration touches existing data.
 */
public final class LedgerGuard {
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LedgerGuard() {}

    /** Creates an initialised, empty SQLite file (mode 0600) at {@code file} unless one exists. */
    static void createIfAbsent(Path file) throws IOException, SQLException {
        if (Files.exists(file)) {
            return;
        }
        // A unique name: several processes, or threads of one, may be creating the same ledger at once.
        Path tmp;
        try {
            tmp = Files.createTempFile(
                    file.getParent(),
                    file.getFileName() + ".new-",
                    "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".new-", "");
        }
        try {
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + tmp);
                    Statement st = db.createStatement()) {
                // Write-ahead logging is recorded in the file: openers never switch modes (which needs
                // every other connection gone, and fails at once with SQLITE_BUSY when one is not).
                st.execute("PRAGMA journal_mode = WAL");
                // Writing anything makes SQLite write its header page: the file is a database from now on.
                st.execute("CREATE TABLE sora4j_init (x INTEGER)");
                st.execute("DROP TABLE sora4j_init");
            }
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // Another process made it first: use theirs.
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(file)) {
                    Files.move(tmp, file);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Refuses an existing ledger file that is empty or not SQLite. */
    static void checkFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw damaged(file, "is empty (0 bytes), so its history is gone");
        }
        byte[] head = new byte[HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < HEADER.length || !Arrays.equals(head, HEADER)) {
            throw damaged(file, "is not a SQLite database (its first bytes are not the SQLite header)");
        }
    }

    /** Runs {@code PRAGMA quick_check} on the open ledger. */
    static void checkIntegrity(Connection db, Path file) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA quick_check(1)")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw damaged(file, "is damaged (quick_check: " + result + ")");
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("SQLITE_NOTADB")) {
                throw damaged(file, "is not a SQLite database");
            }
            if (e.getMessage() != null && e.getMessage().contains("SQLITE_CORRUPT")) {
                throw damaged(file, "is damaged (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    /** Copies the open ledger to {@code ledger.db.bak-<time>} (consistent, WAL included); returns the copy. */
    static Path backup(Connection db, Path file, Instant now) throws SQLException {
        Path copy = file.resolveSibling(file.getFileName() + ".bak-" + STAMP.format(now));
        try (Statement st = db.createStatement()) {
            st.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
        }
        return copy;
    }

    private static ConfigException damaged(Path file, String what) {
        return new ConfigException("The ledger " + file + " " + what + "; it was left untouched. Restore a copy ("
                + file.getFileName() + ".bak-*) if you have one, or move it aside (mv " + file + " " + file
                + ".damaged) to start a new ledger, or point --ledger elsewhere.");
    }
}
