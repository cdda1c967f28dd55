package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.store.ChangeFeed;
import org.crisisdesk.store.ChangeLog;
import org.crisisdesk.store.Database;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No collisions (issue 22), two desks on one database: a composer opened on desk A is seen by desk B (woken by the
 * change feed), closing it or A dying clears it, and posting asks first after a recent notice or while someone
 * else writes.
 */
class WritingStoreTest {
    static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z");

    Path home;
    MutableClock clock;
    Services a;
    Database b;
    WritingStore writingB;
    Category delivery;

    @BeforeEach
    void open() {
        home = TempDesk.newHome();
        clock = new MutableClock(T0);
        a = TempDesk.open(home, clock);
        b = Database.open(TempDesk.dbUrl(home));
        writingB = new WritingStore(b, clock);
        delivery = a.categories().ensure("배송 지연");
    }

    @AfterEach
    void close() {
        b.close();
        a.close();
    }

    @Test
    void aComposerOpenedOnOneDeskReachesTheOtherWithinASecondAndClearsWhenItCloses() throws Exception {
        try (ChangeFeed feedB = ChangeFeed.start(b, Clock.systemUTC())) {
            CompletableFuture<ChangeFeed.Change> opened = new CompletableFuture<>();
            feedB.addListener(changes -> changes.stream().filter(ch -> ch.kind() == ChangeLog.Kind.WRITING)
                    .findFirst().ifPresent(opened::complete));
            long t0 = System.nanoTime();
            a.notices().writing().begin(delivery.id(), "민지");
            ChangeFeed.Change ch = opened.get(5, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(ms).as("seen after %d ms", ms).isLessThan(1000);
            assertThat(ch.entityId()).isEqualTo(delivery.id());
        }
        assertThat(writingB.others()).singleElement().satisfies(w -> {
            assertThat(w.person()).isEqualTo("민지");
            assertThat(w.categoryId()).isEqualTo(delivery.id());
        });
        assertThat(a.notices().writing().others()).as("a desk does not see itself").isEmpty();

        a.notices().writing().end();
        assertThat(writingB.others()).isEmpty();
    }

    @Test
    void aDeskThatStopsRenewingIsForgottenWithinFifteenSeconds() {
        a.notices().writing().begin(delivery.id(), "민지");
        clock.advance(Duration.ofSeconds(10));
        assertThat(a.notices().writing().heartbeat()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(writingB.others()).as("renewed 10 s ago").hasSize(1);

        clock.advance(WritingStore.TTL.plusSeconds(1)); // no more heartbeats: the desk died
        assertThat(writingB.others()).isEmpty();
    }

    @Test
    void postingAsksFirstAfterARecentNoticeOrWhileSomeoneElseWrites() {
        NoticeStore storeB = new NoticeStore(b, clock, clock);
        assertThat(writingB.collision(storeB, delivery.id(), clock.instant()).any()).isFalse();

        a.notices().writing().begin(delivery.id(), "민지");
        WritingStore.Collision c = writingB.collision(storeB, delivery.id(), clock.instant());
        assertThat(c.any()).isTrue();
        assertThat(c.writers()).extracting(WritingStore.Writing::person).containsExactly("민지");
        a.notices().writing().end();

        Notice facts = new Notice(delivery.id(), delivery.name(), clock.instant(), "물류팀", Stage.parse("1/4 접수"),
                null, clock.instant().plus(Duration.ofHours(1)), null, null, "https://example.com/n", NoticeLang.KO, 0,
                null);
        Composition comp = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false,
                ZoneId.of("Asia/Seoul"));
        StoredNotice n = a.notices().outbox().queue(comp.notice(), comp.parts(), "k1", null, "민지");
        clock.advance(Duration.ofMinutes(9));
        WritingStore.Collision recent = writingB.collision(storeB, delivery.id(), clock.instant());
        assertThat(recent.recent()).isNotNull();
        assertThat(recent.recent().id()).isEqualTo(n.id());
        assertThat(recent.recent().notice().text()).isEqualTo(comp.text());

        clock.advance(Duration.ofMinutes(2)); // 11 minutes: past the default window of 10
        assertThat(writingB.collision(storeB, delivery.id(), clock.instant()).any()).isFalse();
    }
}
