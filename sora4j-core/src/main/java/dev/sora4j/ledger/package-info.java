/**
 * The job ledger: every paid call is an {@link dev.sora4j.ledger.Intent} before it is sent, then an id, statuses and
 * downloads ({@link dev.sora4j.ledger.LedgerEntry}); {@link dev.sora4j.ledger.SqliteLedger} keeps it in an embedded
 * SQLite file so a crash loses nothing and a rerun pays for nothing twice.
 */
package dev.sora4j.ledger;
