package dev.sora4j.guard;

import dev.sora4j.errors.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One parsed rule file. The format, one entry a line:
 *
 * <pre>
 * # category: music          (optional; else the file name says it: music.txt, allow.txt ...)
 * # source: where the list comes from; # licence: its licence (any other # line is a comment)
 * # context: song, sung by, in the style of
 * bohemian rhapsody          a phrase, matched as whole words, any case, accents ignored
 * ~imagine                   matched only when one of the file's context phrases is in the same text
 * </pre>
 *
 * Write entries in the singular; plurals, possessives ({@code 's}) and hyphen/space/joined
 * variants ({@code spider-man}, {@code spider man}, {@code spiderman}) match on their own.
 *
 * @param source the file's name or path, reported in hits
 * @param category the category, or empty for an allow list
 * @param entries the rule phrases as written (without the {@code ~})
 * @param contextual for each entry, whether it needs a context phrase
 * @param context the context phrases
 */
record RuleFile(
        String source,
        Optional<Category> category,
        List<String> entries,
        List<Boolean> contextual,
        List<String> context) {

    static final String ALLOW = "allow";

    /**
     * Parses a rule file's text; {@code baseName} is the file name without {@code .txt}, used when
     * there is no {@code # category:} header.
     */
    static RuleFile parse(String source, String baseName, String text) {
        String categoryName = null;
        List<String> entries = new ArrayList<>();
        List<Boolean> contextual = new ArrayList<>();
        List<String> context = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String header = line.substring(1).strip();
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("category:")) {
                    categoryName = header.substring("category:".length()).strip();
                } else if (lower.startsWith("context:")) {
                    for (String c : header.substring("context:".length()).split(",")) {
                        if (!c.isBlank()) {
                            context.add(c.strip());
                        }
                    }
                }
                continue;
            }
            boolean needsContext = line.startsWith("~");
            String entry = needsContext ? line.substring(1).strip() : line;
            if (!entry.isEmpty()) {
                entries.add(entry);
                contextual.add(needsContext);
            }
        }
        String name = categoryName != null ? categoryName : baseName;
        Optional<Category> category;
        if (ALLOW.equalsIgnoreCase(name.strip())) {
            category = Optional.empty();
        } else {
            category = Category.named(name);
            if (category.isEmpty()) {
                throw new ConfigException("guardrail rule file " + source + ": unknown category '" + name
                        + "'; name the file or its '# category:' header public-figures, franchises, music,"
                        + " adult or allow");
            }
        }
        if (contextual.contains(true) && context.isEmpty()) {
            throw new ConfigException("guardrail rule file " + source
                    + ": entries marked with ~ need a '# context: word, phrase' header line");
        }
        return new RuleFile(source, category, entries, contextual, context);
    }
}
