package dev.sora4j.internal.calls;

import dev.sora4j.SoraClient;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.model.VideoJob;
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

    private final SoraClient client;

    public Reconciler(SoraClient client) {
        this.client = client;
    }

    /**
     * @param adopted ledger seq → the server's video id
     * @param resend intents nothing was found for: safe to send again
     * @param ambiguous intents with more candidate videos than intents, with the candidates' ids
     */
    public record Result(Map<Long, String> adopted, List<Long> resend, Map<Long, List<String>> ambiguous) {}

    public Result reconcile(List<LedgerEntry> uncertain, Set<String> knownIds) {
        Map<Long, String> adopted = new LinkedHashMap<>();
        List<Long> resend = new ArrayList<>();
        Map<Long, List<String>> ambiguous = new LinkedHashMap<>();
        if (uncertain.isEmpty()) {
            return new Result(adopted, resend, ambiguous);
        }
        long earliest =
                uncertain.stream().mapToLong(LedgerEntry::createdAt).min().orElseThrow() - SKEW_MS;
        Map<String, List<VideoJob>> candidates = new HashMap<>();
        for (VideoJob v : client.listAll(100, "desc")) {
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
        return new Result(adopted, resend, ambiguous);
    }

    private static String key(String prompt, String model, String size, String seconds) {
        return prompt + "\u0000" + model + "\u0000" + size + "\u0000" + seconds;
    }
}
