package dev.sora4j.cli;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;

/**
 * Resolves ledger references wherever an id is taken: {@code @last} is the newest job (or, for
 * character commands, the newest character) with an id, {@code @N} the ledger's job number N
 * (as {@code sora jobs} shows it). Anything else is an id and passes through.
 */
final class IdRefs {
    private IdRefs() {}

    static String resolve(String raw, java.util.function.Supplier<Ledger> ledgerSource, boolean character) {
        if (raw == null || !raw.strip().startsWith("@")) {
            return raw;
        }
        String ref = raw.strip();
        Ledger ledger = ledgerSource.get();
        LedgerEntry entry;
        if (ref.equals("@last")) {
            entry = ledger.list(null, 500).stream()
                    .filter(e -> e.hasVideo() && e.kind().equals("character") == character)
                    .findFirst()
                    .orElseThrow(() -> new InvalidRequestException(
                            "id",
                            "--id @last: the ledger has no " + (character ? "character" : "video job")
                                    + " yet (see `sora jobs`)."));
        } else {
            entry = ledger.find(ref)
                    .orElseThrow(() -> new InvalidRequestException(
                            "id",
                            "--id " + ref
                                    + ": no such job in the ledger; use @last, @N with N from `sora jobs`, or an id."));
            if (!entry.hasVideo()) {
                throw new InvalidRequestException(
                        "id",
                        "--id " + ref + ": job #" + entry.seq() + " has no id yet (status " + entry.status()
                                + "); run `sora resume` or `sora jobs show " + ref + "`.");
            }
        }
        return entry.videoId();
    }
}
