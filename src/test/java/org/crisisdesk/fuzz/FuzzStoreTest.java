package org.crisisdesk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crisisdesk.app.Services;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.Shift;
import org.crisisdesk.handover.render.HtmlReportRenderer;
import org.crisisdesk.handover.render.MarkdownReportRenderer;
import org.crisisdesk.handover.render.ReportText;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.MentionJson;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.mention.TextChecks;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.LongForm;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.source.FileImporter;
import org.crisisdesk.testing.Fuzz;
import org.crisisdesk.testing.Hostile;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.Test;

/**
 * Hostile text through the real store (H2 file): an import file of hostile, damaged and oversized lines; hostile
 * category names, manager names and shift notes; notices with hostile facts. Then: every good line stored once with
 * its text exact (also after an export and re-import), every bad line rejected with its number and a reason, and
 * the handover and long-form HTML made only of their own elements. A few hundred cases (H2 is slower than memory);
 * {@code -Pdrill} runs ten times as many.
 */
class FuzzStoreTest {
    static final int SCALE = Integer.getInteger("fuzz.scale", 1);
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z");
    static final Set<String> HANDOVER_TAGS = Set.of("html", "head", "meta", "title", "style", "body", "header",
            "footer", "section", "div", "span", "strong", "h1", "h2", "h3", "p", "ul", "ol", "li", "table", "thead",
            "tbody", "tr", "th", "td", "br", "svg", "line", "polygon", "text", "g", "rect", "path", "a", "small", "em",
            "details", "summary", "time", "main", "nav", "b", "i", "code", "pre", "dl", "dt", "dd");
    static final ObjectMapper JSON = new ObjectMapper();

    final Hostile h = new Hostile(Hostile.seedFromProperty());

    @Test
    void hostileImportFileKeepsEveryGoodLineExactlyAndNamesEveryBadOne() throws Exception {
        Path home = TempDesk.newHome();
        int lines = 250 * SCALE;
        Map<String, String> good = new HashMap<>();
        Set<Integer> bad = new HashSet<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Fuzz.run(h, lines, (g, n) -> {
            int lineNo = n + 1;
            byte[] line;
            switch (n % 8) {
                case 0 -> { // invalid UTF-8 somewhere in the line
                    line = g.bytes();
                    for (int i = 0; i < line.length; i++) {
                        line[i] = line[i] == '\n' ? (byte) ' ' : line[i]; // one line stays one line
                    }
                    bad.add(lineNo);
                }
                case 1 -> { // malformed or truncated JSON
                    String s = canonical("bad-" + n, g.storableText());
                    line = s.substring(0, 1 + g.nextInt(s.length() - 2)).getBytes(StandardCharsets.UTF_8);
                    bad.add(lineNo);
                }
                case 2 -> { // NUL or a lone surrogate in the text: refused, said why
                    line = canonical("nul-" + n, "a\u0000b" + (g.chance(0.5) ? "\uD800" : "")).getBytes(StandardCharsets.UTF_8);
                    bad.add(lineNo);
                }
                case 3 -> {
                    if (n % 64 == 3) { // 1 MB of text: over the limit
                        line = canonical("big-" + n, g.big(1 << 20)).getBytes(StandardCharsets.UTF_8);
                        bad.add(lineNo);
                    } else if (n % 64 == 11) { // just under the limit: kept whole
                        String text = g.big(MentionJson.MAX_TEXT - 10);
                        text = TextChecks.problem(text) == null ? text : "x".repeat(MentionJson.MAX_TEXT - 10);
                        good.put("long-" + n, text);
                        line = canonical("long-" + n, text).getBytes(StandardCharsets.UTF_8);
                    } else {
                        String text = g.storableText();
                        good.put("ok-" + n, text);
                        line = canonical("ok-" + n, text).getBytes(StandardCharsets.UTF_8);
                    }
                }
                default -> {
                    String text = g.storableText();
                    good.put("ok-" + n, text);
                    line = canonical("ok-" + n, text).getBytes(StandardCharsets.UTF_8);
                }
            }
            file.write(line);
            file.write(g.chance(0.2) ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        });
        Path jsonl = home.resolve("hostile.jsonl");
        Files.write(jsonl, file.toByteArray());
        String seed = "fuzz seed " + h.runSeed();

        try (Services s = TempDesk.open(home, new MutableClock(T0))) {
            FileImporter.Report first = s.importer("fuzz").importFile(jsonl);
            assertThat(first.rejected()).as(seed).extracting(FileImporter.Rejection::line)
                    .containsExactlyInAnyOrderElementsOf(bad);
            assertThat(first.rejected()).as(seed).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
            assertThat(first.imported()).as(seed).isEqualTo(good.size());
            assertThat(storedTexts(s)).as(seed).isEqualTo(good);

            // again: nothing new; exported and imported into a fresh desk: the same texts
            FileImporter.Report again = s.importer("fuzz").importFile(jsonl);
            assertThat(again.imported()).isZero();
            assertThat(again.duplicates()).isEqualTo(good.size());
            Path export = home.resolve("export.jsonl");
            s.exporter().export(MentionFilter.ALL, MentionExporter.Format.JSONL, export, id -> null);
            Path other = TempDesk.newHome();
            try (Services t = TempDesk.open(other, new MutableClock(T0))) {
                assertThat(t.importer("fuzz").importFile(export).rejected()).isEmpty();
                assertThat(storedTexts(t)).as(seed).isEqualTo(good);
            }
        }
        System.out.println("fuzz: import file of " + lines + " lines, " + good.size() + " kept exactly, " + bad.size()
                + " rejected with a reason (seed " + h.runSeed() + ")");
    }

    private static Map<String, String> storedTexts(Services s) {
        Map<String, String> out = new HashMap<>();
        s.mentions().forEach(MentionFilter.ALL, m -> assertThat(out.put(m.platformId(), m.text())).isNull());
        return out;
    }

    private static String canonical(String id, String text) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("created_at", T0.minusSeconds(600).toString());
        o.put("author", "fuzzer");
        o.put("text", text);
        return o.toString();
    }

    @Test
    void handoverAndLongFormHtmlEscapeHostileNamesNotesMentionsAndNotices() throws Exception {
        MutableClock clock = new MutableClock(T0.minus(Duration.ofHours(3)));
        try (Services s = TempDesk.open(TempDesk.newHome(), clock)) {
            Shift shift = s.shifts().start("매니저 " + h.startCase(-1).storableText(), "", SEOUL);
            clock.set(T0.minus(Duration.ofHours(2)));
            List<Category> categories = new ArrayList<>();
            int[] refused = {0};
            // hostile category names: made, or refused with a reason
            Fuzz.run(h, 60 * SCALE, (g, n) -> {
                try {
                    String typed = g.chance(0.3) ? g.text() : g.storableText();
                    if (typed.codePointCount(0, typed.length()) > 40) {
                        typed = typed.substring(0, typed.offsetByCodePoints(0, 40));
                    }
                    categories.add(s.triage().create(typed, "#1A2B3C"));
                } catch (IllegalArgumentException e) { // TriageException (name taken) is one too
                    assertThat(e.getMessage()).isNotBlank();
                    refused[0]++;
                }
            });
            assertThat(categories).as("some hostile names must be usable").isNotEmpty();
            // hostile mentions, filed into those categories
            List<org.crisisdesk.mention.Filing> batch = new ArrayList<>();
            Fuzz.run(h, 120 * SCALE, (g, n) -> batch.add(org.crisisdesk.mention.Filing.unsorted(
                    new org.crisisdesk.mention.Mention("fuzz", "m" + n, T0.minusSeconds(5400 - n), "a" + n,
                            g.storableText(), "ko", g.storableText(), null, null, null))));
            List<StoredMention> stored = s.mentions().ingest(batch, null, "fuzz");
            assertThat(stored).hasSize(batch.size());
            for (int i = 0; i < stored.size(); i++) {
                if (i % 3 != 0) {
                    s.triage().move(List.of(stored.get(i).pk()), categories.get(i % categories.size()).id(), "fuzz");
                }
            }
            // hostile notices, posted by hand
            Fuzz.run(h, 20 * SCALE, (g, n) -> {
                Category c = categories.get(n % categories.size());
                var facts = FuzzInputsTest.hostileNotice(g);
                facts = new org.crisisdesk.notice.Notice(c.id(), c.name(), clock.instant(), facts.department(),
                        facts.stage(), facts.eta(), facts.nextUpdate(), facts.doneLine(), facts.nextLine(),
                        null, facts.lang(), 3, null);
                Composition comp = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), true,
                        SEOUL);
                if (comp.postable()) {
                    StoredNotice q = s.notices().outbox().queue(comp.notice(), comp.parts(), "fuzz-" + n,
                            Templates.KO_STANDARD);
                    s.notices().outbox().markPostedByHand(q.id(), "https://x.com/desk/status/" + (1000 + n));
                }
            });
            s.shifts().saveNotes(shift.id(), h.startCase(-2).storableText() + "\n" + h.storableText());
            clock.set(T0);

            HandoverReport report = s.handover().build();
            for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
                String html = HtmlReportRenderer.render(report, new ReportText(locale, SEOUL));
                Fuzz.assertOnlyOwnMarkup(html, HANDOVER_TAGS);
                String md = MarkdownReportRenderer.render(report, new ReportText(locale, SEOUL));
                assertThat(md.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<img")
                        .doesNotContain("<svg");
            }
            for (Category c : categories) {
                List<String> quotes = new ArrayList<>();
                s.mentions().forEach(MentionFilter.category(c.id()), m -> quotes.add(m.mention().text()));
                LongForm.Document d = LongForm.render(c.name(), s.notices().timeline(c.id()), quotes,
                        NoticeLang.KO, SEOUL, clock.instant());
                Fuzz.assertOnlyOwnMarkup(d.html(), FuzzInputsTest.LONG_FORM_TAGS);
            }
            System.out.println("fuzz: handover over " + stored.size() + " hostile mentions, " + categories.size()
                    + " hostile category names (" + refused[0] + " refused with a reason)");
        }
    }
}
