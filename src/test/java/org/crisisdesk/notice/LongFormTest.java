package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

class LongFormTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final String SCRIPT = "<script>alert('x')</script>";
    static final String IMG = "<img src=x onerror=\"alert(1)\">";

    static StoredNotice posted(long id, String asOf, Notice n) {
        return new StoredNotice(id, n, NoticeState.POSTED, List.of(), 1, null, null, null, null, null, null, null,
                null, null, Instant.parse(asOf), Instant.parse(asOf), Instant.parse(asOf), Instant.parse(asOf));
    }

    NoticeTimeline hostileTimeline() {
        Notice first = new Notice(1L, "배송 " + SCRIPT, Instant.parse("2026-10-17T04:00:00Z"), "물류팀 " + IMG,
                Stage.parse("1/4 원인 [파악](javascript:alert(1))"), Instant.parse("2026-10-17T09:00:00Z"),
                Instant.parse("2026-10-17T05:00:00Z"), "택배사 연락 " + IMG, null, "https://example.com/n/1",
                NoticeLang.KO, 3, "t");
        Notice second = new Notice(1L, "배송 " + SCRIPT, Instant.parse("2026-10-17T05:00:00Z"), "물류팀",
                Stage.parse("2/4 재배송 준비"), Instant.parse("2026-10-17T09:00:00Z"),
                Instant.parse("2026-10-17T07:00:00Z"), "재고 확인 & 출고", "<b>지역별</b> 출고 ` | **굵게**",
                "https://example.com/n/1?a=1&b=2", NoticeLang.KO, 3, "t");
        return NoticeTimeline.of(List.of(posted(1, "2026-10-17T04:00:00Z", first),
                posted(2, "2026-10-17T05:00:00Z", second)), Instant.parse("2026-10-17T06:00:00Z"));
    }

    @Test
    void htmlEscapesEveryPieceOfUserText() {
        LongForm.Document d = LongForm.render("배송 " + SCRIPT, hostileTimeline(), List.of(IMG, "</blockquote><svg onload=1>"),
                NoticeLang.KO, SEOUL, Instant.parse("2026-10-17T06:00:00Z"));
        String html = d.html();
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<svg")
                .doesNotContain("<b>").doesNotContain("onerror=\"");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
        assertThat(html).contains("Content-Security-Policy");
        assertThat(html).contains("href=\"https://example.com/n/1?a=1&amp;b=2\"");
        assertThat(html).doesNotContain("href=\"javascript");
        // only our own tags are there
        assertThat(html.replaceAll("</?(html|head|meta|title|style|body|main|h1|h2|p|dl|dt|dd|ul|li|table|thead|tbody"
                + "|tr|th|td|blockquote|a)( [^>]*)?>|<!DOCTYPE html>", "")).doesNotContain("<");
        assertThat(html).contains("<html lang=\"ko\">").contains("재고 확인 &amp; 출고").contains("안내 기록");
    }

    @Test
    void markdownNeutralisesMarkupAndRawHtml() {
        LongForm.Document d = LongForm.render("배송 " + SCRIPT, hostileTimeline(), List.of(IMG), NoticeLang.KO, SEOUL,
                Instant.parse("2026-10-17T06:00:00Z"));
        String md = d.markdown();
        assertThat(md).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>");
        assertThat(md).contains("&lt;script&gt;");
        assertThat(md).contains("\\[파악\\](javascript:alert(1))");
        assertThat(md).contains("\\`").contains("\\|").contains("\\*\\*굵게\\*\\*");
        assertThat(md).contains("[공지 원문](https://example.com/n/1?a=1&b=2)");
        assertThat(md).contains("| 14:00 | 물류팀 | 2/4 재배송 준비 | 18:00 | 진행 중 |");
        assertThat(md).startsWith("# \\[배송 &lt;script&gt;");
    }

    @Test
    void englishAndEmptyTimelinesRead() {
        LongForm.Document d = LongForm.render("Outage", NoticeTimeline.of(List.of(), Instant.EPOCH), List.of(),
                NoticeLang.EN, SEOUL, Instant.parse("2026-10-17T06:00:00Z"));
        assertThat(d.markdown()).contains("No notice has been posted yet.");
        assertThat(d.html()).contains("<html lang=\"en\">").contains("Outage: progress notice");
    }

    @Test
    void savesBothFiles() throws Exception {
        Path dir = TempDesk.newHome().resolve("notices");
        LongForm.Document d = LongForm.render("배송", hostileTimeline(), List.of(), NoticeLang.KO, SEOUL,
                Instant.parse("2026-10-17T06:00:00Z"));
        List<Path> files = LongForm.save(dir, 7, Instant.parse("2026-10-17T05:00:00Z"), SEOUL, d);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("notice-7-20261017-1400.md", "notice-7-20261017-1400.html");
        assertThat(Files.readString(files.get(1))).isEqualTo(d.html());
    }
}
