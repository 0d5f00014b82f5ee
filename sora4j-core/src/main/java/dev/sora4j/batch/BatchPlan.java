package dev.sora4j.batch;

import dev.sora4j.SoraClient;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.LedgerStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a (re)run must do for each line, decided from the ledger before anything is sent: lines
 * whose job has an id are known, lines whose create got no answer are uncertain (to reconcile),
 * the rest are to send.
 */
final class BatchPlan {
    final Map<Integer, LedgerEntry> recorded;
    final List<BatchJob> known = new ArrayList<>();
    final List<BatchJob> toSend = new ArrayList<>();
    final List<LedgerEntry> uncertain = new ArrayList<>();
    final Map<Long, BatchJob> jobBySeq = new HashMap<>();

    private BatchPlan(Map<Integer, LedgerEntry> recorded) {
        this.recorded = recorded;
    }

    static BatchPlan of(SoraClient client, List<BatchJob> jobs, String batchKey) {
        BatchPlan plan = new BatchPlan(recorded(client, jobs, batchKey));
        for (BatchJob job : jobs) {
            LedgerEntry e = plan.recorded.get(job.line());
            if (e != null && e.hasVideo()) {
                plan.known.add(job);
            } else if (e != null) {
                plan.uncertain.add(e);
                plan.jobBySeq.put(e.seq(), job);
            } else {
                plan.toSend.add(job);
            }
        }
        return plan;
    }

    /** What this batch's ledger entries say about each line: the latest entry whose request is unchanged. */
    static Map<Integer, LedgerEntry> recorded(SoraClient client, List<BatchJob> jobs, String batchKey) {
        Map<Integer, String> hashes = new HashMap<>();
        for (BatchJob job : jobs) {
            hashes.put(job.line(), client.requestHash(job.request()));
        }
        Map<Integer, LedgerEntry> out = new HashMap<>();
        for (LedgerEntry e : client.ledger().batch(batchKey)) {
            if (e.requestHash().equals(hashes.get(e.batchLine())) && !LedgerStatus.createdNothing(e.status())) {
                LedgerEntry prev = out.get(e.batchLine());
                // Prefer an entry with an id; among equals, the newest.
                if (prev == null || (e.hasVideo() || !prev.hasVideo())) {
                    out.put(e.batchLine(), e);
                }
            }
        }
        return out;
    }

    Set<Integer> knownLines() {
        Set<Integer> lines = new HashSet<>();
        recorded.forEach((line, e) -> {
            if (e.hasVideo()) {
                lines.add(line);
            }
        });
        return lines;
    }

    /** What earlier runs of this batch already cost. */
    double alreadySpent() {
        return recorded.values().stream()
                .mapToDouble(e -> e.estimatedCost() == null ? 0 : e.estimatedCost())
                .sum();
    }

    /** Refuses to start when the whole batch is estimated above the cap. */
    void checkCost(SoraClient client, List<BatchJob> jobs, Double maxCost) {
        if (maxCost == null) {
            return;
        }
        double total = 0;
        for (BatchJob job : jobs) {
            LedgerEntry e = recorded.get(job.line());
            Double cost = e != null
                    ? e.estimatedCost()
                    : client.estimate(job.request()).orElse(null);
            total += cost == null ? 0 : cost;
        }
        if (total > maxCost + 1e-9) {
            throw InvalidRequestException.of(
                    "max_cost",
                    String.format(
                            Locale.ROOT,
                            " %.2f: this batch is estimated at $%.2f (%d jobs); nothing was sent. Raise %s or "
                                    + "trim the jobs file.",
                            maxCost,
                            total,
                            jobs.size(),
                            InvalidRequestException.ref("max_cost")));
        }
    }
}
