package org.crisisdesk.desk.kit;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Breaks a text that JavaFX shapes as complex (Arabic, Hebrew, Indic and South-East Asian scripts, combining marks,
 * joiners) into the lines of a card, so the card's label never has to wrap it.
 *
 * <p>Why: JavaFX 21 on Linux draws a wrapped complex text's whole run on its first line, past the card's edge, and
 * the rest again on the next line. Lines that already fit, separated by line breaks, are shaped one by one and come
 * out right. Other texts (Hangul, Latin, emoji) are left to the label, which wraps them correctly and faster.
 * FX thread only: one {@link Text} measures every candidate line.
 */
public final class ComplexTextLines {
    private static final Set<Character.UnicodeScript> COMPLEX = EnumSet.of(Character.UnicodeScript.ARABIC,
            Character.UnicodeScript.HEBREW, Character.UnicodeScript.SYRIAC, Character.UnicodeScript.THAANA,
            Character.UnicodeScript.NKO, Character.UnicodeScript.DEVANAGARI, Character.UnicodeScript.BENGALI,
            Character.UnicodeScript.GURMUKHI, Character.UnicodeScript.GUJARATI, Character.UnicodeScript.ORIYA,
            Character.UnicodeScript.TAMIL, Character.UnicodeScript.TELUGU, Character.UnicodeScript.KANNADA,
            Character.UnicodeScript.MALAYALAM, Character.UnicodeScript.SINHALA, Character.UnicodeScript.THAI,
            Character.UnicodeScript.LAO, Character.UnicodeScript.TIBETAN, Character.UnicodeScript.MYANMAR,
            Character.UnicodeScript.KHMER, Character.UnicodeScript.MONGOLIAN);
    private static final String ELLIPSIS = "…";
    private static final Text MEASURE = new Text();
    /**
     * Lines already broken, by text, font, width and line count: a card's text moves down a list one cell per flush
     * of arrivals and shows in a column and the feed at once, and breaking it costs a text layout per candidate line
     * (dozens for a post). The cells of one list share a width, so the same lines come back. Least recently used
     * go first; FX thread only.
     */
    private static final int CACHED = 512;
    private static final java.util.Map<Key, String> BROKEN = new java.util.LinkedHashMap<>(CACHED * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Key, String> eldest) {
            return size() > CACHED;
        }
    };
    /** Text layouts made to break lines, since the start (tests count them). */
    private static long measured;

    private record Key(String text, Font font, double width, int maxLines) {}

    private ComplexTextLines() {}

    /** How many text layouts breaking lines has cost so far (for tests that count work). */
    static long measured() {
        return measured;
    }

    /** True when JavaFX would shape {@code text} as complex text, so a card should break its lines itself. */
    public static boolean needed(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x0300 || cp >= 0xAC00 && cp <= 0xD7A3) {
                continue; // Latin and Hangul syllables: the desk's common case, decided without a table
            }
            int type = Character.getType(cp);
            if (cp == 0x200C || cp == 0x200D || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || COMPLEX.contains(Character.UnicodeScript.of(cp))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text} without the invisible emoji joiners (zero-width joiner U+200D, variation selectors U+FE0E/U+FE0F)
     * when they are all that makes it complex: a Korean text with a joined emoji (👨‍👩‍👧, ❤️) then wraps like any
     * other instead of scrolling sideways (issue #26). The emoji show as their parts; the text is otherwise the same.
     * Returns {@code text} itself when it needs no change or stays complex without them.
     */
    public static String withoutEmojiJoiners(String text) {
        if (!needed(text)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!joiner(ch)) {
                b.append(ch);
            }
        }
        String plain = b.toString();
        return needed(plain) ? text : plain;
    }

    /** Whether {@link #withoutEmojiJoiners} drops {@code ch}. */
    public static boolean joiner(char ch) {
        return ch == '\u200D' || ch == '\uFE0E' || ch == '\uFE0F';
    }

    /**
     * At most {@code maxLines} lines of {@code text} no wider than {@code width} in {@code font}, joined by line
     * breaks, broken where a line may break (a word longer than a line is cut); when more text is left, the last
     * line ends in an ellipsis.
     */
    static String lines(String text, Font font, double width, int maxLines) {
        return BROKEN.computeIfAbsent(new Key(text, font, width, maxLines), k -> breakLines(text, font, width,
                maxLines));
    }

    private static String breakLines(String text, Font font, double width, int maxLines) {
        MEASURE.setFont(font);
        List<String> out = new ArrayList<>(maxLines);
        String[] paragraphs = text.split("\\R", -1);
        boolean more = false;
        for (int p = 0; p < paragraphs.length; p++) {
            if (out.size() == maxLines) {
                more = true;
                break;
            }
            more = breakParagraph(paragraphs[p], width, maxLines, out);
            if (more) {
                break;
            }
        }
        if (more && !out.isEmpty()) {
            int last = out.size() - 1;
            out.set(last, withEllipsis(out.get(last), width));
        }
        return String.join("\n", out);
    }

    /** Adds the paragraph's lines to {@code out} until it holds {@code maxLines}; true when some of it was left. */
    private static boolean breakParagraph(String para, double width, int maxLines, List<String> out) {
        if (para.isEmpty()) {
            out.add("");
            return false;
        }
        BreakIterator breaks = BreakIterator.getLineInstance();
        breaks.setText(para);
        int start = 0;
        while (start < para.length()) {
            if (out.size() == maxLines) {
                return true;
            }
            int fit = -1;
            for (int end = breaks.following(start); end != BreakIterator.DONE; end = breaks.next()) {
                if (width(para.substring(start, end).stripTrailing()) > width) {
                    break;
                }
                fit = end;
            }
            if (fit < 0) {
                fit = longestPrefix(para, start, width);
            }
            out.add(para.substring(start, fit).stripTrailing());
            start = fit;
        }
        return false;
    }

    /** The end of the longest run from {@code start} that fits (at least one code point: a line never stays empty). */
    private static int longestPrefix(String para, int start, double width) {
        int end = para.offsetByCodePoints(start, 1);
        while (end < para.length()) {
            int next = para.offsetByCodePoints(end, 1);
            if (width(para.substring(start, next)) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static String withEllipsis(String line, double width) {
        String cut = line;
        while (!cut.isEmpty() && width(cut + ELLIPSIS) > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)).stripTrailing();
        }
        return cut + ELLIPSIS;
    }

    private static double width(String s) {
        measured++;
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }
}
