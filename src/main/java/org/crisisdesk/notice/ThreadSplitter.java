package org.crisisdesk.notice;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a text that is over the limit into a numbered thread: each part ends with " (1/3)" and fits the weighted
 * limit. Breaks between sentences when it can, then between words, and only inside a word (never inside a URL or
 * an emoji) when a single word is longer than a post.
 */
public final class ThreadSplitter {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+");
    private static final int MAX_PARTS = 25;

    private ThreadSplitter() {}

    /** The text as posted: one part when it fits, else numbered parts. Empty text gives no parts. */
    public static List<String> split(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        if (WeightedLength.fits(t)) {
            return List.of(t);
        }
        // Reserve room for the widest suffix: " (25/25)".
        String widest = " (" + MAX_PARTS + "/" + MAX_PARTS + ")";
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String unit : units(t)) {
            String candidate = current.length() == 0 ? unit : current + joiner(current, unit) + unit;
            if (WeightedLength.fits(candidate + widest)) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (WeightedLength.fits(unit + widest)) {
                current.append(unit);
            } else {
                List<String> pieces = hardSplit(unit, widest);
                for (int i = 0; i < pieces.size() - 1; i++) {
                    chunks.add(pieces.get(i));
                }
                current.append(pieces.get(pieces.size() - 1));
            }
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        if (chunks.size() > MAX_PARTS) {
            throw new IllegalArgumentException("The text would need " + chunks.size() + " posts; shorten it.");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            parts.add(chunks.get(i).strip() + " (" + (i + 1) + "/" + chunks.size() + ")");
        }
        return parts;
    }

    private static String joiner(CharSequence current, String unit) {
        return current.charAt(current.length() - 1) == '\n' ? "" : " ";
    }

    /** Sentences, or words of sentences that alone are too long. */
    private static List<String> units(String text) {
        List<String> out = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            if (sentence.isBlank()) {
                continue;
            }
            if (WeightedLength.fits(sentence + " (25/25)")) {
                out.add(sentence.strip());
            } else {
                for (String word : sentence.strip().split("\\s+")) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    /** A single word longer than a post (a URL never is: it weighs 23): cut between grapheme clusters. */
    private static List<String> hardSplit(String word, String suffix) {
        List<String> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(word);
        int start = 0;
        int last = 0;
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            if (!WeightedLength.fits(word.substring(start, end) + suffix)) {
                if (last == start) {
                    throw new IllegalArgumentException("A single character does not fit in a post.");
                }
                out.add(word.substring(start, last));
                start = last;
            }
            last = end;
        }
        out.add(word.substring(start));
        return out;
    }
}
