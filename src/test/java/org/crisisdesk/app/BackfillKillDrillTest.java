package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The back-fill's kill drill: {@code crisisdesk collect} (v2) in a child JVM stores three mentions and stops; 1,250
 * arrive while none runs; the next run walks the newest 800 and back-fills the rest from recent search, whose rate
 * window lets only two pages through every three seconds, and is killed with SIGKILL right after it said it had
 * back-filled some and would continue; a third run finishes and is stopped with SIGTERM. Every mention is stored
 * exactly once, no 429. Child JVMs are slow, so tagged "drill": {@code mvn -B test -Dgroups=drill}.
 */
@Tag("drill")
class BackfillKillDrillTest {

    @Test
    void sigkillInTheMiddleOfABackFillAndRestartStoresEveryMentionExactlyOnce() throws Exception {
        Path home = TempDesk.newHome();
        TwitterProperties.save(home, XSettings.of(FakeXServer.CREDENTIALS));
        try (FakeXServer server = new FakeXServer(Clock.systemUTC())) {
            server.limit("search", 2, Duration.ofSeconds(3));
            server.burst(3, Instant.now().minusSeconds(60), "before");
            CollectKillDrillTest.Child first = CollectKillDrillTest.Child.start(home, server, ApiVersion.V2, 1);
            first.awaitLine(l -> l.contains("poll 1: +3 new"), Duration.ofSeconds(90));
            first.process.destroy();
            assertThat(first.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            List<FakeXServer.Post> storm = server.burst(1250, Instant.now(), "storm");
            CollectKillDrillTest.Child second = CollectKillDrillTest.Child.start(home, server, ApiVersion.V2, 2);
            second.awaitLine(l -> l.contains("back-filled") && l.contains("(continuing)"), Duration.ofSeconds(90));
            second.process.destroyForcibly(); // SIGKILL
            assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.process.exitValue()).isEqualTo(137);
            int afterKill = CollectCommandTest.storedTexts(home).size();
            assertThat(afterKill).as(String.join("\n", second.lines())).isLessThan(3 + 1250);

            CollectKillDrillTest.Child third = CollectKillDrillTest.Child.start(home, server, ApiVersion.V2, 3);
            third.awaitLine(l -> l.contains("back-filled") && !l.contains("(continuing)"), Duration.ofSeconds(120));
            third.process.destroy(); // SIGTERM
            assertThat(third.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(third.process.exitValue()).as(String.join("\n", third.lines())).isZero();

            Map<String, String> stored = CollectCommandTest.storedTexts(home); // fails on an id stored twice
            assertThat(stored).as(String.join("\n", third.lines())).hasSize(3 + 1250);
            for (FakeXServer.Post p : storm) {
                assertThat(stored.get(Long.toString(p.id()))).isEqualTo(p.text());
            }
            assertThat(server.tooManyRequests()).isZero();
        }
    }
}
