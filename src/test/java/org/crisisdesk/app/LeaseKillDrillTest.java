package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.source.CollectorLeaseStore;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.TwitterProperties;
import org.crisisdesk.source.twitter.XSettings;
import org.crisisdesk.testing.OnPostgres;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's collector failover: two {@code crisisdesk collect} processes (child JVMs, two computers' homes) on one
 * PostgreSQL team database and one X account. The lease holder collects, the other stands by; the holder is
 * SIGKILLed in the middle of the bursts, and the standby takes over within the lease time, from the stored
 * checkpoint: every one of the 1,300 mentions stored exactly once, no 429. Slow (child JVMs, a minute of bursts), so
 * tagged "drill": {@code mvn -B test -Pdrill -Dtest=LeaseKillDrillTest}.
 */
@Tag("drill")
@OnPostgres
class LeaseKillDrillTest {
    private static final Pattern POLL = Pattern.compile("poll \\d+: \\+(\\d+) new");

    private static Path home(String url) throws Exception {
        Path home = TempDesk.newH2Home();
        DeskPrefs.load(home).put(DeskPrefs.DB_URL, url);
        TwitterProperties.save(home, XSettings.of(FakeXServer.CREDENTIALS));
        return home;
    }

    @Test
    void theStandbyTakesOverFromAKilledHolderWithinTheLeaseTimeAndNothingIsLostOrStoredTwice() throws Exception {
        String url = TestPostgres.createMigrated();
        Path homeA = home(url);
        Path homeB = home(url);
        ApiVersion api = ApiVersion.V2;
        try (FakeXServer server = CollectCommandTest.crisisServer(api, CollectKillDrillTest.BURSTS)) {
            List<String> transcript = new ArrayList<>();
            CollectKillDrillTest.Child a = CollectKillDrillTest.Child.start(homeA, server, api, 1,
                    java.util.Map.of("HOSTNAME", "desk-a")); // two computers: B cannot tell A's process died
            a.awaitLine(l -> {
                Matcher m = POLL.matcher(l);
                return m.find() && Integer.parseInt(m.group(1)) > 0;
            }, Duration.ofSeconds(90));
            CollectKillDrillTest.Child b = CollectKillDrillTest.Child.start(homeB, server, api, 2,
                    java.util.Map.of("HOSTNAME", "desk-b"));
            // B is up (its first status line) and stands by while A holds the lease: it never polls X
            Instant upBy = Instant.now().plusSeconds(90);
            while (b.lines().stream().noneMatch(l -> l.contains("STANDBY"))) { // its last line while it waits
                assertThat(Instant.now()).as("B standing by:\n" + String.join("\n", b.lines())).isBefore(upBy);
                Thread.sleep(50); // polling a condition
            }
            assertThat(b.lines()).noneMatch(l -> POLL.matcher(l).find());

            a.awaitLine(l -> {
                Matcher m = POLL.matcher(l);
                return m.find() && Integer.parseInt(m.group(1)) > 0;
            }, Duration.ofSeconds(60));
            a.process.destroyForcibly(); // SIGKILL mid-burst: the lease is left to run out
            Instant killed = Instant.now();
            assertThat(a.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(a.process.exitValue()).isEqualTo(137);
            transcript.addAll(a.lines());

            b.awaitLine(l -> POLL.matcher(l).find(), Duration.ofSeconds(60));
            Duration takeover = Duration.between(killed, Instant.now());
            System.out.println("LeaseKillDrillTest: the standby polled X " + takeover.toMillis()
                    + " ms after the holder was killed (lease " + CollectorLeaseStore.TTL.toSeconds() + " s)");
            // the lease runs out at most TTL after A's last renewal, and B asks every 5 s: within 25 s (30 with
            // a JVM's pauses on a loaded machine)
            assertThat(takeover).as("takeover after the kill").isLessThanOrEqualTo(Duration.ofSeconds(30));

            Instant end = server.firstPoll().plus(Duration.ofSeconds(61));
            b.awaitLine(l -> POLL.matcher(l).find() && Instant.now().isAfter(end.plusSeconds(3)),
                    Duration.ofSeconds(180));
            b.process.destroy(); // SIGTERM: gives the lease up
            assertThat(b.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            transcript.addAll(b.lines());
            assertThat(b.process.exitValue()).as(String.join("\n", transcript)).isZero();
            CollectCommandTest.assertEveryMentionExactlyOnce(server, homeB);
        }
    }
}
