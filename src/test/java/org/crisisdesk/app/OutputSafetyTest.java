package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.crisisdesk.app.CliTest.Run;
import org.crisisdesk.mention.TextChecks;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** Issue 20, the wrong or unclear answers: CSV, dates, --split, full disks, device targets, fields, permissions. */
class OutputSafetyTest {

    static Run run(Path home, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliTest.run(all);
    }

    static Path homeWithLines(String... lines) throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        Files.write(in, List.of(lines), StandardCharsets.UTF_8);
        Run r = run(home, "import", in.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        return home;
    }

    @Test
    void csvDefusesFormulasInEveryColumn() throws Exception {
        Path home = homeWithLines("{\"id\":\"=HYPERLINK(\\\"http://x.example\\\",\\\"y\\\")\",\"created_at\":"
                + "\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"lang\":\"=1+1\",\"text\":\"t\"}");
        Path csv = home.resolve("out.csv");
        assertThat(run(home, "export", "--format", "csv", "--out", csv.toString()).exit()).isZero();
        String body = Files.readString(csv).lines().skip(1).findFirst().orElseThrow();
        assertThat(body).doesNotContain(",=").doesNotContain("\"=").startsWith("\"'=HYPERLINK").contains("'=1+1");
    }

    @Test
    void exportToAFullDiskOrADeviceSaysSoAndNeverReplacesTheDevice() throws Exception {
        assumeThat(Path.of("/dev/full")).exists();
        Path home = homeWithLines("{\"id\":\"1\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"t\"}");
        Run full = run(home, "export", "--out", "/dev/full");
        assertThat(full.exit()).isEqualTo(2);
        assertThat(full.err()).startsWith("crisisdesk: cannot write /dev/full: ").contains("No space left on device")
                .doesNotContain("\tat ");
        assertThat(Files.isRegularFile(Path.of("/dev/full"))).isFalse();
        assertThat(Files.exists(Path.of("/dev/full"))).isTrue();
        Run devNull = run(home, "export", "--out", "/dev/null");
        assertThat(devNull.exit()).as(devNull.err()).isZero();
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }

    @Test
    void extremeDatesAndAnEtaBeforeTheAsOfAreRefusedClearly() throws Exception {
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, java.time.Clock.systemUTC())) {
            s.categories().ensure("배송 지연");
        }
        Run asOf = run(home, "notice", "render", "--category", "배송 지연", "--as-of", "+999999999-12-31T23:59:59Z");
        assertThat(asOf.exit()).isEqualTo(2);
        assertThat(asOf.err()).contains("--as-of").contains("outside the years 1970 to 9999").doesNotContain("\tat ");
        Run from = run(home, "handover", "--from=-999999999-01-01T00:00:00Z", "--out", home.resolve("r.html").toString());
        assertThat(from.exit()).isEqualTo(2);
        assertThat(from.err()).contains("--from").contains("outside the years 1970 to 9999").doesNotContain("\tat ");
        Run eta = run(home, "notice", "render", "--category", "배송 지연", "--as-of", "2026-10-17T14:00+09:00",
                "--eta", "2026-10-17T09:00+09:00");
        assertThat(eta.exit()).isEqualTo(2);
        assertThat(eta.err()).contains("--eta").contains("is before the as-of time");
        Run farEta = run(home, "notice", "render", "--category", "배송 지연", "--as-of", "2026-10-17T14:00+09:00",
                "--eta", "9999-12-01T09:00+09:00", "--zone", "Asia/Seoul", "--lang", "en");
        assertThat(farEta.out()).contains("Dec 1 9999 09:00");
    }

    @Test
    void splitSaysWhyItStillDoesNotFit() throws Exception {
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, java.time.Clock.systemUTC())) {
            s.categories().ensure("배송 지연");
        }
        Run r = run(home, "notice", "render", "--category", "배송 지연", "--as-of", "2026-10-17T14:00+09:00",
                "--department", "가".repeat(4000), "--split");
        assertThat(r.err()).contains("even with --split").doesNotContain("or use --split");
    }

    @Test
    void noticeFieldsAreOneLineWithoutControlsOrBidiOverrides() {
        Notice n = new Notice(null, "배송\n지연", java.time.Instant.parse("2026-10-17T05:00:00Z"),
                "물류\n팀\u001B[31m\u0001", Stage.parse("2/4 재배송\n준비\u202E"), null, null, "a\nb", "c\u2028d",
                null, NoticeLang.KO, 0, null);
        for (String f : new String[] {n.category(), n.department(), n.stage().label(), n.doneLine(), n.nextLine()}) {
            assertThat(f).doesNotContain("\n").doesNotContain("\u001B").doesNotContain("\u0001")
                    .doesNotContain("\u202E").doesNotContain("\u2028");
        }
        assertThat(n.department()).isEqualTo("물류 팀 [31m");
        assertThat(TextChecks.escapeHtml("abc\u202Efdp.exe\u2066x\u2069")).isEqualTo("abcfdp.exex");
        assertThat(org.crisisdesk.handover.render.Escape.markdown("a\u202Eb\u001Bc")).isEqualTo("abc");
        // a ZWJ emoji and the marks stay
        assertThat(TextChecks.oneLine("👨\u200D👩 \u200F")).isEqualTo("👨\u200D👩 \u200F");
    }

    @Test
    void filesTheDeskWritesAreOwnerOnlyWhateverTheUmask() throws Exception {
        assumeThat(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path parent = TempDesk.newHome();
        Path home = parent.resolve("home");
        Path in = parent.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"1\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"t\"}\n");
        // a hand-written credentials file at 0644, as with umask 022
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path creds = home.resolve("twitter4j.properties");
        Files.writeString(creds, "oauth.consumerKey=k\n");
        Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(run(home, "import", in.toString()).exit()).isZero();
        assertThat(run(home, "backup").exit()).isZero();
        org.crisisdesk.source.twitter.TwitterProperties.load(home);
        assertThat(perms(home)).isEqualTo("rwx------");
        assertThat(perms(home.resolve("backups"))).isEqualTo("rwx------");
        assertThat(perms(creds)).isEqualTo("rw-------");
        try (Stream<Path> s = Files.list(home)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("crisisdesk.")).toList()) {
                assertThat(perms(p)).as(p.toString()).isEqualTo("rw-------");
            }
        }
        try (Stream<Path> s = Files.list(home.resolve("backups"))) {
            for (Path p : s.toList()) {
                assertThat(perms(p)).as(p.toString()).isEqualTo("rw-------");
            }
        }
        if (Files.exists(home.resolve("search-index"))) {
            assertThat(perms(home.resolve("search-index"))).isEqualTo("rwx------");
        }
        // LogFolder is what the CLI runs before the first logger (in this JVM logback is already set up)
        LogFolder.prepare(home.resolve("logs"));
        assertThat(perms(home.resolve("logs"))).isEqualTo("rwx------");
        assertThat(perms(home.resolve("logs").resolve("crisisdesk.log"))).isEqualTo("rw-------");
    }

    static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
