package dev.sora4j.guard;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits text into normalised word tokens: accents removed (NFD, then marks dropped), lower case,
 * a few letters that do not decompose folded ({@code ß}, {@code ø}...), apostrophes inside a word
 * removed ("rock'n'roll" is {@code rocknroll}) and a possessive {@code 's} dropped. Hyphens, spaces
 * and punctuation all separate tokens. Each token keeps its character span in the original text so
 * that a hit can quote the words as the user wrote them.
 */
final class Tokens {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Tokens() {}

    /** A token: its normalised form and where it sits in the original text. */
    record Token(String norm, int start, int end) {}

    static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int end = -1;
            StringBuilder raw = new StringBuilder();
            while (i < n) {
                int c = text.codePointAt(i);
                if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                    raw.appendCodePoint(c);
                    i += Character.charCount(c);
                } else if (isApostrophe(c) && i + 1 < n && Character.isLetterOrDigit(text.codePointAt(i + 1))) {
                    // inside a word: "o'neil", "rock'n'roll", "mickey's"
                    if (isPossessiveEnd(text, i + 1)) {
                        end = i;
                        i += 2;
                        break;
                    }
                    i += Character.charCount(c);
                } else {
                    break;
                }
            }
            if (end < 0) {
                end = i;
            }
            String norm = normalise(raw.toString());
            if (!norm.isEmpty()) {
                out.add(new Token(norm, start, end));
            }
        }
        return out;
    }

    /** The normalised form of one word or of a whole phrase (tokens joined by single spaces). */
    static String normalise(String s) {
        if (isPlainAscii(s)) {
            return s.toLowerCase(Locale.ROOT);
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        d = MARKS.matcher(d).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(d.length());
        for (int k = 0; k < d.length(); k++) {
            char c = d.charAt(k);
            switch (c) {
                case 'ß' -> b.append("ss");
                case 'æ' -> b.append("ae");
                case 'œ' -> b.append("oe");
                case 'ø' -> b.append('o');
                case 'đ', 'ð' -> b.append('d');
                case 'ł' -> b.append('l');
                case 'ı' -> b.append('i');
                case 'þ' -> b.append("th");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The forms a text token may stand for: itself and, for a plural, its singular ({@code s},
     * {@code es}, {@code ies}→{@code y}). Rules are written in the singular; trying every form
     * keeps "horses" and "witches" matching without a stemmer that could disagree with itself.
     */
    static List<String> forms(String t) {
        int n = t.length();
        if (n < 3 || t.charAt(n - 1) != 's') {
            return List.of(t);
        }
        List<String> out = new ArrayList<>(4);
        out.add(t);
        out.add(t.substring(0, n - 1));
        if (n > 3 && t.charAt(n - 2) == 'e') {
            out.add(t.substring(0, n - 2));
            if (n > 4 && t.charAt(n - 3) == 'i') {
                out.add(t.substring(0, n - 3) + "y");
            }
        }
        return out;
    }

    private static boolean isPlainAscii(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= 0x80 || !Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    /** True when position {@code i} holds an {@code s} that ends the word: a possessive 's. */
    private static boolean isPossessiveEnd(String text, int i) {
        char c = text.charAt(i);
        if (c != 's' && c != 'S') {
            return false;
        }
        return i + 1 >= text.length() || !Character.isLetterOrDigit(text.codePointAt(i + 1));
    }
}
