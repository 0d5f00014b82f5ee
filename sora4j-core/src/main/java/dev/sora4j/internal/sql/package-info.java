/**
 * Not API: the ledger's SQL plumbing shared by the SQLite and PostgreSQL ledgers and the work queue,
 * namely the numbered migrations and what differs between the two databases.
 */
package dev.sora4j.internal.sql;
