package dev.sora4j.cli.gallery;

import dev.sora4j.ledger.LedgerEntry;

/** Ledger entries for the gallery's unit tests. */
final class Entries {
    private Entries() {}

    static LedgerEntry entry(long seq, String kind, String params, String videoId, String status, String model) {
        return entry(seq, kind, params, videoId, status, model, null);
    }

    static LedgerEntry entry(
            long seq, String kind, String params, String videoId, String status, String model, String download) {
        return new LedgerEntry(
                seq,
                kind,
                "hash" + seq,
                params,
                "prompt " + seq,
                model,
                model == null ? null : "1280x720",
                model == null ? null : "4",
                "guide",
                "openai",
                "http://127.0.0.1:1/v1",
                model == null ? null : 0.4,
                null,
                0,
                videoId,
                status,
                100,
                null,
                1_700_000_000_000L + seq,
                1_700_000_000_000L + seq,
                download,
                download == null ? null : 10L,
                null);
    }

    /** {@code e} as if it had been sent to {@code provider}. */
    static LedgerEntry withProvider(LedgerEntry e, String provider) {
        return new LedgerEntry(
                e.seq(),
                e.kind(),
                e.requestHash(),
                e.params(),
                e.prompt(),
                e.model(),
                e.size(),
                e.seconds(),
                e.profile(),
                provider,
                e.baseUrl(),
                e.estimatedCost(),
                e.batchKey(),
                e.batchLine(),
                e.videoId(),
                e.status(),
                e.progress(),
                e.error(),
                e.createdAt(),
                e.updatedAt(),
                e.downloadPath(),
                e.downloadSize(),
                e.downloadSha256());
    }
}
