package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, "no collisions": two desks (two {@link Services}, each with its own connections) on one database, an H2
 * file here and PostgreSQL in {@link SimultaneousMovesPgTest}. A move made on a stale view is refused for the mentions
 * someone else moved since and told who, where and when; the rest of the gesture applies; undo takes back only the
 * person's own moves and refuses one that was moved on.
 */
class SimultaneousMovesTest {
    private static final Instant T0 = Instant.parse("2026-10-17T03:00:00Z");

    private final MutableClock clockA = new MutableClock(T0);
    private final MutableClock clockB = new MutableClock(T0);
    private Services a;
    private Services b;
    private long delivery;
    private long activation;

    @BeforeEach
    void open() {
        Path homeA = TempDesk.newHome();
        a = TempDesk.open(homeA, clockA);
        Path homeB = TempDesk.newH2Home();
        DeskPrefs.load(homeB).put(DeskPrefs.DB_URL, TempDesk.dbUrl(homeA));
        b = TempDesk.open(homeB, clockB);
        delivery = a.categories().byName("배송 지연").orElseThrow().id();
        activation = a.categories().byName("개통 오류").orElseThrow().id();
    }

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private List<Long> ingest(int n) {
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(Filing.unsorted(TempDesk.mention("x", String.valueOf(5001 + i), "택배 문의 " + i)));
        }
        return a.mentions().ingest(batch, null, "replay").stream().map(StoredMention::pk).toList();
    }

    private static Map<Long, Long> seenIn(Long category, List<Long> pks) {
        Map<Long, Long> seen = new HashMap<>();
        pks.forEach(pk -> seen.put(pk, category));
        return seen;
    }

    private Long categoryOf(long pk) {
        return b.mentions().find(pk).orElseThrow().categoryId();
    }

    @Test
    void theSecondMoveOfAStaleViewIsToldWhoMovedItWhereAndWhen() {
        long pk = ingest(1).get(0);
        clockA.advance(Duration.ofSeconds(10));
        a.triage().move(List.of(pk), seenIn(null, List.of(pk)), activation, "민지");
        clockB.advance(Duration.ofSeconds(12)); // B still shows the card in Unsorted

        MoveResult r = b.triage().move(List.of(pk), seenIn(null, List.of(pk)), delivery, "준호");

        assertThat(r.isEmpty()).isTrue();
        assertThat(r.group()).as("no undo unit for a gesture that changed nothing").isNull();
        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.mention().pk()).isEqualTo(pk);
            assertThat(c.mention().categoryId()).isEqualTo(activation);
            assertThat(c.seen()).isNull();
            assertThat(c.nowName()).isEqualTo("개통 오류");
            assertThat(c.by()).isEqualTo("민지");
            assertThat(c.at()).isEqualTo(T0.plusSeconds(10));
        });
        assertThat(categoryOf(pk)).as("the card stays where 민지 put it").isEqualTo(activation);
        assertThat(b.triage().history(pk)).extracting(HistoryEntry::actor).containsExactly("민지");
        assertThat(b.triage().undoState("준호").canUndo()).isFalse();
    }

    @Test
    void aBulkMoveAppliesTheRestAndReportsTheConflictingOnes() {
        List<Long> pks = ingest(4);
        a.triage().move(List.of(pks.get(1), pks.get(3)), seenIn(null, List.of(pks.get(1), pks.get(3))), activation,
                "민지");

        MoveResult r = b.triage().move(pks, seenIn(null, pks), delivery, "준호");

        assertThat(r.moved()).extracting(m -> m.mention().pk()).containsExactly(pks.get(0), pks.get(2));
        assertThat(r.conflicts()).extracting(c -> c.mention().pk()).containsExactly(pks.get(1), pks.get(3));
        assertThat(r.conflicts()).allSatisfy(c -> assertThat(c.by()).isEqualTo("민지"));
        assertThat(pks).extracting(this::categoryOf).containsExactly(delivery, activation, delivery, activation);
        // 준호's undo takes back his two and leaves 민지's alone
        MoveResult undone = b.triage().undo("준호");
        assertThat(undone.moved()).extracting(m -> m.mention().pk()).containsExactly(pks.get(0), pks.get(2));
        assertThat(undone.conflicts()).isEmpty();
        assertThat(pks).extracting(this::categoryOf).containsExactly(null, activation, null, activation);
    }

    @Test
    void undoingAMoveSomeoneElseMovedAgainIsRefusedAndTold() {
        List<Long> pks = ingest(2);
        b.triage().move(pks, seenIn(null, pks), delivery, "준호");
        clockA.advance(Duration.ofSeconds(30));
        a.triage().move(List.of(pks.get(0)), seenIn(delivery, List.of(pks.get(0))), activation, "민지");

        MoveResult undone = b.triage().undo("준호");

        assertThat(undone.moved()).extracting(m -> m.mention().pk()).containsExactly(pks.get(1));
        assertThat(undone.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.mention().pk()).isEqualTo(pks.get(0));
            assertThat(c.seen()).as("where 준호's move had put it").isEqualTo(delivery);
            assertThat(c.nowName()).isEqualTo("개통 오류");
            assertThat(c.by()).isEqualTo("민지");
            assertThat(c.at()).isEqualTo(T0.plusSeconds(30));
        });
        assertThat(categoryOf(pks.get(0))).isEqualTo(activation);
        assertThat(categoryOf(pks.get(1))).isNull();
        // 민지's move is hers to undo, not 준호's
        assertThat(b.triage().undo("준호").group()).isNull();
        assertThat(a.triage().undoState("민지").canUndo()).isTrue();
    }

    @Test
    void aGestureWhollyMovedOnByOthersIsDroppedSoOlderOnesCanStillBeUndone() {
        List<Long> pks = ingest(2);
        b.triage().move(List.of(pks.get(0)), seenIn(null, List.of(pks.get(0))), delivery, "준호");
        b.triage().move(List.of(pks.get(1)), seenIn(null, List.of(pks.get(1))), delivery, "준호");
        a.triage().move(List.of(pks.get(1)), seenIn(delivery, List.of(pks.get(1))), activation, "민지");

        MoveResult refused = b.triage().undo("준호");
        assertThat(refused.isEmpty()).isTrue();
        assertThat(refused.conflicts()).extracting(c -> c.mention().pk()).containsExactly(pks.get(1));
        assertThat(b.triage().undoState("준호")).as("nothing to redo: it could not be undone")
                .isEqualTo(new UndoState(1, 0));

        MoveResult older = b.triage().undo("준호");
        assertThat(older.moved()).extracting(m -> m.mention().pk()).containsExactly(pks.get(0));
        assertThat(categoryOf(pks.get(0))).isNull();
        assertThat(categoryOf(pks.get(1))).isEqualTo(activation);
    }

    @Test
    void twoDesksMovingTheSameMentionAtTheSameMomentFileItOnceAndTellTheOther() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                long pk = ingestOne(round);
                CountDownLatch go = new CountDownLatch(1);
                Future<MoveResult> fromA = pool.submit(() -> {
                    go.await();
                    return a.triage().move(List.of(pk), seenIn(null, List.of(pk)), activation, "민지");
                });
                Future<MoveResult> fromB = pool.submit(() -> {
                    go.await();
                    return b.triage().move(List.of(pk), seenIn(null, List.of(pk)), delivery, "준호");
                });
                go.countDown();
                MoveResult ra = fromA.get(30, TimeUnit.SECONDS);
                MoveResult rb = fromB.get(30, TimeUnit.SECONDS);

                assertThat(ra.moved().size() + rb.moved().size()).as("round %d: exactly one move applies", round)
                        .isEqualTo(1);
                MoveResult won = ra.isEmpty() ? rb : ra;
                MoveResult lost = ra.isEmpty() ? ra : rb;
                String winner = ra.isEmpty() ? "준호" : "민지";
                assertThat(lost.conflicts()).singleElement().satisfies(c -> assertThat(c.by()).isEqualTo(winner));
                assertThat(categoryOf(pk)).isEqualTo(won.moved().get(0).mention().categoryId());
                assertThat(b.triage().history(pk)).as("one history row: nothing was overwritten").hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long ingestOne(int round) {
        return a.mentions().ingest(List.of(Filing.unsorted(TempDesk.mention("x", String.valueOf(7001 + round),
                "동시 이동 " + round))), null, "replay").get(0).pk();
    }
}
