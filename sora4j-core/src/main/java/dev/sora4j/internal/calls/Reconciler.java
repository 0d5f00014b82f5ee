package dev.sora4j.internal.calls;

import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.Reconciliation;
import dev.sora4j.model.VideoJob;
import dev.sora4j.spi.VideoGateway;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds out what became of creates that got no answer (a crash, a reset, a 5xx), before anything is
 * sent again: recent videos on the server are matched by prompt, model, size and seconds, created
 * no earlier than the intent. Identical requests are interchangeable, so k intents and m matching
 * videos adopt min(k, m); more matches than intents is ambiguous and left to the user.
 */
public final class Reconciler {
    /** Clock skew allowed between this machine and the server. */
    static final long SKEW_MS = 120_000;

    private final VideoGateway gateway;

    /**
     * A reconciler listing through {@code gateway}.
     *
     * @param gateway where recent videos are listed
     */
    public Reconciler(VideoGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Matches {@code uncertain} intents with recent videos on the server; writes nothing.
     *
     * @param uncertain intents without an answer
     * @param knownIds ids the ledger already has (never adopted twice)
     * @return what to adopt, resend or leave to the user
     */
    public Reconciliation reconcile(List<LedgerEntry> uncertain, Set<String> knownIds) {
        Map<Long, String> adopted = new LinkedHashMap<>();
        List<Long> resend = new ArrayList<>();
        Map<Long, List<String>> ambiguous = new LinkedHashMap<>();
        if (uncertain.isEmpty()) {
            return new Reconciliation(adopted, resend, ambiguous);
        }
        long earliest =
                uncertain.stream().mapToLong(LedgerEntry::createdAt).min().orElseThrow() - SKEW_MS;
        Map<String, List<VideoJob>> candidates = new HashMap<>();
        for (VideoJob v : VideoPages.all(gateway, 100, "desc")) {
            if (v.createdAt() * 1000 < earliest) {
                break;
            }
            if (!knownIds.contains(v.id())) {
                candidates
                        .computeIfAbsent(key(v.prompt(), v.model(), v.size(), v.seconds()), k -> new ArrayList<>())
                        .add(v);
            }
        }
        Map<String, List<LedgerEntry>> groups = new LinkedHashMap<>();
        for (LedgerEntry e : uncertain) {
            groups.computeIfAbsent(key(e.prompt(), e.model(), e.size(), e.seconds()), k -> new ArrayList<>())
                    .add(e);
        }
        groups.forEach((key, entries) -> {
            entries.sort(Comparator.comparingLong(LedgerEntry::seq));
            long firstIntent = entries.get(0).createdAt() - SKEW_MS;
            List<VideoJob> found = new ArrayList<>(candidates.getOrDefault(key, List.of()).stream()
                    .filter(v -> v.createdAt() * 1000 >= firstIntent)
                    .toList());
            found.sort(Comparator.comparingLong(VideoJob::createdAt).thenComparing(VideoJob::id));
            if (found.size() > entries.size()) {
                List<String> ids = found.stream().map(VideoJob::id).toList();
                entries.forEach(e -> ambiguous.put(e.seq(), ids));
                return;
            }
            for (int i = 0; i < entries.size(); i++) {
                if (i < found.size()) {
                    adopted.put(entries.get(i).seq(), found.get(i).id());
                } else {
                    resend.add(entries.get(i).seq());
                }
            }
        });
        return new Reconciliation(adopted, resend, ambiguous);
    }

    private static String key(String prompt, String model, String size, String seconds) {
        return prompt + "\u0000" + model + "\u0000" + size + "\u0000" + seconds;
    }
}
