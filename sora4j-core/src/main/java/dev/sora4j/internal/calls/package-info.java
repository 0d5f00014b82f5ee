/**
 * Implementation: the record-then-send road of paid calls, retries, the shared rate limit, polling and the
 * reconciliation of unanswered creates. Not API.
 */
package dev.sora4j.internal.calls;
