package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.crisisdesk.settings.DeskSettings;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, item 2: on a computer set to UTC with no zone in the desk's settings, an as-of written with +09:00 means
 * 14:00 as written; and when the zone is not the written offset, {@code notice render} says which zone it used.
 */
class NoticeZoneTest {
    private Path home;
    private TimeZone machine;

    @BeforeEach
    void utcMachine() {
        machine = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, Clock.systemUTC())) {
            s.categories().ensure("배송 지연");
        }
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(machine);
    }

    record Run(int code, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "notice", "render", "--category",
                "배송 지연", "--department", "물류팀", "--stage", "2/4 재배송 준비"));
        all.addAll(List.of(args));
        int code = Cli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theOffsetWrittenInAsOfIsTheClockTheNoticeReads() {
        Run r = run("--as-of", "2026-03-14T14:00+09:00", "--next-update", "16:00");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("14:00 현재").contains("다음 안내 16:00").doesNotContain("05:00");
        assertThat(r.err()).as("the written offset was used: nothing to explain").doesNotContain("time zone:");
    }

    @Test
    void withoutAnOffsetItSaysWhichZoneItUsed() {
        Run machineZone = run("--as-of", "2026-03-14T14:00", "--next-update", "16:00");
        assertThat(machineZone.out()).contains("14:00 현재");
        assertThat(machineZone.err()).contains("time zone: UTC (this computer's zone");

        try (Services s = TempDesk.open(home, Clock.systemUTC())) {
            s.settings().put(DeskSettings.ZONE, "Asia/Seoul");
        }
        Run setting = run("--as-of", "14:00", "--next-update", "16:00");
        assertThat(setting.err()).contains("time zone: Asia/Seoul (the desk's settings)");

        Run option = run("--as-of", "2026-03-14T14:00+09:00", "--zone", "UTC", "--next-update", "16:00");
        assertThat(option.out()).contains("05:00 현재");
        assertThat(option.err()).contains("time zone: UTC (--zone)");
    }

    @Test
    void anUnknownZoneInTheSettingsIsNamedNotSilentlyReplaced() {
        try (Services s = TempDesk.open(home, Clock.systemUTC())) {
            s.settings().put(DeskSettings.ZONE, "Mars/Olympus");
        }
        Run r = run("--as-of", "14:00", "--next-update", "16:00");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("time zone: UTC (this computer's zone, because the desk's settings name an "
                + "unknown zone \"Mars/Olympus\"");
    }
}
