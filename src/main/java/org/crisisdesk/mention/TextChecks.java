package org.crisisdesk.mention;

/** Text that every store (H2 and PostgreSQL) and every export can carry: no NUL, no unpaired surrogates. */
public final class TextChecks {
    private TextChecks() {}

    /** A reason the text cannot be stored, or null when it is fine. */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == 0) {
                return "text contains a NUL character (at " + i + ")";
            }
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "text contains an unpaired surrogate (at " + i + ")";
            }
            if (Character.isLowSurrogate(ch)) {
                return "text contains an unpaired surrogate (at " + i + ")";
            }
        }
        return null;
    }

    /** The X API escapes exactly these three; undo it once ({@code &amp;} last, so "&amp;lt;" stays "&lt;"). */
    public static String unescapeXEntities(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * Mention text for HTML element content and quoted attribute values, for every HTML export: the five markup
     * characters as entities, control characters other than tab and newline dropped (HTML does not allow them).
     */
    public static String escapeHtml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if ((ch == '\n' || ch == '\t' || !Character.isISOControl(ch)) && !isBidiControl(ch)) {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * A spreadsheet cell that cannot run as a formula: text starting with = + - @ or a tab/CR (every mention starts
     * with "@") gets a leading apostrophe, which spreadsheets hide. For CSV written for people, not for re-import.
     */
    /**
     * The bidi embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069): in an export or a notice one
     * of them reorders the text after it ("abc\u202Efdp.exe" shows as "abcexe.pdf"), so they are dropped there.
     * The marks (LRM, RLM, ALM) only nudge neighbouring characters and stay.
     */
    public static boolean isBidiControl(char ch) {
        return ch >= '\u202A' && ch <= '\u202E' || ch >= '\u2066' && ch <= '\u2069';
    }

    /**
     * A one-line field of a notice (department, stage label, done, next, link): line breaks, tabs and every other
     * control character become a space, bidi controls are dropped, runs of spaces become one; null stays null.
     */
    public static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (isBidiControl(ch)) {
                continue;
            }
            sb.append(Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029' ? ' ' : ch);
        }
        return sb.toString().replaceAll("\\s{2,}", " ").strip();
    }

    /**
     * Untrusted text (a quarantined post's raw line) made safe to look at in a terminal or a text field: control
     * characters other than newline and tab, bidi controls, line and paragraph separators, unpaired surrogates and
     * NUL are written as {@code <U+XXXX>}, so nothing reorders, recolours or hides what follows; past {@code max}
     * characters the rest is cut and counted.
     */
    public static String visible(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 16);
        int i = 0;
        for (; i < s.length() && sb.length() < max; i++) {
            char ch = s.charAt(i);
            boolean paired = Character.isHighSurrogate(ch) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                sb.append(ch).append(s.charAt(++i));
            } else if (ch == '\n' || ch == '\t') {
                sb.append(ch);
            } else if (Character.isISOControl(ch) || isBidiControl(ch) || ch == '\u2028' || ch == '\u2029'
                    || Character.isSurrogate(ch)) {
                sb.append(String.format("<U+%04X>", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        if (i < s.length()) {
            sb.append("… (+").append(s.length() - i).append(')');
        }
        return sb.toString();
    }

    public static String defuseSpreadsheetCell(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
