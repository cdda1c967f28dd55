package org.crisisdesk.handover.render;

/**
 * Turns any text from mentions, users or the database into inert text for HTML or Markdown. Every renderer routes
 * every piece of such text through here; there is no "trusted" path.
 */
public final class Escape {
    private static final java.util.regex.Pattern ORDERED = java.util.regex.Pattern.compile("^(\\s*\\d+)\\.(.*)$");

    private Escape() {}

    /** Text content and attribute values (quotes included); control characters other than tab and newline dropped. */
    public static String html(String s) {
        return org.crisisdesk.mention.TextChecks.escapeHtml(s);
    }

    /** A CSS colour we generated ourselves or that matches {@code #rgb..#rrggbbaa}; anything else becomes grey. */
    public static String color(String s) {
        return s != null && s.matches("#[0-9A-Fa-f]{3,8}") ? s : "#868E96";
    }

    /**
     * Inline Markdown (a table cell or a list item): one line, HTML neutralised as entities, and every character that
     * could start emphasis, code, a link, an image, a table cell or strikethrough backslash-escaped.
     */
    public static String markdown(String s) {
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
                // ( and ) need no escape: with [ and ] escaped no link or image can form
                case '\\', '`', '*', '_', '[', ']', '#', '!', '|', '~', '{', '}' -> sb.append('\\').append(ch);
                case '\n', '\r', '\t', '\u2028', '\u2029' -> sb.append(' ');
                default -> {
                    if (!Character.isISOControl(ch) && !org.crisisdesk.mention.TextChecks.isBidiControl(ch)) {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Multi-line Markdown (the notes): each line escaped inline, kept as its own line with a hard break. */
    public static String markdownBlock(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\\R", -1)) {
            String esc = markdown(line);
            // Line-start markers that inline escaping does not cover: lists, quotes (">" is already an entity).
            java.util.regex.Matcher ordered = ORDERED.matcher(esc);
            if (ordered.matches()) {
                esc = ordered.group(1) + "\\." + ordered.group(2);
            } else if (esc.stripLeading().startsWith("-") || esc.stripLeading().startsWith("+")
                    || esc.startsWith("=")) {
                int lead = esc.length() - esc.stripLeading().length();
                esc = esc.substring(0, lead) + "\\" + esc.substring(lead);
            }
            sb.append(esc).append("  \n");
        }
        return sb.toString();
    }

    /** At most {@code max} characters (code points kept whole), with an ellipsis when cut. */
    public static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s == null ? "" : s;
        }
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
