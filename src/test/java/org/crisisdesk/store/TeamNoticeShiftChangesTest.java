package org.crisisdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: two desks (two sessions, two homes) on one database. A notice's way through the outbox (queued, posting,
 * posted, failed) and a shift's start and end reach the other desk through the change log, exactly when committed;
 * a draft stays its writer's.
 */
class TeamNoticeShiftChangesTest {

    /** A second desk's home whose database is {@code home}'s. */
    static Path sharing(Path home) {
        Path other = TempDesk.newH2Home();
        DeskPrefs.load(other).put(DeskPrefs.DB_URL, TempDesk.dbUrl(home));
        return other;
    }

    private static Notice notice(String text) {
        return new Notice(null, "배송 지연", Instant.parse("2026-10-17T03:00:00Z"), "물류팀", null, null, null, null,
                null, null, NoticeLang.KO, 3, text);
    }

    private static boolean has(List<ChangeFeed.Change> seen, ChangeLog.Kind kind, long id, int times) {
        return seen.stream().filter(ch -> ch.kind() == kind && ch.entityId() != null && ch.entityId() == id).count()
                >= times;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(10); // polling a condition
        }
    }

    @Test
    void noticeStatesAndShiftsOfOneDeskReachTheOtherLive() throws Exception {
        Path homeA = TempDesk.newHome();
        Path homeB = sharing(homeA);
        try (Services a = TempDesk.open(homeA, Clock.systemUTC());
                Services b = TempDesk.open(homeB, Clock.systemUTC());
                ChangeFeed feedB = ChangeFeed.start(b.db(), Clock.systemUTC())) {
            assertThat(b.db().deskId()).isNotEqualTo(a.db().deskId());
            List<ChangeFeed.Change> seen = new CopyOnWriteArrayList<>();
            feedB.addListener(seen::addAll);

            var store = a.notices().store();
            StoredNotice draft = store.insert(notice("초안"), List.of("초안"), NoticeState.DRAFT, null, null);
            StoredNotice posted = store.insert(notice("배송이 늦어지고 있습니다"), List.of("배송이 늦어지고 있습니다"),
                    NoticeState.QUEUED, "k-posted", null);
            assertThat(store.claim(posted.id(), NoticeState.QUEUED)).isTrue();
            long t0 = System.nanoTime();
            store.markPosted(posted.id(), "1900000000000000001", "https://x.com/desk/status/1", "민지");
            await(() -> has(seen, ChangeLog.Kind.NOTICE, posted.id(), 3)); // queued, posting, posted
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(ms).as("posted seen by the other desk after %d ms", ms).isLessThan(1000);
            // what the other desk reads when told is the committed state
            assertThat(b.notices().store().find(posted.id()).orElseThrow().state()).isEqualTo(NoticeState.POSTED);

            StoredNotice failed = store.insert(notice("개통 오류 안내"), List.of("개통 오류 안내"), NoticeState.QUEUED,
                    "k-failed", null);
            store.claim(failed.id(), NoticeState.QUEUED);
            store.fail(failed.id(), StoredNotice.FailureKind.DUPLICATE, "403 duplicate");
            await(() -> has(seen, ChangeLog.Kind.NOTICE, failed.id(), 3));
            assertThat(b.notices().store().find(failed.id()).orElseThrow().state()).isEqualTo(NoticeState.FAILED);

            var started = a.shifts().start("민지", "", ZoneId.of("Asia/Seoul"));
            await(() -> has(seen, ChangeLog.Kind.SHIFT, started.id(), 1));
            assertThat(b.shifts().current().orElseThrow().manager()).isEqualTo("민지");
            a.shifts().endCurrent();
            await(() -> has(seen, ChangeLog.Kind.SHIFT, started.id(), 2));
            assertThat(b.shifts().current()).isEmpty();

            assertThat(seen).noneMatch(ch -> ch.kind() == ChangeLog.Kind.NOTICE && ch.entityId() == draft.id());
            assertThat(seen).allMatch(ch -> ch.desk().equals(a.db().deskId()));
        }
    }
}
