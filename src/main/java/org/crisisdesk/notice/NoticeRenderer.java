package org.crisisdesk.notice;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crisisdesk.mention.TextChecks;

/**
 * Turns a template and a notice's facts into the text that is posted. Pure and thread-safe.
 *
 * <p>Template language, small on purpose:
 * <ul>
 *   <li>{@code {name}}: a placeholder, one of {@link Templates#PLACEHOLDERS}; empty when the fact is missing.
 *   <li>{@code {name:이/가}}: the value followed by the Korean particle that fits it (물류팀<b>이</b>, 고객센터<b>가</b>);
 *       works for any pair written "after a final consonant / after a vowel" (은/는, 을/를, 과/와, 으로/로).
 *   <li>{@code [[ ... ]]}: an optional section, dropped when a placeholder in it is empty. {@code [[A|B|C]]} takes the
 *       first alternative whose placeholders all have values (an alternative without placeholders always fits).
 * </ul>
 * Unknown placeholders stay in the text as written (so the preview shows the typo) and {@link #problems} reports them.
 * Runs of spaces collapse to one; the result is NFC-normalized, as the platform counts it.
 */
public final class NoticeRenderer {
    private final ZoneId zone;

    public NoticeRenderer(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The text and which placeholders actually made it into the text (for the says-something check). */
    public record Rendered(String text, Set<String> used) {}

    public Rendered render(String templateBody, Notice n) {
        List<Segment> segments = parse(templateBody == null ? "" : templateBody);
        StringBuilder out = new StringBuilder();
        Set<String> used = new LinkedHashSet<>();
        for (Segment s : segments) {
            if (s.alternatives == null) {
                out.append(fill(s.pieces, n, used, false));
            } else {
                for (List<Piece> alt : s.alternatives) {
                    String filled = fill(alt, n, new LinkedHashSet<>(), true);
                    if (filled != null) {
                        fill(alt, n, used, false);
                        out.append(filled);
                        break;
                    }
                }
            }
        }
        return new Rendered(tidy(out.toString()), used);
    }

    /** Mistakes a person can fix in a template: unknown placeholders, unclosed sections, nothing at all. */
    public static List<String> problems(String templateBody) {
        List<String> out = new ArrayList<>();
        if (templateBody == null || templateBody.isBlank()) {
            out.add("The template is empty.");
            return out;
        }
        int open = 0;
        for (int i = 0; i < templateBody.length() - 1; i++) {
            if (templateBody.startsWith("[[", i)) {
                open++;
                i++;
            } else if (templateBody.startsWith("]]", i)) {
                open--;
                i++;
                if (open < 0) {
                    out.add("\"]]\" without \"[[\" at position " + i + ".");
                    open = 0;
                }
            }
        }
        if (open > 0) {
            out.add("A \"[[\" section is not closed with \"]]\".");
        }
        for (Segment s : parse(templateBody)) {
            List<List<Piece>> lists = s.alternatives == null ? List.of(s.pieces) : s.alternatives;
            for (List<Piece> pieces : lists) {
                for (Piece p : pieces) {
                    if (p.name != null && !Templates.PLACEHOLDERS.contains(p.name)) {
                        out.add("Unknown placeholder {" + p.name + "}; known: " + String.join(", ",
                                Templates.PLACEHOLDERS.stream().map(x -> "{" + x + "}").toList()) + ".");
                    }
                }
            }
        }
        return out;
    }

    /** Null when {@code strict} and a placeholder is empty. */
    private String fill(List<Piece> pieces, Notice n, Set<String> used, boolean strict) {
        StringBuilder b = new StringBuilder();
        for (Piece p : pieces) {
            if (p.name == null) {
                b.append(p.literal);
                continue;
            }
            if (!Templates.PLACEHOLDERS.contains(p.name)) {
                b.append(p.literal);
                continue;
            }
            String v = value(p.name, n);
            if (v.isEmpty()) {
                if (strict) {
                    return null;
                }
                continue;
            }
            used.add(p.name);
            b.append(v);
            if (p.afterConsonant != null) {
                b.append(Josa.pick(v, p.afterConsonant, p.afterVowel));
            }
        }
        return b.toString();
    }

    /** A placeholder's text for this notice; empty when the fact is missing. */
    public String value(String name, Notice n) {
        NoticeLang lang = n.lang();
        return switch (name) {
            case "asOf" -> n.asOf() == null ? "" : NoticeTimes.clock(n.asOf(), zone);
            case "department" -> orEmpty(n.department());
            case "stage" -> n.stage() == null ? "" : n.stage().label();
            case "stepOf" -> n.stage() == null ? "" : lang == NoticeLang.KO
                    ? n.stage().total() + "단계 중 " + n.stage().step() + "단계"
                    : "step " + n.stage().step() + " of " + n.stage().total();
            case "eta" -> n.eta() == null ? "" : NoticeTimes.relative(n.eta(), n.asOf(), zone, lang);
            case "nextUpdate" -> n.nextUpdate() == null ? "" : NoticeTimes.relative(n.nextUpdate(), n.asOf(), zone, lang);
            case "link" -> orEmpty(n.link());
            case "category" -> orEmpty(n.category());
            case "count" -> n.count() > 0 ? Long.toString(n.count()) : "";
            case "done" -> line(n.doneLine());
            case "next" -> line(n.nextLine());
            default -> "";
        };
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** One line, without the full stop the template adds itself. */
    private static String line(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\s+", " ").strip();
        while (!t.isEmpty() && (t.endsWith(".") || t.endsWith("。"))) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static String tidy(String s) {
        String[] lines = s.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(line.replaceAll("[ \\t\\u00A0]{2,}", " ").strip());
        }
        String out = b.toString().strip();
        return Normalizer.normalize(storable(out), Normalizer.Form.NFC);
    }

    /**
     * Without NUL and unpaired surrogates (from pasted or damaged text), which cannot be stored everywhere nor sent
     * as JSON, and without the characters the platform refuses in a post (U+FFFE, U+FEFF, U+FFFF and the bidi
     * embeddings and overrides U+202A..U+202E, which can also make a notice read backwards). None is visible, so they
     * are dropped rather than blocking the notice.
     */
    private static String storable(String s) {
        if (TextChecks.problem(s) == null && s.chars().noneMatch(NoticeRenderer::refusedByPlatform)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(ch).append(s.charAt(++i));
            } else if (ch != 0 && !Character.isSurrogate(ch) && !refusedByPlatform(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static boolean refusedByPlatform(int ch) {
        return ch == 0xFFFE || ch == 0xFEFF || ch == 0xFFFF || (ch >= 0x202A && ch <= 0x202E);
    }

    // ---- parsing ----

    private record Piece(String literal, String name, String afterConsonant, String afterVowel) {}

    private static final class Segment {
        List<Piece> pieces;
        List<List<Piece>> alternatives;
    }

    private static List<Segment> parse(String body) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            int open = body.indexOf("[[", i);
            if (open < 0) {
                out.add(plain(body.substring(i)));
                break;
            }
            int close = body.indexOf("]]", open + 2);
            if (close < 0) {
                out.add(plain(body.substring(i)));
                break;
            }
            if (open > i) {
                out.add(plain(body.substring(i, open)));
            }
            Segment s = new Segment();
            s.alternatives = new ArrayList<>();
            for (String alt : body.substring(open + 2, close).split("\\|", -1)) {
                s.alternatives.add(pieces(alt));
            }
            out.add(s);
            i = close + 2;
        }
        return out;
    }

    private static Segment plain(String text) {
        Segment s = new Segment();
        s.pieces = pieces(text);
        return s;
    }

    private static List<Piece> pieces(String text) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = open < 0 ? -1 : text.indexOf('}', open + 1);
            if (open < 0 || close < 0) {
                out.add(new Piece(text.substring(i), null, null, null));
                break;
            }
            if (open > i) {
                out.add(new Piece(text.substring(i, open), null, null, null));
            }
            String inside = text.substring(open + 1, close).strip();
            String name = inside;
            String consonant = null;
            String vowel = null;
            int colon = inside.indexOf(':');
            if (colon >= 0) {
                name = inside.substring(0, colon).strip();
                String[] forms = inside.substring(colon + 1).split("/", 2);
                if (forms.length == 2) {
                    consonant = forms[0].strip();
                    vowel = forms[1].strip();
                }
            }
            out.add(new Piece(text.substring(open, close + 1), name, consonant, vowel));
            i = close + 1;
        }
        return out;
    }
}
