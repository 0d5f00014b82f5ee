package dev.sora4j.cli;

import dev.sora4j.errors.ConfigException;
import dev.sora4j.ledger.JdbcLedger;
import dev.sora4j.ledger.PostgresLedger;
import dev.sora4j.queue.WorkQueue;

/** The shared PostgreSQL ledger that the queue commands need, or the one-line refusal on SQLite. */
final class TeamLedger {
    private TeamLedger() {}

    static PostgresLedger require(CliContext context, GlobalOptions global, String command) {
        JdbcLedger ledger = context.ledger(global);
        if (ledger instanceof PostgresLedger pg) {
            return pg;
        }
        throw new ConfigException(
                "ledger",
                command + " needs the shared PostgreSQL ledger, but the ledger is the SQLite file " + ledger.location()
                        + ": set --ledger or SORA4J_LEDGER to jdbc:postgresql://HOST/DB (credentials from PGUSER,"
                        + " PGPASSWORD or ~/.pgpass).");
    }

    static WorkQueue queue(CliContext context, GlobalOptions global, String command) {
        return WorkQueue.open(require(context, global, command));
    }
}
