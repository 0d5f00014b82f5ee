package dev.sora4j.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of a guardrail check: every rule that matched, in text order; none means allowed.
 *
 * @param hits the matched rules, in text order
 */
public record Verdict(List<Hit> hits) {
    /**
     * Copies the hits into an unmodifiable list.
     *
     * @param hits the matched rules, in text order
     */
    public Verdict {
        hits = List.copyOf(hits);
    }

    /**
     * An empty verdict: nothing matched.
     *
     * @return a verdict without hits
     */
    public static Verdict allowed() {
        return new Verdict(List.of());
    }

    /**
     * True when no rule matched.
     *
     * @return whether the verdict has no hits
     */
    public boolean isAllowed() {
        return hits.isEmpty();
    }

    /**
     * The categories that matched, in the order of their first hit.
     *
     * @return the matched categories, without duplicates
     */
    public Set<Category> categories() {
        Set<Category> out = new LinkedHashSet<>();
        hits.forEach(h -> out.add(h.category()));
        return out;
    }

    /**
     * This verdict's hits followed by the other's.
     *
     * @param other the verdict to append
     * @return a verdict holding the hits of both
     */
    public Verdict and(Verdict other) {
        List<Hit> all = new ArrayList<>(hits);
        all.addAll(other.hits);
        return new Verdict(all);
    }

    /**
     * One line per category, naming it, the matched words with their fields, and how to rephrase;
     * e.g. {@code real person or public figure: "Barack Obama" (prompt) - describe an original...}.
     * Empty when allowed.
     *
     * @return the refusal lines, one per matched category
     */
    public List<String> refusalLines() {
        Map<Category, List<Hit>> byCategory = new LinkedHashMap<>();
        for (Hit h : hits) {
            byCategory.computeIfAbsent(h.category(), c -> new ArrayList<>()).add(h);
        }
        List<String> lines = new ArrayList<>();
        byCategory.forEach((category, list) -> {
            String words = list.stream()
                    .map(h -> "\"" + h.matched() + "\" (" + h.field() + ")")
                    .distinct()
                    .collect(Collectors.joining(", "));
            lines.add(category.label() + ": " + words + " - " + category.hint());
        });
        return lines;
    }

    /**
     * The refusal as one line (categories separated by "; "), or an empty string when allowed.
     *
     * @return the joined refusal lines, or {@code ""}
     */
    public String refusalLine() {
        return String.join("; ", refusalLines());
    }
}
