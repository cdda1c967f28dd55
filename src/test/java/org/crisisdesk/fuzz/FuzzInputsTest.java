package org.crisisdesk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionJson;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.mention.TextChecks;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.LinkCheck;
import org.crisisdesk.notice.LongForm;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.NoticeTimeline;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.notice.WeightedLength;
import org.crisisdesk.testing.Fuzz;
import org.crisisdesk.testing.Hostile;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.CategoryFile;
import org.crisisdesk.triage.CategoryNames;
import org.crisisdesk.triage.InvalidRulesException;
import org.crisisdesk.triage.RuleSet;
import org.crisisdesk.triage.Rules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile text into every parser and renderer that takes outside text, in memory: import lines (canonical, v1.1, v2),
 * category names, rules and category files, notice templates and facts, links, and the long-form HTML. About 12,000
 * cases in a few seconds; the same cases with more of each run under {@code -Pdrill} ({@code fuzz.scale}).
 * Every case: no exception other than the entry point's documented "rejected" one, a reason when rejected, stored
 * text kept exactly, and HTML made only of the renderer's own elements. A failure names the seed and case.
 */
class FuzzInputsTest {
    static final int SCALE = Integer.getInteger("fuzz.scale", 1);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z");
    static final Set<String> LONG_FORM_TAGS = Set.of("html", "head", "meta", "title", "style", "body", "main", "h1",
            "h2", "p", "dl", "dt", "dd", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "a");

    final Hostile h = new Hostile(Hostile.seedFromProperty());

    @AfterAll
    static void total() {
        System.out.println("fuzz: " + Fuzz.CASES.get() + " cases so far in this JVM (seed "
                + Hostile.seedFromProperty() + ")");
    }

    // ---- import lines ----

    @Test
    void importLinesAreAcceptedExactlyOrRejectedWithAReason() {
        Fuzz.run(h, 1500 * SCALE, (g, n) -> {
            String text = g.chance(0.5) ? g.storableText() : g.text();
            String line = switch (n % 5) {
                case 0, 1 -> canonical(g, text);
                case 2 -> v1(g, text);
                case 3 -> v2(g, text);
                default -> mangled(g, canonical(g, text));
            };
            MentionJson.Parsed p = MentionJson.parseLine(line);
            if (p.rejected()) {
                assertThat(p.error()).isNotBlank();
                assertThat(p.mentions()).isEmpty();
                return;
            }
            for (Mention m : p.mentions()) {
                for (String s : new String[] {m.platformId(), m.author(), m.authorName(), m.lang(), m.text()}) {
                    assertThat(TextChecks.problem(s)).isNull();
                }
                assertThat(m.text().length()).isLessThanOrEqualTo(MentionJson.MAX_TEXT);
                // what was accepted writes back out and reads in again unchanged
                StoredMention sm = new StoredMention(1, m, T0, null, null, null, null, null, null);
                MentionJson.Parsed again = MentionJson.parseLine(MentionJson.toCanonicalLine(sm, null));
                assertThat(again.error()).isNull();
                assertThat(again.mentions().get(0).text()).isEqualTo(m.text());
                assertThat(again.mentions().get(0).platformId()).isEqualTo(m.platformId());
            }
            if (n % 5 < 2 && TextChecks.problem(text) == null && line.contains("\"plain-")) {
                // a canonical line with plain id and author and any storable text is kept exactly
                assertThat(p.mentions()).singleElement().extracting(Mention::text).isEqualTo(text);
            }
        });
    }

    private static String canonical(Hostile g, String text) {
        ObjectNode o = JSON.createObjectNode();
        boolean plain = g.chance(0.6);
        o.put("id", plain ? "plain-" + g.nextInt(1_000_000) : g.text());
        o.put("created_at", g.chance(0.9) ? "2026-10-17T05:00:00+09:00" : g.text());
        o.put("author", plain ? "plain-user" : g.text());
        if (g.chance(0.5)) {
            o.put("author_name", g.text());
        }
        o.put("text", text);
        if (g.chance(0.3)) {
            o.put("category", g.text());
        }
        if (g.chance(0.1)) {
            o.put("release_s", g.chance(0.5) ? -1 : 3.5);
        }
        return o.toString();
    }

    private static String v1(Hostile g, String text) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id_str", Long.toString(1_850_000_000_000_000_000L + g.nextInt(1_000_000)));
        o.put(g.chance(0.5) ? "full_text" : "text", text);
        o.put("created_at", g.chance(0.8) ? "Sat Oct 17 05:00:00 +0000 2026" : g.text());
        ObjectNode user = o.putObject("user");
        if (g.chance(0.9)) {
            user.put("screen_name", g.chance(0.5) ? "someone" : g.text());
        }
        user.put("name", g.text());
        return o.toString();
    }

    private static String v2(Hostile g, String text) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode data = o.putArray("data");
        int count = 1 + g.nextInt(3);
        for (int i = 0; i < count; i++) {
            ObjectNode t = data.addObject();
            t.put("id", Long.toString(1_850_000_000_000_000_000L + g.nextInt(1_000_000)));
            t.put("text", i == 0 ? text : g.text());
            t.put("author_id", g.chance(0.9) ? "42" : g.text());
            t.put("created_at", g.chance(0.9) ? "2026-10-17T05:00:00.000Z" : g.text());
            if (g.chance(0.2)) {
                t.putObject("note_tweet").put("text", g.text());
            }
        }
        if (g.chance(0.8)) {
            o.putObject("includes").putArray("users").addObject().put("id", "42").put("username",
                    g.chance(0.5) ? "someone" : g.text()).put("name", g.text());
        }
        return o.toString();
    }

    /** Cut short, doubled, wrapped, typed wrong, or not JSON at all. */
    private static String mangled(Hostile g, String line) {
        return switch (g.nextInt(7)) {
            case 0 -> line.substring(0, g.nextInt(Math.max(1, line.length())));
            case 1 -> line + line;
            case 2 -> "[" + line + "]";
            case 3 -> line.replace("\"text\":", "\"text\":{\"nested\":").concat("}");
            case 4 -> line.replace("\"id\":\"", "\"id\":" + g.nextInt(99) + ",\"x\":\"");
            case 5 -> g.text();
            default -> "{\"id\":\"1\",\"created_at\":\"2026-10-17T05:00:00Z\",\"author\":\"a\",\"text\":"
                    + "\"" + "\\ud800".repeat(1 + g.nextInt(3)) + "\"}";
        };
    }

    // ---- categories and rules ----

    @Test
    void categoryNamesComeOutVisibleOneLineAndShortOrAreRefusedWithAReason() {
        Fuzz.run(h, 2000 * SCALE, (g, n) -> {
            String raw = g.text();
            String name;
            try {
                name = CategoryNames.clean(raw);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
                return;
            }
            assertThat(name).isNotBlank().doesNotContain("\n").doesNotContain("\r");
            assertThat(TextChecks.problem(name)).isNull();
            assertThat(name.codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL
                    || Character.getType(cp) == Character.FORMAT)).as("no control or bidi/format characters").isTrue();
            assertThat(name.codePointCount(0, name.length())).isLessThanOrEqualTo(CategoryNames.MAX_LENGTH);
            assertThat(CategoryNames.clean(name)).isEqualTo(name);
        });
    }

    @Test
    void rulesEitherCompileAndMatchAnythingOrListTheirProblems() {
        List<String> regexBits = List.of("(a+)+b", "(.*){1,30}x", "[", "(", "\\", "*", "a{99999}", "^$", "x?", "(?i)환불",
                "\\p{IsHangul}+", "(?<name>x)\\k<name>", "[^]", "\\Q", "(?=", "a|", ".*", "배송\\s*지연", "\\bSKT\\b");
        Fuzz.run(h, 800 * SCALE, (g, n) -> {
            List<String> keywords = new ArrayList<>();
            List<String> regexes = new ArrayList<>();
            List<String> exclusions = new ArrayList<>();
            for (int i = g.nextInt(4); i > 0; i--) {
                keywords.add(g.text());
            }
            for (int i = g.nextInt(3); i > 0; i--) {
                regexes.add(g.chance(0.6) ? g.pick(regexBits) + g.pick(regexBits) : g.text());
            }
            if (g.chance(0.3)) {
                exclusions.add(g.text());
            }
            Rules rules = new Rules(keywords, regexes, exclusions);
            List<String> problems = RuleSet.problems("c", rules);
            Category c = new Category(1, "c", "#112233", 0, Category.Kind.TOPIC, false, rules);
            RuleSet set;
            try {
                set = RuleSet.compile(List.of(c));
                assertThat(problems).isEmpty();
            } catch (InvalidRulesException e) {
                assertThat(problems).isNotEmpty();
                assertThat(e.getMessage()).isNotBlank();
                set = RuleSet.compileLenient(List.of(c), new ArrayList<>());
            }
            String text = g.chance(0.005) ? "a".repeat(20_000) + g.text() : g.text();
            set.match(text); // bounded work even for (a+)+b on a long text; no exception
        });
    }

    @Test
    void categoryFilesLoadWholeOrFailWithAMessage() {
        Fuzz.run(h, 1000 * SCALE, (g, n) -> {
            byte[] bytes;
            if (n % 4 == 3) {
                bytes = g.bytes();
            } else {
                ObjectNode root = JSON.createObjectNode();
                if (g.chance(0.9)) {
                    root.put("format", g.chance(0.9) ? CategoryFile.FORMAT : g.text());
                }
                ArrayNode cats = root.putArray("categories");
                for (int i = 1 + g.nextInt(3); i > 0; i--) {
                    ObjectNode c = cats.addObject();
                    c.put("name", g.text());
                    if (g.chance(0.5)) {
                        c.put("color", g.chance(0.5) ? "#A1B2C3" : g.text());
                    }
                    if (g.chance(0.3)) {
                        c.put("kind", g.chance(0.5) ? "customer_centre" : g.text());
                    }
                    ArrayNode kw = c.putArray("keywords");
                    for (int k = g.nextInt(3); k > 0; k--) {
                        kw.add(g.text());
                    }
                    if (g.chance(0.4)) {
                        c.putArray("regex").add(g.text());
                    }
                }
                String s = root.toString();
                bytes = (g.chance(0.2) ? s.substring(0, g.nextInt(s.length())) : s).getBytes(StandardCharsets.UTF_8);
            }
            try {
                List<CategoryFile.Spec> specs = CategoryFile.read(new ByteArrayInputStream(bytes));
                for (CategoryFile.Spec s : specs) {
                    assertThat(CategoryNames.clean(s.name())).isEqualTo(s.name());
                    assertThat(s.color()).matches("#[0-9A-Fa-f]{6}");
                    assertThat(RuleSet.problems(s.name(), s.rules())).isEmpty();
                }
            } catch (IOException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    // ---- notices: templates, facts, links, long form ----

    @Test
    void hostileTemplatesAndFactsRenderOrBlockButNeverThrow() {
        List<String> templates = new ArrayList<>();
        Templates.builtIn().forEach(t -> templates.add(t.body()));
        Fuzz.run(h, 500 * SCALE, (g, n) -> {
            String template = switch (n % 3) {
                case 0 -> g.pick(templates);
                case 1 -> g.pick(templates) + g.text();
                default -> g.text();
            };
            Notice facts = hostileNotice(g);
            // twitter-text's count costs milliseconds per hostile text (its URL patterns), and a thread split
            // measures every cut: fewer cases here than elsewhere, ten times as many in the drill
            Composition c = NoticeService.compose(facts, template, g.chance(SCALE > 1 ? 0.5 : 0.03), SEOUL);
            assertThat(c).isNotNull();
            if (c.postable()) {
                assertThat(c.parts()).isNotEmpty();
                for (String p : c.parts()) {
                    assertThat(TextChecks.problem(p)).as("a postable part must be storable text").isNull();
                    // what the composer offers to post, the outbox accepts
                    assertThat(WeightedLength.measure(p).valid()).as("a postable part must be valid: %s", p).isTrue();
                }
            }
            if (c.notice().link() != null && c.link().usable()) {
                assertThat(c.notice().link()).matches("https://.*");
            }
        });
    }

    @Test
    void onlyHttpsLinksAreUsableAndTheFinalUrlIsClean() {
        List<String> prefixes = List.of("", "https://", "http://", "HTTPS://", "javascript:", "JaVaScRiPt:", "data:",
                "file://", "ftp://", "//", "mailto:", "https://user:pw@", "https://example.com/", "https://xn--",
                "https://배송.한국/", "http://127.0.0.1/", "https://example.com:99999/", " https://example.com ");
        Fuzz.run(h, 2000 * SCALE, (g, n) -> {
            String input = g.pick(prefixes) + (g.chance(0.5) ? "example.com/" : "") + g.text();
            LinkCheck lc = LinkCheck.check(input);
            assertThat(lc.message()).isNotBlank();
            if (lc.usable() && lc.status() != LinkCheck.Status.EMPTY) {
                assertThat(lc.finalUrl()).matches("https://[a-z0-9.-]+(:\\d+)?([/?#].*)?")
                        .doesNotContainPattern("[\\s\\p{Cntrl}<>\"]");
                assertThat(LinkCheck.check(lc.finalUrl()).finalUrl()).isEqualTo(lc.finalUrl());
            } else if (lc.status() == LinkCheck.Status.INVALID) {
                assertThat(lc.finalUrl()).isNull();
            }
        });
    }

    @Test
    void theLongFormHtmlIsOnlyItsOwnMarkupWhateverTheNoticesSay() {
        Fuzz.run(h, 250 * SCALE, (g, n) -> {
            List<StoredNotice> posted = new ArrayList<>();
            for (int i = 0; i < 1 + g.nextInt(3); i++) {
                Notice facts = hostileNotice(g).withText(g.text());
                posted.add(new StoredNotice(i + 1, facts, NoticeState.POSTED, List.of(), 1, null, null, null, null,
                        null, null, null, null, null, T0, T0, T0.plusSeconds(i), T0));
            }
            List<String> quotes = List.of(g.text(), g.text());
            LongForm.Document d = LongForm.render(g.text(), NoticeTimeline.of(posted, T0.plusSeconds(60)), quotes,
                    g.chance(0.5) ? NoticeLang.KO : NoticeLang.EN, SEOUL, T0);
            Fuzz.assertOnlyOwnMarkup(d.html(), LONG_FORM_TAGS);
            assertThat(d.markdown().toLowerCase()).doesNotContain("<script").doesNotContain("<img");
        });
    }

    @Test
    void escapedTextHasNoMarkupLeft() {
        Fuzz.run(h, 2000 * SCALE, (g, n) -> {
            String e = TextChecks.escapeHtml(g.text());
            assertThat(e).doesNotContain("<").doesNotContain(">").doesNotContain("\"").doesNotContain("'");
            assertThat(e.chars().noneMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\t')).isTrue();
        });
    }

    /** A stage as the composer parses it; a refused one (with its reason) becomes no stage. */
    static Stage stage(String typed) {
        try {
            return Stage.parse(typed);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            return null;
        }
    }

    static Notice hostileNotice(Hostile g) {
        return new Notice(1L, g.text(), T0, g.chance(0.8) ? g.text() : null,
                g.chance(0.7) ? stage(g.chance(0.5) ? "2/4 " + g.text() : g.text()) : null,
                g.chance(0.5) ? T0.plusSeconds(3600) : null, g.chance(0.5) ? T0.plusSeconds(1800) : null,
                g.chance(0.7) ? g.text() : null, g.chance(0.5) ? g.text() : null,
                g.chance(0.6) ? (g.chance(0.5) ? "https://example.com/n/" : "") + g.text() : null,
                g.chance(0.5) ? NoticeLang.KO : NoticeLang.EN, g.nextInt(5000), null);
    }
}
