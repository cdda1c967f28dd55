package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crisisdesk.handover.ReportFixture;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI writes the same report as the desk, from a database prepared by another process. */
class HandoverCommandTest {

    @Test
    void writesHtmlAndMarkdownForAGivenWindow() throws Exception {
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, new MutableClock(ReportFixture.at("09:30")))) {
            ReportFixture.standard(s);
        }
        Path html = home.resolve("out/handover.html");
        Run run = run("--home", home.toString(), "handover", "--from", "2026-10-17T09:00:00+09:00",
                "--to", "2026-10-17T18:00", "--zone", "Asia/Seoul", "--format", "html", "--out", html.toString());
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("24 mentions, 5 notices, 5 alerts (3 open)");
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("<td>배송 지연</td>")
                .doesNotContain("<script").contains("&lt;script&gt;");

        Path md = home.resolve("handover.md");
        run = run("--home", home.toString(), "handover", "--from", "2026-10-17T00:00:00Z", "--to",
                "2026-10-17T09:00:00Z", "--zone", "UTC", "--lang", "en", "--format", "md", "--out", md.toString());
        assertThat(run.code).as(run.err).isZero();
        assertThat(Files.readString(md)).startsWith("# Shift handover report — 김민지")
                .contains("| 배송 지연 | 12 | 5 | +7 (+140%) |");
    }

    @Test
    void withoutZoneTheDesksZoneSettingComesBeforeTheComputers() throws Exception {
        java.time.ZoneId seoul = java.time.ZoneId.of("Asia/Seoul");
        org.junit.jupiter.api.Assumptions.assumeFalse(java.time.ZoneId.systemDefault().getRules()
                .equals(seoul.getRules()), "the computer is in Seoul's zone already");
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, new MutableClock(ReportFixture.at("09:30")))) {
            ReportFixture.standard(s);
            s.settings().put(org.crisisdesk.settings.DeskSettings.ZONE, "Asia/Seoul");
        }
        Path md = home.resolve("handover.md");
        // no offset: read in the desk's zone, so 09:00-18:00 Seoul is the day shift (00:00-09:00 UTC)
        Run run = run("--home", home.toString(), "handover", "--from", "2026-10-17T09:00", "--to", "2026-10-17T18:00",
                "--lang", "en", "--format", "md", "--out", md.toString());
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("2026-10-17T09:00 – 2026-10-17T18:00 (Asia/Seoul): 24 mentions");
        assertThat(Files.readString(md)).contains("2026-10-17 09:00");
    }

    @Test
    void badOptionsGetAClearMessage() {
        Path home = TempDesk.newHome();
        Run run = run("--home", home.toString(), "handover", "--format", "pdf", "--out", "x.pdf");
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--format must be html or md");
        run = run("--home", home.toString(), "handover", "--from", "yesterday", "--out", "x.html");
        assertThat(run.err).contains("--from must be ISO-8601");
        run = run("--home", home.toString(), "handover", "--from", "2026-10-17T09:00:00Z", "--to",
                "2026-10-17T08:00:00Z", "--out", home.resolve("x.html").toString());
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("must end after it starts");
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new CrisisDeskCommand());
        cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int code = cli.execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
