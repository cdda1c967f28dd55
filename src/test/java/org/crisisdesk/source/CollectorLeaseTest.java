package org.crisisdesk.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.store.Database;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** One collector per account on a shared database (issue 21): the lease, its expiry and a takeover. */
class CollectorLeaseTest {
    private static final String KEY = "x:v2:42";

    @Test
    void oneHolderAtATimeAndAnExpiredLeaseIsTakenOver() {
        MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
        Path home = TempDesk.newHome();
        try (Database a = Database.open(TempDesk.dbUrl(home)); Database b = Database.open(TempDesk.dbUrl(home))) {
            CollectorLeaseStore minji = new CollectorLeaseStore(a, clock, "pc1/1/a", "민지-PC");
            CollectorLeaseStore server = new CollectorLeaseStore(b, clock, "srv/2/b", "collect@srv");
            assertThat(minji.tryAcquire(KEY)).isEmpty();
            assertThat(server.tryAcquire(KEY)).hasValueSatisfying(h -> assertThat(h.label()).isEqualTo("민지-PC"));
            clock.advance(Duration.ofSeconds(15));
            assertThat(minji.renew(KEY)).isTrue();
            clock.advance(Duration.ofSeconds(15)); // renewed 15 s ago: still held
            assertThat(server.tryAcquire(KEY)).isPresent();
            clock.advance(CollectorLeaseStore.TTL); // not renewed for its whole term: the holder is gone
            assertThat(server.tryAcquire(KEY)).isEmpty();
            assertThat(minji.renew(KEY)).isFalse(); // the old holder learns it lost the lease
            assertThat(minji.tryAcquire(KEY)).hasValueSatisfying(h -> assertThat(h.label()).isEqualTo("collect@srv"));
            server.release(KEY); // a clean stop hands over at once
            assertThat(minji.tryAcquire(KEY)).isEmpty();
        }
    }

    @Test
    void aKilledCollectorIsReplacedFromTheStoredCheckpointWithNoGapAndNoDuplicate() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
        Path home = TempDesk.newHome();
        FakeAccount account = new FakeAccount(300);
        try (Services desk = TempDesk.open(home, clock); Database bDb = Database.open(TempDesk.dbUrl(home))) {
            Database aDb = Database.open(TempDesk.dbUrl(home));
            // A's lease times from a clock of its own that stays where the shared one is until A dies: a renewal A
            // had begun before its pool closed (Hikari aborts connections asynchronously) could otherwise read the
            // advanced clock below and extend a dead process's lease past B's wait
            MutableClock aClock = new MutableClock(clock.instant());
            Collector a = new Collector(account.source("a"), desk.pipeline("a"), desk.mentions(), clock)
                    .withLease(new CollectorLeaseStore(aDb, aClock, "pc1/1/a", "민지-PC"), Duration.ofMillis(50),
                            Duration.ofMillis(50));
            a.start();
            waitFor(() -> account.served("a") >= 100);
            Collector b = new Collector(account.source("b"), desk.pipeline("b"), desk.mentions(), clock)
                    .withLease(new CollectorLeaseStore(bDb, clock, "pc2/2/b", "지훈-PC"), Duration.ofMillis(50),
                            Duration.ofMillis(50));
            List<SourceStatus> bStates = new CopyOnWriteArrayList<>();
            b.addListener(new IngestListener() {
                @Override
                public void ingested(List<org.crisisdesk.mention.StoredMention> stored) {}

                @Override
                public void status(String name, SourceStatus status) {
                    bStates.add(status);
                }
            });
            b.start();
            waitFor(() -> bStates.stream().anyMatch(s -> s.state() == SourceStatus.State.STANDBY));
            assertThat(bStates).anySatisfy(s -> assertThat(s.detail()).isEqualTo("민지-PC"));
            assertThat(account.served("b")).isZero(); // standing by: never polls the account

            // A dies: its process stops polling and renewing at once (the account stops answering it, its
            // connections are gone); after the lease's term B takes over.
            account.kill("a");
            aDb.close();
            clock.advance(CollectorLeaseStore.TTL.plusSeconds(1));
            waitFor(() -> account.served("b") > 0);
            waitFor(() -> desk.mentions().count(MentionFilter.ALL) == 300);
            assertThat(account.firstPositionAsked("b")).isGreaterThan(0); // from A's stored checkpoint, not the start
            assertThat(desk.mentions().count(MentionFilter.ALL)).isEqualTo(300);
            b.stop(Duration.ofSeconds(5));
            a.stop(Duration.ofSeconds(5));
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.onSpinWait();
            Thread.sleep(10); // polling a condition; nothing here waits for a fixed time
        }
    }

    /** An account's mentions served in pages of 10 from a position (the checkpoint), as a poller sees them. */
    static final class FakeAccount {
        private final List<Mention> all = new ArrayList<>();
        private final java.util.Map<String, Integer> served = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<String, Integer> firstAsked = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Set<String> dead = java.util.concurrent.ConcurrentHashMap.newKeySet();

        FakeAccount(int n) {
            for (int i = 0; i < n; i++) {
                all.add(TempDesk.mention("x", Integer.toString(1000 + i), "멘션 " + i));
            }
        }

        int served(String who) {
            return served.getOrDefault(who, 0);
        }

        int firstPositionAsked(String who) {
            return firstAsked.getOrDefault(who, -1);
        }

        void kill(String who) {
            dead.add(who);
        }

        MentionSource source(String who) {
            return new MentionSource() {
                @Override
                public String key() {
                    return KEY;
                }

                @Override
                public String displayName() {
                    return "X v2 @desk";
                }

                @Override
                public void run(SourceContext ctx) throws InterruptedException {
                    while (!ctx.stopping()) {
                        if (dead.contains(who)) { // a killed process: blocks forever, never returns or renews
                            ctx.sleep(Duration.ofMillis(20));
                            continue;
                        }
                        int from = ctx.checkpoint().map(Integer::parseInt).orElse(0);
                        firstAsked.putIfAbsent(who, from);
                        int to = Math.min(all.size(), from + 10);
                        if (from < to) {
                            served.merge(who, to - from, Integer::sum);
                            ctx.deliver(all.subList(from, to), Integer.toString(to));
                        }
                        ctx.sleep(Duration.ofMillis(from < to ? 5 : 50));
                    }
                }
            };
        }
    }
}
