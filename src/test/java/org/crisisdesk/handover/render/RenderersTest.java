package org.crisisdesk.handover.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.handover.ReportFixture.at;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.crisisdesk.app.Services;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.ReportFixture;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** HTML and Markdown over the shared scenario, which carries hostile text in mentions, alerts, names and notes. */
class RenderersTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static Services services;
    private static HandoverReport report;

    @BeforeAll
    static void prepare() {
        services = TempDesk.open(TempDesk.newHome(), new MutableClock(at("09:30")));
        ReportFixture.standard(services);
        report = services.handover().build();
    }

    @AfterAll
    static void close() {
        services.close();
    }

    @Test
    void htmlIsWellFormedAndNoMentionTextBecomesMarkup() throws Exception {
        String html = HtmlReportRenderer.render(report, new ReportText(Locale.KOREAN, SEOUL));
        Document doc = parse(html);
        for (String tag : new String[] {"script", "img", "iframe", "object", "embed", "b", "a", "link"}) {
            assertThat(doc.getElementsByTagName(tag).getLength()).as("<%s> elements", tag).isZero();
        }
        assertThat(attributeNames(doc)).noneMatch(n -> n.toLowerCase(Locale.ROOT).startsWith("on"))
                .doesNotContain("src", "href");
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("<script>alert('x')</script> 환불 요청")   // a hand-off
                .contains("<img src=x onerror=alert(1)> 알림")                 // an alert message
                .contains("<b>확정</b>")                                       // the notes
                .contains("Night <Owl>");                                      // a manager's name
        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
        // nothing is loaded from elsewhere (the only URL is the SVG namespace)
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http")
                .doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void htmlShowsTheFiguresAndTheChart() throws Exception {
        Document doc = parse(HtmlReportRenderer.render(report, new ReportText(Locale.KOREAN, SEOUL)));
        List<String> deliveryRow = row(doc, "배송 지연");
        assertThat(deliveryRow).containsExactly("배송 지연", "12", "5", "+7 (+140%)");
        assertThat(row(doc, "요금 오류")).containsExactly("요금 오류", "3", "6", "−3 (−50%)");
        assertThat(row(doc, "미분류")).containsExactly("미분류", "6", "1", "+5 (+500%)");
        NodeList svgs = doc.getElementsByTagName("svg");
        assertThat(svgs.getLength()).isEqualTo(1);
        assertThat(((Element) svgs.item(0)).getElementsByTagName("polygon").getLength())
                .isEqualTo(report.volume().series().size());
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("지킴").contains("놓침").contains("기다리는 중").contains("변경 안내")
                .contains("10:45 공지에서 ETA를 13:00(으)로 늦춤")
                .contains("김민지님이 09:02에 이전 근무(Night <Owl>)에서 인계받음")
                .contains("이번 기간 3건 접수 · 그중 1건 내보냄 · 아직 내보내지 않은 건 전체 3건")
                .contains("아직 아무도 인계를 확인하지 않았습니다")
                .contains("인증");
        assertThat(text).contains("12:00").contains("19:00"); // ETA 03:00 UTC shown in Seoul time... overdue
        // alerts from their history, in Korean: what was done about each, and the measures behind it
        assertThat(text).contains("평소보다 급증").containsPattern("11:20 공지 #\\d+로 해결")
                .contains("12:05 Night <Owl>님이 무시함").contains("15:10 김민지 <i>님이 17:00까지 미룸")
                .contains("미분류 25건 대기, 가장 오래된 멘션 40분 전").contains("미룸 끝남 (17:00)")
                .doesNotContain("Notice overdue");
    }

    @Test
    void markdownEscapesAndCarriesTheSameFigures() {
        String md = MarkdownReportRenderer.render(report, new ReportText(Locale.KOREAN, SEOUL));
        assertThat(md).contains("| 배송 지연 | 12 | 5 | +7 (+140%) |")
                .contains("| 요금 오류 | 3 | 6 | −3 (−50%) |")
                .contains("1. **인증** 5")
                .contains("2. **유심** 4")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt; 환불 요청")
                .contains("&lt;img src=x onerror=alert(1)&gt; 알림")
                .contains("&lt;b&gt;확정&lt;/b&gt;")
                .contains("Night &lt;Owl&gt;")
                .contains("**놓침")
                .contains("12:05 Night &lt;Owl&gt;님이 무시함")
                .contains("김민지님이 09:02에 이전 근무(Night &lt;Owl&gt;)에서 인계받음") // how this shift began
                .contains("30분 단위").doesNotContain("누적") // no chart in Markdown, only sparklines
                .contains("| 변경 안내 (10:45 공지에서 ETA를 13:00(으)로 늦춤) |");
        assertThat(md).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>");
        // every table row keeps its column count (nine columns with the author's): no cell text added a pipe
        md.lines().filter(l -> l.startsWith("| ") && l.contains("배송 지연 안내"))
                .forEach(l -> assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(10));
    }

    @Test
    void englishAndAcknowledgementAfterTakingTheDesk() throws Exception {
        MutableClock clock = new MutableClock(at("09:30"));
        try (Services s = TempDesk.open(TempDesk.newHome(), clock)) {
            ReportFixture.Standard ids = ReportFixture.standard(s);
            s.shifts().takeDesk(ids.dayShift(), "Alex \"the closer\" Park");
            HandoverReport r = s.handover().build(s.shifts().windowOf(s.shifts().find(ids.dayShift()).orElseThrow()));
            String html = HtmlReportRenderer.render(r, new ReportText(Locale.ENGLISH, ZoneId.of("UTC")));
            String text = parse(html).getDocumentElement().getTextContent();
            assertThat(text).contains("Alex \"the closer\" Park said \"I have the desk\" at 2026-10-17 09:30")
                    .contains("Shift handover report").contains("kept").contains("missed")
                    .contains("revised in time").contains("ETA moved to 04:00 by the notice at 01:45")
                    .contains("06:10 snoozed until 08:00 by 김민지 <i>").contains("Unsorted backlog")
                    .contains("25 waiting in Unsorted, oldest 40 min")
                    .contains("김민지 took over from the previous shift (Night <Owl>) at 00:02");
            String md = MarkdownReportRenderer.render(r, new ReportText(Locale.ENGLISH, ZoneId.of("UTC")));
            assertThat(md).contains("**Alex \"the closer\" Park said \"I have the desk\" at 2026-10-17 09:30**");
        }
    }

    @Test
    void writingAFileReplacesIt() throws Exception {
        Path out = TempDesk.newHome().resolve("reports/handover.html");
        ReportFormat.parse("HTML").write(report, new ReportText(Locale.KOREAN, SEOUL), out);
        ReportFormat.parse("md").write(report, new ReportText(Locale.KOREAN, SEOUL), out);
        assertThat(Files.readString(out)).startsWith("# 근무 인수인계 보고서 — 김민지");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void escapingRules() {
        assertThat(Escape.html("<a href=\"x\" onclick='y'>&</a>\u0007"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Escape.markdown("[click](javascript:x) *b* `c` | <i>\n2"))
                .isEqualTo("\\[click\\](javascript:x) \\*b\\* \\`c\\` \\| &lt;i&gt; 2");
        assertThat(Escape.markdownBlock("- not a list\n1. nor this\n# nor a heading"))
                .isEqualTo("\\- not a list  \n1\\. nor this  \n\\# nor a heading  \n");
        assertThat(Escape.color("red;background:url(x)")).isEqualTo("#868E96");
        assertThat(Escape.color("#1971C2")).isEqualTo("#1971C2");
        assertThat(Escape.clip("가나다라", 2)).isEqualTo("가나…");
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> attributeNames(Document doc) {
        List<String> names = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attrs = all.item(i).getAttributes();
            for (int j = 0; j < attrs.getLength(); j++) {
                names.add(attrs.item(j).getNodeName());
            }
        }
        return names;
    }

    /** The cells of the totals row whose first cell is {@code name}. */
    private static List<String> row(Document doc, String name) {
        NodeList rows = doc.getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            NodeList cells = ((Element) rows.item(i)).getElementsByTagName("td");
            if (cells.getLength() == 4 && cells.item(0).getTextContent().equals(name)) {
                List<String> out = new ArrayList<>();
                for (int j = 0; j < cells.getLength(); j++) {
                    out.add(cells.item(j).getTextContent());
                }
                return out;
            }
        }
        throw new AssertionError("no totals row for " + name);
    }
}
