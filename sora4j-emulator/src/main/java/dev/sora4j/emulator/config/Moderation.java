package dev.sora4j.emulator.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Deterministic prompt rules. A prompt naming a listed term is accepted, then fails after queueing
 * with {@code error.code = "moderation_blocked"} and a message naming the rule, as the real service
 * fails such jobs.
 *
 * @param rules rule name → terms (matched case-insensitively as whole words)
 */
public record Moderation(Map<String, List<String>> rules) {
    public static final String CODE = "moderation_blocked";

    public Moderation {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        rules.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        rules = java.util.Collections.unmodifiableMap(copy);
    }

    /** A few public figures and well-known copyrighted characters, as the real service blocks them. */
    public static Moderation defaults() {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        rules.put(
                "public_figure",
                List.of(
                        "Taylor Swift",
                        "Barack Obama",
                        "Donald Trump",
                        "Elon Musk",
                        "Beyonce",
                        "Beyoncé",
                        "Tom Cruise",
                        "Queen Elizabeth"));
        rules.put(
                "copyrighted_character",
                List.of(
                        "Mickey Mouse",
                        "Spider-Man",
                        "Spiderman",
                        "Pikachu",
                        "Darth Vader",
                        "Harry Potter",
                        "Super Mario",
                        "Elsa from Frozen",
                        "Batman",
                        "Homer Simpson"));
        return new Moderation(rules);
    }

    public static Moderation none() {
        return new Moderation(Map.of());
    }

    /** Reads {@code rule_name = term, term, ...} lines (a properties file). */
    public static Moderation load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, List<String>> rules = new LinkedHashMap<>();
        for (String name : new java.util.TreeSet<>(p.stringPropertyNames())) {
            List<String> terms = new ArrayList<>();
            for (String t : p.getProperty(name).split(",")) {
                if (!t.isBlank()) {
                    terms.add(t.strip());
                }
            }
            rules.put(name, terms);
        }
        return new Moderation(rules);
    }

    /** The failure ({@code code}, {@code message}) a prompt earns, if any rule matches. */
    public Optional<Map<String, String>> check(String prompt) {
        String lower = prompt.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> rule : rules.entrySet()) {
            for (String term : rule.getValue()) {
                Pattern p = Pattern.compile(
                        "(?<![\\p{L}\\p{N}])" + Pattern.quote(term.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])");
                if (p.matcher(lower).find()) {
                    return Optional.of(Map.of(
                            "code",
                            CODE,
                            "message",
                            "Your request was blocked by our moderation system "
                                    + "(rule '" + rule.getKey() + "': '" + term
                                    + "'). Remove real people and copyrighted "
                                    + "characters from the prompt, then try again."));
                }
            }
        }
        return Optional.empty();
    }
}
