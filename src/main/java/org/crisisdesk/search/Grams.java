package org.crisisdesk.search;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The terms of the search index: every pair of adjacent code points of a folded text (character bigrams, the same for
 * Hangul, Latin, emoji and every other script; whitespace is part of the text, so "배송 지연" gives "배송", "송 ",
 * " 지", "지연").
 *
 * <p>The index only has to be a <em>superset</em> filter for the store's exact check: whenever the store's SQL finds
 * a query in a text, every gram of the query must be a gram of that text. That holds when both sides go through the
 * same per-code-point map (a substring maps to a substring), which is why the fold here works code point by code
 * point: case folded both ways ({@code toLowerCase(toUpperCase(c))}, so σ/ς/Σ or K/k/K agree), every kind of white
 * space one space. A text is indexed twice over (usually the same grams): folded as it is, for queries the store
 * compares with the raw text (no case: Hangul, digits, emoji), and folded after {@link String#toLowerCase()}, which is
 * what H2's {@code LOWER()} does before a case-insensitive {@code LIKE} (it can change the length: "İ" becomes two
 * code points). NFKC is deliberately not applied: it composes across neighbours ("e" + combining accent), so a
 * query's NFKC form need not be a substring of the text's, and the exact check does not normalize either, so it would
 * only lose matches, never add any.
 */
public final class Grams {
    private Grams() {}

    /** The grams a text is indexed under. */
    public static Set<String> ofText(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        String folded = fold(text);
        add(folded, out);
        String lowered = fold(text.toLowerCase());
        if (!lowered.equals(folded)) {
            add(lowered, out);
        }
        return out;
    }

    /**
     * The grams every text that matches the query contains; empty when the query has fewer than two code points or
     * has a lone surrogate (it could match half of a pair): the store then scans.
     *
     * @param caseless true when the store compares raw text, false for {@code LOWER(text) LIKE LOWER(query)}
     */
    public static Set<String> ofQuery(String query, boolean caseless) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < query.length(); i++) {
            char ch = query.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < query.length() && Character.isLowSurrogate(query.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return out;
            }
        }
        add(fold(caseless ? query : query.toLowerCase()), out);
        return out;
    }

    /**
     * The fold of every BMP character that folds to a BMP character, 0 where it does not (surrogates, or a fold outside
     * the BMP): most texts then fold by one table read per char (the index folds every stored text twice).
     */
    private static final char[] BMP_FOLD = bmpFoldTable();

    private static char[] bmpFoldTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 1; c <= Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate((char) c)) {
                int folded = foldCodePoint(c);
                table[c] = folded <= Character.MAX_VALUE ? (char) folded : 0;
            }
        }
        return table;
    }

    private static int foldCodePoint(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' '
                : Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** Case folded both ways and white space as one space, code point by code point. */
    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            char folded = BMP_FOLD[s.charAt(i)];
            if (folded == 0) {
                return foldCodePoints(s);
            }
            out[i] = folded;
        }
        return new String(out);
    }

    static String foldCodePoints(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(foldCodePoint(cp)));
        return sb.toString();
    }

    private static void add(String folded, Set<String> out) {
        int prev = -1;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            if (prev >= 0) {
                out.add(new StringBuilder(4).appendCodePoint(prev).appendCodePoint(cp).toString());
            }
            prev = cp;
            i += Character.charCount(cp);
        }
    }
}
