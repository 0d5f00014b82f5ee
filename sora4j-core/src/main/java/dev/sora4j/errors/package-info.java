/**
 * The exceptions sora4j throws, all under {@link dev.sora4j.errors.SoraException} (unchecked), so a caller can branch
 * on what went wrong: invalid input found locally, configuration, the service's refusals by kind (bad request, auth, not
 * found, rate limited, server error, no connection), a failed job, a timed-out wait, an interrupt, a truncated download.
 * The ledger's own failure is {@link dev.sora4j.ledger.LedgerException}.
 */
package dev.sora4j.errors;
