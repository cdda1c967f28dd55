package org.crisisdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** Live between desks (issue 21): what one desk commits reaches another desk's feed within a second. */
class ChangeFeedTest {

    @Test
    void aMoveAndACategoryEditOnOneDeskReachTheOtherWithinASecondAndNotTheDeskItself() throws Exception {
        Path home = TempDesk.newHome();
        try (Services a = TempDesk.open(home, Clock.systemUTC());
                Database b = Database.open(TempDesk.dbUrl(home));
                ChangeFeed feedB = ChangeFeed.start(b, Clock.systemUTC());
                ChangeFeed feedA = ChangeFeed.start(a.db(), Clock.systemUTC())) {
            a.pipeline("test").ingest(List.of(TempDesk.mention("x", "1", "환불 언제 되나요")),
                    new org.crisisdesk.mention.Checkpoint("x", "1"));
            long pk = a.mentions().page(MentionFilter.ALL, 1).get(0).pk();
            long target = a.categories().active().get(0).id();
            List<ChangeFeed.Change> seenByA = new CopyOnWriteArrayList<>();
            feedA.addListener(seenByA::addAll);
            CompletableFuture<ChangeFeed.Change> move = new CompletableFuture<>();
            CompletableFuture<ChangeFeed.Change> category = new CompletableFuture<>();
            feedB.addListener(changes -> changes.forEach(ch -> {
                if (ch.kind() == ChangeLog.Kind.MOVE) {
                    move.complete(ch);
                } else if (ch.kind() == ChangeLog.Kind.CATEGORY) {
                    category.complete(ch);
                }
            }));
            long t0 = System.nanoTime();
            a.triage().move(List.of(pk), target, "민지");
            ChangeFeed.Change moved = move.get(5, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(moved.entityId()).isEqualTo(pk);
            assertThat(moved.desk()).isEqualTo(a.db().deskId());
            assertThat(ms).as("move seen by the other desk after %d ms", ms).isLessThan(1000);

            a.triage().rename(target, "배송 문의 (새 이름)");
            assertThat(category.get(5, TimeUnit.SECONDS).entityId()).isEqualTo(target);
            // the desk that made a change is not told about it again: A, once it has seen B's note, saw only that
            b.inTransactionVoid(c -> ChangeLog.record(c, b, ChangeLog.Kind.NOTE, 1L));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seenByA.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10); // polling a condition
            }
            assertThat(seenByA).singleElement().satisfies(ch -> {
                assertThat(ch.kind()).isEqualTo(ChangeLog.Kind.NOTE);
                assertThat(ch.desk()).isEqualTo(b.deskId());
            });
        }
    }

    @Test
    void theLogIsPrunedAndADeskThatCannotReachTheDatabaseSaysSinceWhen() throws Exception {
        Path home = TempDesk.newHome();
        try (Database a = Database.open(TempDesk.dbUrl(home))) {
            Instant old = Instant.now().minus(ChangeFeed.KEEP).minusSeconds(60);
            a.inTransactionVoid(c -> {
                try (var st = c.prepareStatement("INSERT INTO change_log (kind, entity_id, desk, at) VALUES "
                        + "('MOVE', 1, 'x', ?)")) {
                    Jdbc.setInstant(st, 1, old);
                    st.executeUpdate();
                }
                ChangeLog.record(c, a, ChangeLog.Kind.NOTICE, 7L);
            });
            assertThat(ChangeFeed.prune(a, Instant.now().minus(ChangeFeed.KEEP))).isEqualTo(1);

            Database b = Database.open(TempDesk.dbUrl(home));
            CompletableFuture<Instant> since = new CompletableFuture<>();
            try (ChangeFeed feed = ChangeFeed.start(b, Clock.systemUTC())) {
                feed.addListener(new ChangeFeed.Listener() {
                    @Override
                    public void changes(List<ChangeFeed.Change> changes) {}

                    @Override
                    public void reachability(Instant s) {
                        if (s != null) {
                            since.complete(s);
                        }
                    }
                });
                b.close(); // the database goes away under the desk
                assertThat(since.get(10, TimeUnit.SECONDS)).isBetween(Instant.now().minus(Duration.ofSeconds(10)),
                        Instant.now());
                assertThat(feed.unreachableSince()).isNotNull();
            }
        }
    }

    @Test
    void aProcessThatOnlyStoresMentionsKeepsTheLogShortItselfWithOneRowPerBatch() {
        Path home = TempDesk.newHome();
        try (Database collector = Database.open(TempDesk.dbUrl(home))) {
            Instant old = Instant.now().minus(ChangeFeed.KEEP).minusSeconds(60);
            collector.inTransactionVoid(c -> {
                try (var st = c.prepareStatement("INSERT INTO change_log (kind, entity_id, desk, at) VALUES "
                        + "('MOVE', 1, 'x', ?)")) {
                    Jdbc.setInstant(st, 1, old);
                    st.executeUpdate();
                }
            });
            // a headless collect with no desk open: nobody reads the log, the storing process prunes it
            var stored = new org.crisisdesk.mention.MentionStore(collector, Clock.systemUTC()).ingest(List.of(
                    org.crisisdesk.mention.Filing.unsorted(TempDesk.mention("x", "9001", "환불 언제")),
                    org.crisisdesk.mention.Filing.unsorted(TempDesk.mention("x", "9002", "배송 언제"))), null, "AUTO");
            List<String> rows = collector.inTransaction(c -> {
                List<String> out = new java.util.ArrayList<>();
                try (var rs = c.createStatement().executeQuery(
                        "SELECT kind, entity_id, entity_to FROM change_log ORDER BY id")) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + " " + rs.getLong(2) + ".." + rs.getLong(3));
                    }
                }
                return out;
            });
            assertThat(rows).containsExactly("MENTIONS " + stored.get(0).pk() + ".." + stored.get(1).pk());
        }
    }
}
