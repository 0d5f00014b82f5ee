package dev.sora4j.internal.calls;

import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many extensions lie behind a video, read from the ledger's {@code extend} entries when the
 * extension-chain file does not know it (another home, a lost file). The Videos API itself exposes
 * no chain: an extension's record carries only its stitched {@code seconds} (its
 * {@code remixed_from_video_id} is undocumented and null), so the 120 s rule is checked from the
 * source's seconds and the six-extension rule from what this machine recorded.
 */
public final class LedgerChains {
    /** The source id in an extend's canonical params: {@code "body":{..."video":{"id":"..."}}}. */
    private static final Pattern SOURCE = Pattern.compile("\"video\":\\{\"id\":\"([^\"]+)\"}");

    private static final int MAX_WALK = 64;

    private LedgerChains() {}

    /**
     * Extensions behind {@code videoId} as the ledger recorded them.
     *
     * @param ledger the job ledger
     * @param videoId the video about to be extended
     * @return 0 when the ledger has no extension that made it
     */
    public static int extensionsBehind(Ledger ledger, String videoId) {
        int depth = 0;
        String id = videoId;
        Set<String> seen = new HashSet<>();
        while (depth < MAX_WALK && seen.add(id)) {
            Optional<String> source =
                    ledger.find(id).filter(e -> "extend".equals(e.kind())).flatMap(LedgerChains::sourceOf);
            if (source.isEmpty()) {
                break;
            }
            depth++;
            id = source.get();
        }
        return depth;
    }

    private static Optional<String> sourceOf(LedgerEntry e) {
        if (e.params() == null) {
            return Optional.empty();
        }
        Matcher m = SOURCE.matcher(e.params());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
