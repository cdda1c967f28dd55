package org.crisisdesk.triage;

import java.text.Normalizer;

/**
 * Normalizes mention text and rule keywords the same way, so that matching and learning see one spelling: Unicode
 * NFKC (full-width letters, compatibility jamo, NFD Hangul all become one form), simple case folding, invisible
 * format characters (zero-width spaces, joiners, bidi controls) dropped, every run of whitespace or control
 * characters collapsed to one space, and the ends trimmed.
 *
 * <p>For classification ({@link #forClassification}) @handles and URLs are removed as well: every mention names the
 * account, and links are noise to both the rules and the classifier.
 *
 * <p>Stateless and thread-safe. {@link #normalizeInto} is the allocation-light form the hot path uses.
 */
public final class TextNormalizer {
    /** Text beyond this many characters is ignored for classification (a 100,000-character post is not slower). */
    public static final int MAX_CLASSIFIED_CHARS = 2_000;

    private TextNormalizer() {}

    /** NFKC, case folding, whitespace collapsed; handles and URLs kept. For keywords and display comparisons. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        char[] out = new char[outputCapacity(raw.length())];
        int n = normalizeInto(raw, raw.length(), false, out);
        return new String(out, 0, n);
    }

    /** As {@link #normalize}, without @handles and URLs, capped at {@link #MAX_CLASSIFIED_CHARS}. */
    public static String forClassification(String raw) {
        if (raw == null) {
            return "";
        }
        int limit = Math.min(raw.length(), MAX_CLASSIFIED_CHARS);
        char[] out = new char[outputCapacity(limit)];
        int n = normalizeInto(raw, limit, true, out);
        return new String(out, 0, n);
    }

    /** The same text with every space removed: how Korean is compared "with and without spaces". */
    public static String withoutSpaces(String normalized) {
        return normalized.indexOf(' ') < 0 ? normalized : normalized.replace(" ", "");
    }

    /** How large an output buffer {@link #normalizeInto} needs for {@code inputChars} characters of input. */
    public static int outputCapacity(int inputChars) {
        // NFKC can expand a character up to 18 times (U+FDFA); such text is rare, so the buffer grows on demand via
        // the NFKC path, which allocates anyway. For NFKC-stable input the output is never longer than the input.
        return Math.max(16, inputChars);
    }

    /**
     * Normalizes the first {@code limit} characters of {@code raw} into {@code out} and returns the length written.
     * When the NFKC form is longer than {@code out}, the result is cut at {@code out.length}.
     *
     * @param stripHandlesAndUrls drop @handles and http(s)/www links, as classification does
     */
    public static int normalizeInto(String raw, int limit, boolean stripHandlesAndUrls, char[] out) {
        return normalizeInto(raw, limit, stripHandlesAndUrls, out, new char[Math.min(limit, raw.length())]);
    }

    /**
     * As {@link #normalizeInto(String, int, boolean, char[])}, copying the input into {@code in} first (when it is
     * large enough): scanning a char array twice is cheaper than going through {@code String.charAt}.
     */
    static int normalizeInto(String raw, int limit, boolean stripHandlesAndUrls, char[] out, char[] in) {
        int end = Math.min(limit, raw.length());
        if (end > 0 && end < raw.length() && Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        char[] src = in.length >= end ? in : new char[end];
        raw.getChars(0, end, src, 0);
        if (!quickNfkcStable(src, end)) {
            String nfkc = Normalizer.normalize(java.nio.CharBuffer.wrap(src, 0, end), Normalizer.Form.NFKC);
            src = nfkc.toCharArray();
            end = src.length;
        }
        return fold(src, end, stripHandlesAndUrls, out);
    }

    /**
     * True when every character is one NFKC leaves alone and composes with nothing: ASCII, precomposed Hangul
     * syllables, most symbols and the usual emoji (pictographs, ZWJ, variation selectors). Anything else goes through
     * {@link Normalizer}. This keeps the common post off the slow path.
     */
    private static boolean quickNfkcStable(char[] s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s[i];
            if ((NFKC_STABLE[c >>> 6] & (1L << c)) != 0) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s[i + 1])) {
                int cp = Character.toCodePoint(c, s[i + 1]);
                if (cp >= 0x1F300 && cp <= 0x1FAFF) { // pictographs, emoticons, transport, supplemental symbols
                    i++;
                    continue;
                }
            }
            // Anything else (Latin-1 letters, jamo, full-width forms...): let the JDK decide for the rest.
            return Normalizer.isNormalized(java.nio.CharBuffer.wrap(s, i, end - i), Normalizer.Form.NFKC)
                    && !startsWithCombiningMark(s, i, end);
        }
        return true;
    }

    /** A combining mark after a stable prefix could compose with it; be safe and normalize the whole text. */
    private static boolean startsWithCombiningMark(char[] s, int i, int end) {
        return isMark(Character.codePointAt(s, i, end)) || (s[i] >= 0x1160 && s[i] <= 0x11FF);
    }

    private static int fold(char[] s, int end, boolean strip, char[] out) {
        int n = 0;
        boolean pendingSpace = false;
        int i = 0;
        while (i < end && n < out.length) {
            char c = s[i];
            if (c < 0x80) {
                if (c <= ' ' || c == 0x7F) { // whitespace and ASCII controls
                    pendingSpace = n > 0;
                    i++;
                    continue;
                }
                if (strip && (c == '@' || c == 'h' || c == 'H' || c == 'w' || c == 'W')) {
                    int skip = skipHandleOrUrl(s, i, end, n == 0 || pendingSpace || !isWordChar(out[n - 1]));
                    if (skip > i) {
                        i = skip;
                        pendingSpace = n > 0;
                        continue;
                    }
                }
                if (pendingSpace) {
                    out[n++] = ' ';
                    pendingSpace = false;
                    if (n == out.length) {
                        break;
                    }
                }
                out[n++] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
                i++;
                continue;
            }
            if (c >= 0xAC00 && c <= 0xD7A3) { // Hangul syllable: nothing to fold
                if (pendingSpace) {
                    out[n++] = ' ';
                    pendingSpace = false;
                    if (n == out.length) {
                        break;
                    }
                }
                out[n++] = c;
                i++;
                continue;
            }
            int cp = Character.codePointAt(s, i, end);
            int len = Character.charCount(cp);
            if (i + len > end) {
                break;
            }
            i += len;
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.CONTROL
                    || cp == 0x2028 || cp == 0x2029) {
                pendingSpace = n > 0;
                continue;
            }
            if (Character.getType(cp) == Character.FORMAT) { // zero-width space/joiner, bidi controls, BOM
                continue;
            }
            int lower = Character.toLowerCase(cp);
            int need = Character.charCount(lower) + (pendingSpace ? 1 : 0);
            if (n + need > out.length) {
                break;
            }
            if (pendingSpace) {
                out[n++] = ' ';
                pendingSpace = false;
            }
            n += Character.toChars(lower, out, n);
        }
        return n;
    }

    /**
     * When an @handle or a link starts at {@code i}, the index just after it; otherwise {@code i}. A handle counts only
     * at a word start ("a@b.com" is not a handle).
     */
    private static int skipHandleOrUrl(char[] s, int i, int end, boolean atWordStart) {
        char c = s[i];
        if (c == '@' && atWordStart) {
            int j = i + 1;
            while (j < end && isHandleChar(s[j])) {
                j++;
            }
            return j > i + 1 ? j : i;
        }
        if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && atWordStart) {
            int schemeEnd = urlStart(s, i, end);
            if (schemeEnd > i) {
                int j = schemeEnd;
                while (j < end && s[j] > ' ' && !Character.isWhitespace(s[j])) {
                    j++;
                }
                return j;
            }
        }
        return i;
    }

    private static int urlStart(char[] s, int i, int end) {
        if (regionMatches(s, i, end, "https://")) {
            return i + 8;
        }
        if (regionMatches(s, i, end, "http://")) {
            return i + 7;
        }
        if (regionMatches(s, i, end, "www.") && i + 4 < end && s[i + 4] > ' ') {
            return i + 4;
        }
        return i;
    }

    private static boolean regionMatches(char[] s, int i, int end, String lowerPrefix) {
        if (i + lowerPrefix.length() > end) {
            return false;
        }
        for (int k = 0; k < lowerPrefix.length(); k++) {
            char c = s[i + k];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != lowerPrefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHandleChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Letters and digits of any script, and '_' (a surrogate half is not: emoji never continue a word). */
    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
        }
        return (WORD_CHARS[c >>> 6] & (1L << c)) != 0;
    }

    /** {@link Character#isLetterOrDigit(char)} for the whole BMP as 8 KB of bits: one load on the hot path. */
    private static final long[] WORD_CHARS = new long[1 << 10];
    /**
     * BMP characters that NFKC leaves alone and that compose with nothing before them: NFKC-normalized on their own
     * and neither a combining mark (which may compose or reorder) nor a Hangul vowel or final jamo (which compose
     * with a leading jamo). A text of such characters is normalized as a whole.
     */
    private static final long[] NFKC_STABLE = new long[1 << 10];

    static {
        for (int c = 0; c <= 0xFFFF; c++) {
            char ch = (char) c;
            if (c >= 0x80 && Character.isLetterOrDigit(ch)) {
                WORD_CHARS[c >>> 6] |= 1L << c;
            }
            if (!Character.isSurrogate(ch) && !(c >= 0x1160 && c <= 0x11FF) && !isMark(c)
                    && Normalizer.isNormalized(String.valueOf(ch), Normalizer.Form.NFKC)) {
                NFKC_STABLE[c >>> 6] |= 1L << c;
            }
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
