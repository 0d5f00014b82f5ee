package dev.sora4j.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over normalised word tokens: compiled once, then every phrase that occurs in a text is
 * found in one pass over its tokens (each start position walks the trie only as deep as the
 * longest phrase that still matches).
 */
final class PhraseIndex<T> {
    private final Node<T> root = new Node<>();

    /** A phrase found in a text: token positions [start, end) and every payload stored for it. */
    record Match<T>(int start, int end, List<T> payloads) {}

    private static final class Node<T> {
        final Map<String, Node<T>> children = new HashMap<>();
        final List<T> payloads = new ArrayList<>(1);
    }

    /** Adds a phrase given as normalised tokens; an empty phrase is ignored. */
    void add(List<String> tokens, T payload) {
        if (tokens.isEmpty()) {
            return;
        }
        Node<T> node = root;
        for (String t : tokens) {
            node = node.children.computeIfAbsent(t, k -> new Node<>());
        }
        node.payloads.add(payload);
    }

    List<Match<T>> find(List<Tokens.Token> tokens) {
        List<Match<T>> out = new ArrayList<>();
        List<List<String>> forms = new ArrayList<>(tokens.size());
        for (Tokens.Token t : tokens) {
            forms.add(Tokens.forms(t.norm()));
        }
        List<Node<T>> frontier = new ArrayList<>();
        List<Node<T>> next = new ArrayList<>();
        for (int start = 0; start < tokens.size(); start++) {
            frontier.clear();
            frontier.add(root);
            for (int j = start; j < tokens.size() && !frontier.isEmpty(); j++) {
                next.clear();
                for (Node<T> node : frontier) {
                    for (String form : forms.get(j)) {
                        Node<T> child = node.children.get(form);
                        if (child != null && !next.contains(child)) {
                            next.add(child);
                        }
                    }
                }
                for (Node<T> node : next) {
                    if (!node.payloads.isEmpty()) {
                        out.add(new Match<>(start, j + 1, node.payloads));
                    }
                }
                List<Node<T>> swap = frontier;
                frontier = next;
                next = swap;
            }
        }
        return out;
    }
}
