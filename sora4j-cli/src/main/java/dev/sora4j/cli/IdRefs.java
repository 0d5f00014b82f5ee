package dev.sora4j.cli;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.rules.Ids;
import java.util.regex.Pattern;

/**
 * Resolves ledger references wherever an id is taken: {@code @last} is the newest job (or, for
 * character commands, the newest character) with an id, {@code @N} the ledger's job number N
 * (as {@code sora jobs} shows it). Anything else is an id; every id is checked by {@link Ids}.
 */
final class IdRefs {
    private static final Pattern LEDGER_REF = Pattern.compile("@(?:last|[1-9][0-9]{0,17})");

    private IdRefs() {}

    static String resolve(String raw, java.util.function.Supplier<Ledger> ledgerSource, boolean character) {
        if (raw == null || !raw.strip().startsWith("@")) {
            return Ids.check("--id", raw);
        }
        String ref = raw.strip();
        if (!LEDGER_REF.matcher(ref).matches()) {
            throw new InvalidRequestException(
                    "id", "--id " + ref + " is not a ledger reference; use @last, or @N with N from `sora jobs`.");
        }
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
        // A ledger written by another version or by hand is input too.
        return Ids.check("--id " + ref + " (from the ledger)", entry.videoId());
    }
}
