package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.Rules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NoticeCommandTest {
    Path home;

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @BeforeEach
    void home() {
        home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, Clock.systemUTC())) {
            s.categories().ensure("배송 지연");
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        int code = Cli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    static final String[] FACTS = {"--category", "배송 지연", "--department", "물류팀", "--stage", "2/4 재배송 준비",
        "--eta", "18:00", "--next-update", "16:00", "--link", "https://example.com/notice/42",
        "--as-of", "2026-10-17T14:00+09:00", "--zone", "Asia/Seoul"};

    static String[] with(String[] base, String... more) {
        List<String> l = new ArrayList<>(List.of(base));
        l.addAll(List.of(more));
        return l.toArray(String[]::new);
    }

    @Test
    void renderPrintsTheKoreanNoticeAndOneStatusLine() {
        Run r = run(with(new String[] {"notice", "render"}, FACTS));
        assertThat(r.code()).isZero();
        String text = "[배송 지연 안내] 14:00 현재 물류팀이 4단계 중 2단계(재배송 준비)를 진행 중입니다. 다음 안내 16:00, "
                + "완료 예상 18:00. 자세히: https://example.com/notice/42";
        int weighted = TwitterTextParser.parseTweet(text).weightedLength;
        assertThat(r.lines()).containsExactly(text, "weighted_length=" + weighted + " valid=true");
        assertThat(r.err()).as("no warnings for a complete notice").doesNotContain("warning");
    }

    @Test
    void renderInEnglish() {
        Run r = run(with(new String[] {"notice", "render"}, with(FACTS, "--lang", "en")));
        assertThat(r.lines().get(0)).isEqualTo("[배송 지연 update] As of 14:00, 물류팀 is on step 2 of 4 (재배송 준비). "
                + "Next update 16:00, expected fix by 18:00. Details: https://example.com/notice/42");
        assertThat(r.lines()).last().asString().matches("weighted_length=\\d+ valid=true");
    }

    @Test
    void aTemplateFileDecidesTheTextAndTheLimitIsTheLimit() throws Exception {
        Path t140 = home.resolve("t140.txt");
        Files.writeString(t140, "가".repeat(140), StandardCharsets.UTF_8);
        Path t141 = home.resolve("t141.txt");
        Files.writeString(t141, "가".repeat(141), StandardCharsets.UTF_8);
        assertThat(run(with(new String[] {"notice", "render"}, with(FACTS, "--template", t140.toString()))).lines())
                .last().isEqualTo("weighted_length=280 valid=true");
        Run over = run(with(new String[] {"notice", "render"}, with(FACTS, "--template", t141.toString())));
        assertThat(over.lines()).last().isEqualTo("weighted_length=282 valid=false");
        assertThat(over.err()).contains("over the limit (282/280)");
        Run split = run(with(new String[] {"notice", "render"}, with(FACTS, "--template", t141.toString(), "--split")));
        assertThat(split.lines()).contains("---").last().isEqualTo("weighted_length=282 valid=true");
    }

    @Test
    void warningsGoToStderrAndBadInputGetsAMessage() {
        Run r = run("notice", "render", "--category", "배송 지연", "--as-of", "2026-10-17T14:00+09:00", "--zone",
                "Asia/Seoul");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("no department").contains("no stage").contains("no ETA");
        assertThat(r.lines()).hasSize(2);
        Run bad = run("notice", "render", "--category", "x", "--stage", "five of four");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("2/4 label");
    }

    @Test
    void postWithoutAnAccountKeepsTheNoticeOnceAndMarkPostedCoversIt() {
        Run first = run(with(new String[] {"notice", "post"}, FACTS));
        assertThat(first.code()).isEqualTo(3);
        assertThat(first.lines()).last().asString().startsWith("state=NOT_CONNECTED id=");
        assertThat(first.err()).contains("mark-posted");
        String id = first.lines().get(first.lines().size() - 1).replaceAll(".*id=", "");

        Run again = run(with(new String[] {"notice", "post"}, FACTS));
        assertThat(again.lines()).last().isEqualTo("state=NOT_CONNECTED id=" + id);

        Run marked = run("notice", "mark-posted", id, "--url", "https://x.com/desk/status/1850000000000000001");
        assertThat(marked.code()).isZero();
        assertThat(marked.out()).contains("state=POSTED id=" + id);
        Run afterwards = run(with(new String[] {"notice", "post"}, FACTS));
        assertThat(afterwards.code()).isZero();
        assertThat(afterwards.lines()).last().asString().startsWith("state=POSTED id=" + id);

        assertThat(run("notice", "list").out()).contains("#" + id + " POSTED");
        Run md = run("notice", "longform", "--category", "배송 지연", "--zone", "Asia/Seoul");
        assertThat(md.out()).contains("# \\[배송 지연\\] 진행 상황 안내").contains("| 14:00 | 물류팀 | 2/4 재배송 준비 |");
    }

    @Test
    void postRefusesWarningsWithoutAnyway() {
        Run r = run("notice", "post", "--category", "배송 지연", "--zone", "Asia/Seoul");
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.lines()).last().isEqualTo("state=NOT_QUEUED");
    }

    @Test
    void withoutZoneTimesAreInTheDesksZoneNotTheComputers() {
        String deskZone = java.time.ZoneId.systemDefault().getId().equals("Asia/Seoul") ? "America/New_York" : "Asia/Seoul";
        String clock = java.time.Instant.parse("2026-10-17T05:00:00Z").atZone(java.time.ZoneId.of(deskZone))
                .toLocalTime().toString();
        try (Services s = TempDesk.open(home, Clock.systemUTC())) {
            s.settings().put(org.crisisdesk.settings.DeskSettings.ZONE, deskZone);
        }
        String[] facts = {"--category", "배송 지연", "--department", "물류팀", "--stage", "2/4 재배송 준비",
            "--next-update", "23:30", "--as-of", "2026-10-17T05:00:00Z"};
        Run r = run(with(new String[] {"notice", "render"}, facts));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines().get(0)).contains(clock + " 현재");

        Run post = run(with(new String[] {"notice", "post", "--anyway"}, facts));
        String id = post.lines().get(post.lines().size() - 1).replaceAll(".*id=", "");
        run("notice", "mark-posted", id, "--url", "https://x.com/desk/status/1850000000000000002");
        Run md = run("notice", "longform", "--category", "배송 지연");
        assertThat(md.out()).contains("| " + clock + " | 물류팀 |");
    }

    @Test
    void aMissingOrBadTemplateFileIsExplained() throws Exception {
        Path missing = home.resolve("no-such-template.txt");
        Run none = run(with(new String[] {"notice", "render"}, with(FACTS, "--template", missing.toString())));
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("template file not found: " + missing);

        Path bad = home.resolve("bad.txt");
        Files.writeString(bad, "[{category}] {bogus} {asOf}", StandardCharsets.UTF_8);
        Run r = run(with(new String[] {"notice", "render"}, with(FACTS, "--template", bad.toString())));
        assertThat(r.err()).contains("the template has mistakes: Unknown placeholder {bogus}");
        assertThat(r.lines()).last().asString().endsWith("valid=false");
    }

    @Test
    void aPlainHttpLinkIsRefusedWithUseHttps() {
        String[] http = List.of(FACTS).stream().map(a -> a.replace("https://", "http://")).toArray(String[]::new);
        Run r = run(with(new String[] {"notice", "render"}, http));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()).last().asString().endsWith("valid=false");
        assertThat(r.err()).contains("not postable: Plain http links are not accepted: use https.");
        Run post = run(with(new String[] {"notice", "post"}, http));
        assertThat(post.code()).as(post.err()).isEqualTo(1);
        assertThat(post.lines()).as(post.err()).last().isEqualTo("state=NOT_QUEUED");
    }
}
