package dev.sora4j.internal.calls;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The guide's rule for a create with characters: each character's name must appear verbatim in the
 * prompt. A name comes from the ledger's entry for the {@code create-character} call that made it
 * (its prompt column holds the name), else from the server ({@code GET /videos/characters/{id}}),
 * remembered for the life of this object so a batch asks once per character.
 */
public final class CharacterNames {
    private final Ledger ledger;
    private final Function<String, String> fetch;
    private final Map<String, String> fetched = new ConcurrentHashMap<>();

    /**
     * Names looked up in {@code ledger}, else fetched.
     *
     * @param ledger the job ledger
     * @param fetch a character's name from the server, by id (null when it has none)
     */
    public CharacterNames(Ledger ledger, Function<String, String> fetch) {
        this.ledger = ledger;
        this.fetch = fetch;
    }

    /**
     * Checks that every character's name appears in the prompt.
     *
     * @param prompt the prompt as it will be sent
     * @param characterIds the characters of the create
     * @throws InvalidRequestException ({@code prompt}) naming the missing name, with an example
     */
    public void require(String prompt, List<String> characterIds) {
        for (String id : characterIds) {
            String name = name(id);
            if (name != null && !name.isBlank() && (prompt == null || !prompt.contains(name))) {
                throw new InvalidRequestException(
                        "prompt",
                        "character " + id + " is called \"" + name + "\" and that name must appear verbatim in "
                                + "the prompt; e.g. \"" + name + " " + example(prompt) + "\"");
            }
        }
    }

    private String name(String id) {
        Optional<LedgerEntry> known = ledger.find(id).filter(e -> "character".equals(e.kind()));
        if (known.isPresent() && known.get().prompt() != null) {
            return known.get().prompt();
        }
        return fetched.computeIfAbsent(id, k -> {
            String n = fetch.apply(k);
            return n == null ? "" : n;
        });
    }

    private static String example(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return "walks through a sunny meadow";
        }
        String p = prompt.strip();
        String shortened = p.length() > 60 ? p.substring(0, 60) + "..." : p;
        return Character.toLowerCase(shortened.charAt(0)) + shortened.substring(1);
    }
}
