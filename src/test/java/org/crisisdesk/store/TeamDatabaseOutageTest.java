package org.crisisdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.testing.CuttableTcpProxy;
import org.crisisdesk.testing.OnPostgres;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a desk whose team database goes away while it runs (the network cut between them) refuses what it cannot
 * store with a clear message, stores nothing half, and works again once the database is back.
 */
@OnPostgres
class TeamDatabaseOutageTest {

    @Test
    void aMoveWhileTheDatabaseIsAwayIsRefusedWholeAndTheNextOneAfterItIsBackIsStored() throws Exception {
        String direct = TestPostgres.createMigrated();
        int pgPort = java.net.URI.create(direct.substring("jdbc:".length())).getPort();
        try (CuttableTcpProxy proxy = new CuttableTcpProxy(pgPort < 0 ? 5432 : pgPort);
                Database truth = Database.open(direct)) {
            String viaProxy = direct.replaceFirst(":\\d+/", ":" + proxy.port() + "/");
            try (Services desk = Services.open(TempDesk.newH2Home(), viaProxy, Clock.systemUTC())) {
                desk.pipeline("test").ingest(List.of(TempDesk.mention("x", "1", "환불 언제 되나요")),
                        new Checkpoint("x", "1"));
                long pk = desk.mentions().page(MentionFilter.ALL, 1).get(0).pk();
                long first = desk.categories().active().get(0).id();
                long second = desk.categories().active().get(1).id();
                desk.triage().move(List.of(pk), first, "민지");

                String history = "SELECT COUNT(*) FROM assignment WHERE mention_pk = " + pk;
                long historyBefore = count(truth, history);
                long changesBefore = count(truth, "SELECT COUNT(*) FROM change_log");
                proxy.cut();
                long t0 = System.nanoTime();
                assertThatThrownBy(() -> desk.triage().move(List.of(pk), second, "민지"))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("on 127.0.0.1:" + proxy.port() + " cannot be reached")
                        .hasMessageContaining("nothing was read or stored");
                assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).as("refused within seconds")
                        .isLessThan(15);
                // nothing half-applied: the mention, its history and the change log are as before the refused move
                assertThat(new org.crisisdesk.mention.MentionStore(truth, Clock.systemUTC()).find(pk).orElseThrow()
                        .categoryId()).isEqualTo(first);
                assertThat(count(truth, history)).isEqualTo(historyBefore);
                assertThat(count(truth, "SELECT COUNT(*) FROM change_log")).isEqualTo(changesBefore);

                proxy.restore();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (true) { // the pool drops the broken connections and makes new ones
                    try {
                        desk.triage().move(List.of(pk), second, "민지");
                        break;
                    } catch (StoreException e) {
                        assertThat(System.nanoTime()).as("reconnected within 20 s: " + e.getMessage())
                                .isLessThan(deadline);
                    }
                }
                assertThat(new org.crisisdesk.mention.MentionStore(truth, Clock.systemUTC()).find(pk).orElseThrow()
                        .categoryId()).isEqualTo(second);
            }
        }
    }

    private static long count(Database db, String sql) {
        return db.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
