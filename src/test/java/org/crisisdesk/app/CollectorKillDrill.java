package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The drill for the collector: {@code crisisdesk collect} (API v2) in a child JVM, SIGKILLed twenty times
 * ({@code -Ddrill.kills=N}) at a random moment after it has polled, while a crisis arrives in bursts every four
 * seconds; then one last run, stopped with SIGTERM. Every mention stored exactly once with its text, no 429.
 */
@Tag("drill")
class CollectorKillDrill {
    private static final Pattern POLL = Pattern.compile("poll \\d+: \\+(\\d+) new");

    @Test
    void twentySigkillsOfTheCollectorLoseNothing() throws Exception {
        int kills = Integer.getInteger("drill.kills", 20);
        double[][] bursts = new double[kills + 1][];
        int total = 0;
        for (int i = 0; i <= kills; i++) {
            bursts[i] = new double[] {0.3 + 4 * i, i == 0 ? 400 : 100};
            total += (int) bursts[i][1];
        }
        Path home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(FakeXServer.CREDENTIALS));
        Random random = new Random(Long.getLong("drill.seed", 7));
        long started = System.nanoTime();
        try (FakeXServer server = CollectCommandTest.crisisServer(ApiVersion.V2, bursts)) {
            for (int kill = 0; kill < kills; kill++) {
                CollectKillDrillTest.Child child = CollectKillDrillTest.Child.start(home, server, ApiVersion.V2, kill);
                child.awaitLine(l -> POLL.matcher(l).find(), Duration.ofSeconds(90));
                Thread.sleep(random.nextInt(1500));
                child.process.destroyForcibly(); // SIGKILL
                assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.process.exitValue()).isEqualTo(137);
                System.out.printf("drill: collector kill %d/%d, %.1f s into the crisis (bursts until %.1f s)%n",
                        kill + 1, kills, Duration.between(server.firstPoll(), Instant.now()).toMillis() / 1000.0,
                        bursts[kills][0]);
            }
            CollectKillDrillTest.Child last = CollectKillDrillTest.Child.start(home, server, ApiVersion.V2, kills);
            Instant end = server.firstPoll().plus(Duration.ofMillis((long) (bursts[kills][0] * 1000) + 1000));
            last.awaitLine(l -> POLL.matcher(l).find() && Instant.now().isAfter(end.plusSeconds(3)),
                    Duration.ofSeconds(300));
            last.process.destroy(); // SIGTERM
            assertThat(last.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(last.process.exitValue()).as(String.join("\n", last.lines())).isZero();

            List<FakeXServer.Post> all = server.allMentions();
            assertThat(all).hasSize(total);
            Map<String, String> stored = CollectCommandTest.storedTexts(home); // fails on a mention stored twice
            assertThat(stored).hasSize(total);
            for (FakeXServer.Post p : all) {
                assertThat(stored.get(Long.toString(p.id()))).as("mention %s", p.id()).isEqualTo(p.text());
            }
            assertThat(server.tooManyRequests()).isZero();
            System.out.printf("drill: collector killed %d times (SIGKILL) in %d s; X had %d mentions, %d stored, "
                    + "each once with its full text; 429s: %d; last run stopped on SIGTERM with exit 0%n", kills,
                    (System.nanoTime() - started) / 1_000_000_000L, all.size(), stored.size(),
                    server.tooManyRequests());
        }
    }
}
