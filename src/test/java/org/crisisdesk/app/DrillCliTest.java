package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.notice.DrillPublisher;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.store.Database;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, item 1, on the command line: with the account's keys in the home, a replay goes into the drill database
 * (not the live one), and a notice posted on a drill database (by {@code --drill} or by naming it with {@code --db})
 * never reaches X.
 */
class DrillCliTest {
    record Run(int code, String out, String err) {}

    static Run run(Path home, String... args) {
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

    static String[] post(String... before) {
        List<String> l = new ArrayList<>(List.of(before));
        l.addAll(List.of("notice", "post"));
        l.addAll(List.of(FACTS));
        return l.toArray(String[]::new);
    }

    @Test
    void aReplayAndItsNoticesStayInTheDrillWhateverKeysTheHomeHolds() throws Exception {
        Path home = TempDesk.newHome();
        Path scenario = home.resolve("mini.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(String.format("{\"id\":\"%d\",\"created_at\":\"2026-10-17T09:00:%02d+09:00\",\"author\":\"u%d\","
                    + "\"text\":\"배송 언제 와요 %d\",\"release_s\":0}%n", 100 + i, i, i, i));
        }
        Files.writeString(scenario, sb.toString());
        try (FakeXServer x = new FakeXServer(Clock.systemUTC())) {
            TwitterProperties.save(home, x.settings(ApiVersion.V2));

            Run replay = run(home, "collect", "--source", "replay", "--replay", scenario.toString(), "--speed", "1000",
                    "--duration", "20");
            assertThat(replay.code()).as(replay.out() + replay.err()).isZero();
            assertThat(replay.out()).contains("drill database");
            try (Services drill = Services.openDrill(home, null, Clock.systemUTC())) {
                assertThat(drill.mentions().count(MentionFilter.ALL)).isEqualTo(12);
                drill.categories().ensure("배송 지연");
            }

            Run drillPost = run(home, post("--drill"));
            assertThat(drillPost.code()).as(drillPost.out() + drillPost.err()).isZero();
            assertThat(drillPost.out()).contains("state=POSTED").contains("url=" + DrillPublisher.URL_PREFIX);

            // naming the drill database with --db (no --drill): the database itself says it is a drill
            String drillUrl = Database.fileUrl(Services.drillHome(home));
            String[] other = post("--db", drillUrl);
            other[java.util.Arrays.asList(other).indexOf("물류팀")] = "물류2팀"; // another notice, not the same one again
            Run byDb = run(home, other);
            assertThat(byDb.code()).as(byDb.out() + byDb.err()).isZero();
            assertThat(byDb.out()).contains("url=" + DrillPublisher.URL_PREFIX);

            assertThat(x.ownPosts()).as("nothing reached the account").isEmpty();
            assertThat(x.requestCount("POST /2/tweets")).isZero();
            assertThat(Files.readString(Services.drillHome(home).resolve(DrillPublisher.FILE_NAME)))
                    .contains("물류팀").contains("물류2팀");
        }
        try (Services live = Services.open(home, null, Clock.systemUTC())) {
            assertThat(live.drill()).isFalse();
            assertThat(live.mentions().count(MentionFilter.ALL)).as("no replayed mention in the live database").isZero();
            assertThat(live.notices().store().recent(10)).isEmpty();
        }
    }

    @Test
    void aReplayIsRefusedIntoADatabaseTheLiveDeskHasUsed() throws Exception {
        Path home = TempDesk.newHome();
        try (Services live = Services.open(home, null, Clock.systemUTC())) {
            live.pipeline("x").ingest(List.of(TempDesk.mention("x", "4242", "@desk 배송 문의")), null);
        }
        Run r = run(home, "--db", Database.fileUrl(home), "collect", "--source", "replay", "--duration", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Not a drill database");
        try (Services live = Services.open(home, null, Clock.systemUTC())) {
            assertThat(live.drill()).isFalse();
            assertThat(live.mentions().count(MentionFilter.ALL)).isEqualTo(1);
        }
    }

    static String[] with(String[] base, String... more) {
        List<String> l = new ArrayList<>(List.of(base));
        l.addAll(List.of(more));
        return l.toArray(String[]::new);
    }
}
