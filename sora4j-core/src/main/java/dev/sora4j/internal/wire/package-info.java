/**
 * Implementation: requests exactly as they go on the wire, their canonical JSON and hash (what previews show and the
 * ledger records). Not API.
 */
package dev.sora4j.internal.wire;
