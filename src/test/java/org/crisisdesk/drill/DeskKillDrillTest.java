package org.crisisdesk.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.notice.FakeXServer;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.HistoryEntry;
import org.junit.jupiter.api.Test;

/**
 * The desk killed with SIGKILL at random moments while it stores a burst, files mentions and posts notices (a
 * {@link DeskWorker} in a child JVM, restarted each time), then settled by one last run: every mention stored exactly
 * once, every move and notice it reported done still there, no notice posted twice (the fake X counts what it
 * received), and the database opens as it is. Three kills here; {@link DeskKillDrill} does twenty under -Pdrill.
 */
class DeskKillDrillTest {

    @Test
    void killedThreeTimesMidBurstLosesAndRepeatsNothing() throws Exception {
        run(3, 400, 1);
    }

    /** The drill; prints what was tried and the counts. */
    static void run(int kills, int mentions, long seed) throws Exception {
        Path home = TempDesk.newHome();
        Random random = new Random(seed);
        List<String> moved = new ArrayList<>();
        List<String> posted = new ArrayList<>();
        List<String> queued = new ArrayList<>();
        long started = System.nanoTime();
        try (FakeXServer x = new FakeXServer(Clock.systemUTC())) {
            String base = x.baseUrl();
            for (int i = 0; i < kills; i++) {
                DeskProcess desk = DeskProcess.start("work", home, base, seed * 1000 + i, mentions,
                        home.resolve("desk-" + i + ".out"));
                desk.awaitLine("READY", Duration.ofSeconds(90));
                Thread.sleep(200 + random.nextInt(kills > 3 ? 2000 : 800)); // a random moment in the burst
                desk.kill();
                moved.addAll(desk.reported("MOVED"));
                posted.addAll(desk.reported("POSTED"));
                queued.addAll(desk.reported("QUEUED"));
                System.out.printf("drill: desk kill %d/%d after %d moves, %d notices queued, %d posted%n", i + 1,
                        kills, desk.reported("MOVED").size(), desk.reported("QUEUED").size(),
                        desk.reported("POSTED").size());
            }
            DeskProcess last = DeskProcess.start("settle", home, base, seed * 1000 + kills, mentions,
                    home.resolve("desk-settle.out"));
            assertThat(last.process.waitFor(120, TimeUnit.SECONDS)).as("settling run finished").isTrue();
            assertThat(last.process.exitValue()).as(String.join("\n", last.lines())).isZero();
            posted.addAll(last.reported("POSTED"));

            // the database opens as it is (Services.open throws with the file's path if it cannot)
            try (Services s = Services.open(home, null, Clock.systemUTC())) {
                Map<String, Integer> ids = new HashMap<>();
                s.mentions().forEach(MentionFilter.ALL, m -> ids.merge(m.platformId(), 1, Integer::sum));
                assertThat(ids).as("every mention exactly once").hasSize(mentions);
                assertThat(ids.values()).containsOnly(1);

                for (String line : moved) {
                    String[] f = line.split(" ");
                    long pk = Long.parseLong(f[0]);
                    long category = Long.parseLong(f[1]);
                    assertThat(s.triage().history(pk)).as("history of reported move %s", line)
                            .extracting(HistoryEntry::to).contains(category);
                }
                Set<Long> reportedPosted = new HashSet<>();
                posted.forEach(p -> reportedPosted.add(Long.parseLong(p)));
                for (String q : queued) {
                    StoredNotice n = s.notices().store().find(Long.parseLong(q)).orElseThrow(
                            () -> new AssertionError("queued notice #" + q + " is gone"));
                    assertThat(n.state()).as("notice #%s after settling", q).isEqualTo(NoticeState.POSTED);
                }
                List<StoredNotice> all = s.notices().store().recent(100_000);
                long postedRows = all.stream().filter(n -> n.state() == NoticeState.POSTED).count();
                assertThat(all).extracting(StoredNotice::id).containsAll(reportedPosted);
                Set<String> postIds = new HashSet<>();
                for (StoredNotice n : all) {
                    if (n.state() == NoticeState.POSTED) {
                        assertThat(postIds.add(n.platformId())).as("two notices on one post").isTrue();
                    }
                }
                List<FakeXServer.Post> posts = x.posts();
                assertThat(posts).as("posts received by X = notices posted").hasSize((int) postedRows);
                assertThat(posts).extracting(FakeXServer.Post::id).containsExactlyInAnyOrderElementsOf(postIds);
                System.out.printf("drill: desk killed %d times (SIGKILL) in %d s; after restart: %d/%d mentions, "
                        + "each once; %d reported moves all present; %d notices queued, %d posted, X received %d "
                        + "posts (%d post requests, duplicates refused: %d); database opened without repair%n",
                        kills, (System.nanoTime() - started) / 1_000_000_000L, ids.size(), mentions, moved.size(),
                        queued.size(), postedRows, posts.size(), x.postRequests(),
                        x.postRequests() - posts.size());
            }
        }
    }
}
