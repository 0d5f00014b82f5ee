package dev.sora4j.guard;

import dev.sora4j.errors.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Content guardrails: checks every text that reaches the server against rule phrases in four
 * {@link Category categories} and says which matched. Phrases match as whole words, in any case,
 * with accents ignored, with plurals, possessives and hyphen/space/joined variants. An allow-list
 * phrase that covers a match cancels it ("jordan river" covers "jordan"); an entry marked {@code ~}
 * in its rule file matches only right after one of the file's context phrases ("playing
 * imagine"). See {@link RuleFile} for the file format.
 *
 * <p>Built once (the default rules are a few thousand phrases in a token trie), then immutable and
 * safe to share between threads; a check costs microseconds per prompt.
 *
 * <pre>{@code
 * Guardrails guard = Guardrails.forHome(Path.of(System.getProperty("user.home"), ".sora4j"));
 * Verdict v = guard.check(List.of(GuardText.of("prompt", prompt)));
 * if (!v.isAllowed()) System.err.println(v.refusalLine());
 * }</pre>
 */
public final class Guardrails {
    /** The default rule files, as classpath resources next to this class. */
    public static final List<String> DEFAULT_FILES =
            List.of("public-figures.txt", "franchises.txt", "music.txt", "adult.txt", "allow.txt");

    private static final Set<String> ARTICLES = Set.of("the", "a", "an");

    private final PhraseIndex<Rule> rules;
    private final PhraseIndex<Boolean> allow;
    private final PhraseIndex<Category> context;
    private final Map<Category, Integer> counts;
    private final int allowCount;

    private record Rule(Category category, String entry, String source, boolean contextual) {}

    private Guardrails(Builder b) {
        this.rules = b.rules;
        this.allow = b.allow;
        this.context = b.context;
        this.counts = Map.copyOf(b.counts);
        this.allowCount = b.allowCount;
    }

    /**
     * The rules that ship with sora4j.
     *
     * @return guardrails holding only the shipped rules
     */
    public static Guardrails defaults() {
        return builder().addDefaults().build();
    }

    /**
     * The default rules plus every {@code *.txt} in {@code <home>/guardrails/} (home is the sora4j
     * data directory, normally {@code ~/.sora4j}); a missing directory adds nothing.
     *
     * @param home the sora4j data directory whose {@code guardrails/} folder is read
     * @return the default rules plus the user's
     * @throws ConfigException when a user rule file cannot be read or names an unknown category
     */
    public static Guardrails forHome(Path home) {
        return builder().addDefaults().addDirectory(home.resolve("guardrails")).build();
    }

    /**
     * An empty builder; call {@link Builder#addDefaults()} to start from the shipped rules.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks one text from the named field.
     *
     * @param field the field the text came from, e.g. {@code prompt}
     * @param text the text to check
     * @return the hits in that text; allowed when none
     */
    public Verdict check(String field, String text) {
        return check(List.of(GuardText.of(field, text)));
    }

    /**
     * Checks every text; the verdict lists the hits of all of them, in order.
     *
     * @param texts the texts to check, each with its field
     * @return the hits of all texts, in order; allowed when none
     */
    public Verdict check(Collection<GuardText> texts) {
        List<Hit> hits = new ArrayList<>();
        for (GuardText t : texts) {
            hits.addAll(hits(t));
        }
        return new Verdict(hits);
    }

    /**
     * Checks every text and throws when any rule matched.
     *
     * @param texts the texts to check, each with its field
     * @throws ContentRefusedException naming the categories, matched words, fields and hints
     */
    public void require(Collection<GuardText> texts) {
        Verdict v = check(texts);
        if (!v.isAllowed()) {
            throw new ContentRefusedException(v);
        }
    }

    /**
     * Checks a whole batch before any line is sent: each inner list is one line's texts, reported
     * with fields such as {@code line 3: prompt} (lines count from 1).
     *
     * @param lines one collection of texts per batch line, in line order
     * @return the hits of every line, fields prefixed with their line number
     */
    public Verdict checkLines(List<? extends Collection<GuardText>> lines) {
        List<GuardText> all = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (GuardText t : lines.get(i)) {
                all.add(t.within("line " + (i + 1)));
            }
        }
        return check(all);
    }

    /**
     * How many phrases (variants not counted) a category holds.
     *
     * @param category the category to count
     * @return the number of phrases in it, 0 when none
     */
    public int ruleCount(Category category) {
        return counts.getOrDefault(category, 0);
    }

    /**
     * How many allow-list phrases there are.
     *
     * @return the number of allow-list phrases
     */
    public int allowCount() {
        return allowCount;
    }

    private List<Hit> hits(GuardText gt) {
        String text = gt.text();
        List<Tokens.Token> tokens = Tokens.of(text);
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<PhraseIndex.Match<Boolean>> allowed = allow.find(tokens);
        List<PhraseIndex.Match<Category>> cues = context.find(tokens);
        List<Candidate> candidates = new ArrayList<>();
        for (PhraseIndex.Match<Rule> m : rules.find(tokens)) {
            if (coveredByAllow(m, allowed)) {
                continue;
            }
            for (Rule r : m.payloads()) {
                if (!r.contextual() || cuedAt(m.start(), r.category(), cues, tokens)) {
                    candidates.add(new Candidate(m.start(), m.end(), r));
                }
            }
        }
        List<Hit> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (isRedundant(c, candidates)) {
                continue;
            }
            String matched = text.substring(
                    tokens.get(c.start).start(), tokens.get(c.end - 1).end());
            Hit hit = new Hit(c.rule.category(), matched, c.rule.entry(), gt.field(), c.rule.source());
            boolean duplicate = out.stream()
                    .anyMatch(h -> h.category() == hit.category() && h.matched().equals(hit.matched()));
            if (!duplicate) {
                out.add(hit);
            }
        }
        return out;
    }

    private record Candidate(int start, int end, Rule rule) {}

    /** A hit inside a longer hit of the same category adds nothing ("mickey" in "mickey mouse"). */
    private static boolean isRedundant(Candidate c, List<Candidate> all) {
        for (Candidate o : all) {
            if (o != c
                    && o.rule.category() == c.rule.category()
                    && o.start <= c.start
                    && c.end <= o.end
                    && (o.end - o.start) > (c.end - c.start)) {
                return true;
            }
        }
        return false;
    }

    private static <T> boolean coveredByAllow(PhraseIndex.Match<T> m, List<PhraseIndex.Match<Boolean>> allowed) {
        for (PhraseIndex.Match<Boolean> a : allowed) {
            if (a.start() <= m.start() && m.end() <= a.end()) {
                return true;
            }
        }
        return false;
    }

    /** True when a context phrase of the category ends right before {@code start}, or before an article there. */
    private static boolean cuedAt(
            int start, Category category, List<PhraseIndex.Match<Category>> cues, List<Tokens.Token> tokens) {
        int from = start;
        if (from > 0 && ARTICLES.contains(tokens.get(from - 1).norm())) {
            from--;
        }
        for (PhraseIndex.Match<Category> cue : cues) {
            if ((cue.end() == start || cue.end() == from) && cue.payloads().contains(category)) {
                return true;
            }
        }
        return false;
    }

    /** Collects rule files and single phrases, then compiles them once. */
    public static final class Builder {
        private final PhraseIndex<Rule> rules = new PhraseIndex<>();
        private final PhraseIndex<Boolean> allow = new PhraseIndex<>();
        private final PhraseIndex<Category> context = new PhraseIndex<>();
        private final Map<Category, Integer> counts = new EnumMap<>(Category.class);
        private final Map<Category, Set<String>> contextSeen = new EnumMap<>(Category.class);
        private int allowCount;

        private Builder() {}

        /**
         * Adds the rule files that ship with sora4j ({@link #DEFAULT_FILES}).
         *
         * @return this builder
         */
        public Builder addDefaults() {
            for (String name : DEFAULT_FILES) {
                try (InputStream in = Guardrails.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + name);
                    }
                    add(RuleFile.parse(
                            "sora4j:" + name, baseName(name), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return this;
        }

        /**
         * Adds one rule file; its category comes from a {@code # category:} header or its name
         * ({@code music.txt}, {@code allow.txt}...).
         *
         * @param file the rule file to read
         * @return this builder
         * @throws ConfigException when it cannot be read or names an unknown category
         */
        public Builder addFile(Path file) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException(
                        "cannot read guardrail rule file " + file + ": " + e.getMessage() + "; fix or remove it");
            }
            add(RuleFile.parse(file.toString(), baseName(file.getFileName().toString()), text));
            return this;
        }

        /**
         * Adds every {@code *.txt} file of a directory, in name order; a missing directory adds nothing.
         *
         * @param dir the directory to scan for rule files
         * @return this builder
         */
        public Builder addDirectory(Path dir) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.txt")) {
                ds.forEach(files::add);
            } catch (NoSuchFileException e) {
                return this;
            } catch (IOException e) {
                throw new ConfigException("cannot list guardrail directory " + dir + ": " + e.getMessage());
            }
            files.sort(null);
            files.forEach(this::addFile);
            return this;
        }

        /**
         * Adds one phrase to a category (marked {@code ~} rules need a file with context phrases).
         *
         * @param category the category the phrase belongs to
         * @param phrase the phrase to refuse; surrounding whitespace is ignored
         * @return this builder
         */
        public Builder addRule(Category category, String phrase) {
            addRule(new Rule(category, phrase.strip(), "api", false));
            return this;
        }

        /**
         * Adds one allow-list phrase: a match it covers is not a hit.
         *
         * @param phrase the phrase to allow
         * @return this builder
         */
        public Builder addAllow(String phrase) {
            addPhrase(allow, phrase, Boolean.TRUE);
            allowCount++;
            return this;
        }

        /**
         * Compiles the rules; the builder must not be used afterwards.
         *
         * @return the compiled guardrails
         */
        public Guardrails build() {
            return new Guardrails(this);
        }

        private void add(RuleFile file) {
            if (file.category().isEmpty()) {
                file.entries().forEach(this::addAllow);
                return;
            }
            Category category = file.category().get();
            for (int i = 0; i < file.entries().size(); i++) {
                addRule(new Rule(
                        category,
                        file.entries().get(i),
                        file.source(),
                        file.contextual().get(i)));
            }
            Set<String> seen = contextSeen.computeIfAbsent(category, c -> new HashSet<>());
            for (String cue : file.context()) {
                if (seen.add(Tokens.normalise(cue))) {
                    addPhrase(context, cue, category);
                }
            }
        }

        private void addRule(Rule rule) {
            if (addPhrase(rules, rule.entry(), rule)) {
                counts.merge(rule.category(), 1, Integer::sum);
            }
        }

        /** Adds the phrase and, for several words, their joined form ("spider-man" → "spiderman"). */
        private static <T> boolean addPhrase(PhraseIndex<T> index, String phrase, T payload) {
            List<String> tokens =
                    Tokens.of(phrase).stream().map(Tokens.Token::norm).toList();
            if (tokens.isEmpty()) {
                return false;
            }
            index.add(tokens, payload);
            if (tokens.size() > 1) {
                index.add(List.of(String.join("", tokens)), payload);
            }
            return true;
        }

        private static String baseName(String fileName) {
            return fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : fileName;
        }
    }
}
