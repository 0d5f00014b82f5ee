package dev.sora4j.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The outcome of a guardrail check: every rule that matched, in text order; none means allowed. */
public record Verdict(List<Hit> hits) {
    public Verdict {
        hits = List.copyOf(hits);
    }

    /** An empty verdict: nothing matched. */
    public static Verdict allowed() {
        return new Verdict(List.of());
    }

    /** True when no rule matched. */
    public boolean isAllowed() {
        return hits.isEmpty();
    }

    /** The categories that matched, in the order of their first hit. */
    public Set<Category> categories() {
        Set<Category> out = new LinkedHashSet<>();
        hits.forEach(h -> out.add(h.category()));
        return out;
    }

    /** This verdict's hits followed by the other's. */
    public Verdict and(Verdict other) {
        List<Hit> all = new ArrayList<>(hits);
        all.addAll(other.hits);
        return new Verdict(all);
    }

    /**
     * One line per category, naming it, the matched words with their fields, and how to rephrase;
     * e.g. {@code real person or public figure: "Barack Obama" (prompt) - describe an original...}.
     * Empty when allowed.
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

    /** The refusal as one line (categories separated by "; "), or an empty string when allowed. */
    public String refusalLine() {
        return String.join("; ", refusalLines());
    }
}
