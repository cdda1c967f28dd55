package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.CategoryCountStore;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.testing.TempDesk;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The kept per-category counts (V80, {@link CategoryCountStore}) against a fresh {@code COUNT(*)} of the mentions
 * after every kind of writer: ingest (unsorted, auto-filed, imported), moves, accepted suggestions, undo, redo,
 * merge, archive, and several writers at once.
 */
class CategoryCountsTest {
    private static final Instant T0 = Instant.parse("2026-10-17T03:00:00Z");

    @Test
    void countsFollowIngestMovesUndoRedoAcceptMergeAndArchive() {
        try (Services s = TempDesk.open(TempDesk.newHome(), TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            long a = s.triage().create("테스트 가", "#D9480F").id();
            long b = s.triage().create("테스트 나", "#1971C2").id();
            long c = s.triage().create("테스트 다", "#2B8A3E").id();
            List<Filing> batch = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Mention m = TempDesk.mention("x", Integer.toString(1000 + i), "택배 " + i);
                batch.add(switch (i % 4) {
                    case 0 -> Filing.unsorted(m);
                    case 1 -> new Filing(m, a, "AUTO", a, 0.9, "rule");
                    case 2 -> new Filing(m, b, "IMPORT", null, null, null);
                    default -> new Filing(m, null, null, c, 0.4, "suggested");
                });
            }
            List<StoredMention> stored = s.mentions().ingest(batch, new Checkpoint("x:t", "1029"), "t");
            assertExact(s);
            // the same batch again stores nothing and counts nothing
            s.mentions().ingest(batch, new Checkpoint("x:t", "1029"), "t");
            assertExact(s);
            assertThat(s.mentions().countsByCategory()).containsEntry(null, 15L).containsEntry(a, 8L)
                    .containsEntry(b, 7L).doesNotContainKey(c);

            List<Long> unsorted = stored.stream().filter(StoredMention::unsorted).map(StoredMention::pk).toList();
            List<Long> inA = stored.stream().filter(m -> Long.valueOf(a).equals(m.categoryId()))
                    .map(StoredMention::pk).toList();
            s.triage().move(unsorted.subList(0, 5), c, "kim");
            assertExact(s);
            s.triage().move(List.of(inA.get(0), inA.get(1), unsorted.get(6)), null, "kim"); // back to Unsorted
            assertExact(s);
            s.triage().move(List.of(inA.get(2), unsorted.get(7), unsorted.get(8)), b, "lee");
            assertExact(s);
            s.triage().undo("lee");
            assertExact(s);
            s.triage().redo("lee");
            assertExact(s);
            s.triage().undo("kim");
            s.triage().undo("kim");
            assertExact(s);
            s.triage().redo("kim");
            assertExact(s);
            s.triage().accept(unsorted, "park"); // the ones suggested for c that are still Unsorted
            assertExact(s);
            s.triage().move(List.of(inA.get(3)), a, "kim"); // already there: no change
            assertExact(s);

            long movedAway = s.mentions().count(MentionFilter.category(a));
            assertThat(s.triage().merge(a, c, "kim")).isEqualTo((int) movedAway);
            assertExact(s);
            assertThat(s.mentions().countsByCategory()).doesNotContainKey(a);
            s.triage().undo("park");
            s.triage().archive(b);
            assertExact(s);
        }
    }

    @Test
    void concurrentIngestAndMovesKeepExactCounts() throws Exception {
        try (Services s = TempDesk.open(TempDesk.newHome(), Clock.systemUTC())) {
            List<Long> cats = new ArrayList<>();
            for (String name : List.of("동시 가", "동시 나", "동시 다")) {
                cats.add(s.triage().create(name, "#D9480F").id());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            ConcurrentLinkedQueue<Long> pks = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch firstBatch = new CountDownLatch(1); // movers start once there is something to move
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    go.await();
                    Random r = new Random(writer);
                    for (int round = 0; round < 25; round++) {
                        List<Filing> batch = new ArrayList<>();
                        for (int i = 0; i < 20; i++) {
                            Mention m = TempDesk.mention("w" + writer, Integer.toString(round * 100 + i), "t");
                            Long cat = r.nextInt(3) == 0 ? null : cats.get(r.nextInt(cats.size()));
                            batch.add(cat == null ? Filing.unsorted(m) : new Filing(m, cat, "AUTO", cat, 0.9, "r"));
                        }
                        s.mentions().ingest(batch, null, "w" + writer).forEach(m -> pks.add(m.pk()));
                        firstBatch.countDown();
                    }
                    return null;
                }));
            }
            for (int w = 0; w < 2; w++) {
                int mover = w;
                work.add(pool.submit(() -> {
                    go.await();
                    firstBatch.await();
                    Random r = new Random(100 + mover);
                    for (int round = 0; round < 40; round++) {
                        List<Long> some = new ArrayList<>(pks);
                        List<Long> pick = new ArrayList<>();
                        for (int i = 0; i < 3; i++) {
                            pick.add(some.get(r.nextInt(some.size())));
                        }
                        int what = r.nextInt(4);
                        if (what == 0) {
                            s.triage().undo("m" + mover);
                        } else {
                            Long to = what == 1 ? null : cats.get(r.nextInt(cats.size()));
                            s.triage().move(pick, to, "m" + mover);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(s.mentions().count(MentionFilter.ALL)).isEqualTo(1000);
            assertExact(s);
        }
    }

    @Test
    void migrationSeedsCountsFromExistingMentions() {
        Path home = TempDesk.newHome();
        String url = "jdbc:h2:file:" + home.resolve("old").toAbsolutePath();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("70").load()
                .migrate();
        try (var c = java.sql.DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO category (name, color, position, kind, "
                    + "created_at) VALUES (?, '#000000', ?, 'TOPIC', ?)")) {
                for (int i = 1; i <= 3; i++) {
                    st.setString(1, "c" + i);
                    st.setInt(2, i);
                    Jdbc.setInstant(st, 3, T0);
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO mention (source, platform_id, created_at, "
                    + "received_at, author, text, category_id) VALUES ('x', ?, ?, ?, 'a', 't', ?)")) {
                for (int i = 0; i < 50; i++) {
                    st.setString(1, Integer.toString(i));
                    Jdbc.setInstant(st, 2, T0);
                    Jdbc.setInstant(st, 3, T0);
                    Jdbc.setLong(st, 4, i % 5 == 0 ? null : (long) (i % 2 + 1)); // category 3 stays empty
                    st.executeUpdate();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        try (Database db = Database.open(url)) {
            assertThat(new CategoryCountStore(db).totals()).isEqualTo(freshCounts(db)).hasSize(3);
            long empty = db.inTransaction(c -> CategoryCountStore.total(c, 3L));
            assertThat(empty).isZero();
        }
    }

    private static void assertExact(Services s) {
        assertThat(s.mentions().countsByCategory()).isEqualTo(freshCounts(s.db()));
    }

    private static Map<Long, Long> freshCounts(Database db) {
        return db.inTransaction(c -> {
            Map<Long, Long> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT category_id, COUNT(*) FROM mention GROUP BY category_id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(Jdbc.getLong(rs, "category_id"), rs.getLong(2));
                }
            }
            return out;
        });
    }
}
