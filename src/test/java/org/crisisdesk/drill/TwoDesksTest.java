package org.crisisdesk.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.notice.FakeXServer;
import org.crisisdesk.source.IngestPipeline;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.HistoryEntry;
import org.crisisdesk.triage.MoveResult;
import org.junit.jupiter.api.Test;

/**
 * Two desks on one database file: this JVM and a {@link DeskWorker} in another process (H2's mixed mode,
 * AUTO_SERVER), storing the same burst and filing mentions at the same time. Each mention is stored once, every
 * move either desk reported is in the history, and the file opens cleanly afterwards.
 */
class TwoDesksTest {

    @Test
    void twoDesksStoreAndFileTheSameBurstSafely() throws Exception {
        Path home = TempDesk.newHome();
        int total = 600;
        Random random = new Random(3);
        List<long[]> mine = new ArrayList<>();
        try (FakeXServer x = new FakeXServer(Clock.systemUTC());
                Services s = Services.open(home, null, Clock.systemUTC())) {
            DeskProcess other = DeskProcess.start("work", home, x.baseUrl(), 11, total, home.resolve("other.out"));
            other.awaitLine("READY", Duration.ofSeconds(90));
            IngestPipeline pipeline = s.pipeline("desk-here");
            List<Category> boards = s.categories().active().stream().filter(c -> !c.customerCentre()).toList();
            Instant until = Instant.now().plusSeconds(4);
            int next = 0;
            while (Instant.now().isBefore(until) || next < total) {
                List<Mention> batch = new ArrayList<>();
                // the same mentions the other desk is storing, overlapping with it
                int from = Math.max(0, (int) s.mentions().count(MentionFilter.ALL) - 10);
                for (int k = from; k < Math.min(total, from + 30); k++) {
                    batch.add(DeskWorker.mention(k));
                }
                next = from + batch.size();
                pipeline.ingest(batch, null);
                List<StoredMention> unsorted = s.mentions().page(MentionFilter.category(null), 20);
                if (!unsorted.isEmpty()) {
                    StoredMention m = unsorted.get(random.nextInt(unsorted.size()));
                    Category to = boards.get(random.nextInt(boards.size()));
                    MoveResult r = s.triage().move(List.of(m.pk()), to.id(), "desk-here");
                    r.moved().forEach(mv -> mine.add(new long[] {mv.mention().pk(), to.id()}));
                }
                if (!other.process.isAlive()) {
                    throw new AssertionError("the other desk stopped:\n" + String.join("\n", other.lines()));
                }
            }
            other.kill();
            List<String> theirs = other.reported("MOVED");
            assertThat(String.join("\n", other.lines())).doesNotContain("Exception");

            Map<String, Integer> ids = new HashMap<>();
            s.mentions().forEach(MentionFilter.ALL, m -> ids.merge(m.platformId(), 1, Integer::sum));
            assertThat(ids).hasSize(total);
            assertThat(ids.values()).containsOnly(1);
            for (long[] mv : mine) {
                assertThat(s.triage().history(mv[0])).extracting(HistoryEntry::to).contains(mv[1]);
            }
            for (String line : theirs) {
                String[] f = line.split(" ");
                assertThat(s.triage().history(Long.parseLong(f[0]))).extracting(HistoryEntry::to)
                        .contains(Long.parseLong(f[1]));
            }
            System.out.printf("two desks: %d mentions stored once; %d moves here, %d in the other desk, all in "
                    + "the history%n", ids.size(), mine.size(), theirs.size());
        }
        try (Services again = Services.open(home, null, Clock.systemUTC())) {
            assertThat(again.mentions().count(MentionFilter.ALL)).isEqualTo(total);
            // the board counts both desks kept (each in its own transactions) equal a fresh count
            Map<Long, Long> fresh = new HashMap<>();
            again.mentions().forEach(MentionFilter.ALL, m -> fresh.merge(m.categoryId(), 1L, Long::sum));
            assertThat(again.mentions().countsByCategory()).isEqualTo(fresh);
        }
    }
}
