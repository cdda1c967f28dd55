package org.crisisdesk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.ReportWindow;
import org.crisisdesk.notice.CoverageSummary;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.triage.ColumnStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #26, "numbers that agree": the board column, the composer, the alerts and the handover report read the same
 * data, and each number has one definition (NoticeCountsStore, Promises). Every place is asked on the same desk and
 * compared with the others.
 */
class NumbersAgreeTest {
    final WatchDesk desk = new WatchDesk();

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void lastNoticeTimeAndNewSinceAreTheSameInTheColumnTheComposerTheAlertAndTheHandover() {
        long delivery = desk.category("배송 지연");
        desk.mentions(delivery, 40, Duration.ofMinutes(30));
        Instant posted = desk.clock.instant();
        desk.notice(delivery, null, posted.plus(Duration.ofMinutes(30)));
        desk.advanceMinutes(62);
        desk.mentions(delivery, 17, Duration.ofMinutes(20));
        desk.advanceMinutes(1); // the handover's window ends just before "now"; none of them is on the edge

        ColumnStats column = desk.services.triage().stats().of(delivery);
        CoverageSummary composer = desk.services.notices().store().summary(delivery);
        NoticeRef alert = new ActivityStore(desk.services.db()).lastPostedNotices().get(delivery);
        HandoverReport report = desk.services.handover().build(ReportWindow.of(WatchDesk.START,
                desk.clock.instant()));
        HandoverReport.Uncovered handover = report.open().uncovered().stream()
                .filter(u -> u.category().id() != null && u.category().id() == delivery).findFirst().orElseThrow();

        assertThat(column.lastNotice()).isEqualTo(posted);
        assertThat(composer.lastPostedAt()).isEqualTo(posted);
        assertThat(alert.postedAt()).isEqualTo(posted);
        assertThat(handover.lastNoticeAt()).isEqualTo(posted);

        assertThat(column.sinceNotice()).isEqualTo(17);
        assertThat(composer.newSince()).isEqualTo(17);
        assertThat(desk.services.notices().prefill(delivery).newSince()).isEqualTo(17);
        assertThat(handover.count()).isEqualTo(17);

        // the alert about the missed next update says the same minutes as the column ("62 min ago" both)
        desk.alerts().evaluate();
        Alert missed = desk.active().stream().filter(a -> a.reason() == Reason.ETA_MISSED).findFirst().orElseThrow();
        assertThat(missed.facts().getLong("late", -1)).isEqualTo(33);
        assertThat(composer.minutesSince(desk.clock.instant())).isEqualTo(63);
    }

    @Test
    void theUnsortedBacklogAlertSaysWhatTheUnsortedColumnHolds() {
        desk.mentions(null, 120, Duration.ofMinutes(10));
        desk.alerts().evaluate();
        Alert backlog = desk.active().stream().filter(a -> a.reason() == Reason.BACKLOG).findFirst().orElseThrow();
        assertThat(backlog.facts().getLong("count", -1)).isEqualTo(120);

        desk.advanceMinutes(1);
        desk.mentions(null, 60, Duration.ofMinutes(1)); // 180: more, but not the doubling (200) that escalates
        desk.alerts().evaluate();

        long column = desk.services.triage().stats().of(null).total();
        Alert now = desk.active().stream().filter(a -> a.reason() == Reason.BACKLOG).findFirst().orElseThrow();
        assertThat(column).isEqualTo(180);
        assertThat(now.facts().getLong("count", -1)).isEqualTo(column);
        assertThat(now.level()).isEqualTo(backlog.level());
        assertThat(desk.events().stream().filter(e -> e.alertId() == now.id()).count())
                .as("updating the numbers is not an event").isEqualTo(1);
    }

    @Test
    void theNoticeNumberPeopleSeeIsItsPlaceInItsCategoryNotTheDatabaseId() {
        long delivery = desk.category("배송 지연");
        long stock = desk.category("매장 재고");
        desk.mentions(delivery, 5, Duration.ofMinutes(5));
        desk.notice(stock);
        desk.notice(delivery);
        desk.advanceMinutes(10);
        desk.notice(stock);
        desk.notice(delivery, null, desk.clock.instant().plus(Duration.ofMinutes(20)));
        desk.advanceMinutes(45);

        desk.alerts().evaluate();
        Alert missed = desk.active().stream().filter(a -> a.reason() == Reason.ETA_MISSED
                && a.categoryId() == delivery).findFirst().orElseThrow();
        long id = missed.facts().getLong("notice", -1);
        assertThat(id).as("the database id").isEqualTo(4);
        assertThat(missed.facts().getLong("noticeNo", -1)).as("the second notice of 배송 지연").isEqualTo(2);
        AlertWords words = AlertWords.of(java.util.Locale.ENGLISH, at -> "x");
        assertThat(words.detail(missed.reason().name(), missed.level(), missed.facts(), desk.clock.instant()))
                .contains("notice #2").doesNotContain("#4");
    }

    @Test
    void aPromiseMissedBeforeALateNoticeIsStillAnOverduePromiseInTheHandover() {
        long delivery = desk.category("배송 지연");
        desk.mentions(delivery, 5, Duration.ofMinutes(5));
        Instant start = desk.clock.instant();
        desk.notice(delivery, null, start.plus(Duration.ofMinutes(30))); // "next update 30 min from now"
        desk.advanceMinutes(47);
        desk.notice(delivery); // late: 17 minutes after the promise

        HandoverReport report = desk.services.handover().build(ReportWindow.of(WatchDesk.START,
                desk.clock.instant()));
        List<HandoverReport.Promise> overdue = report.open().overdue();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).due()).isEqualTo(start.plus(Duration.ofMinutes(30)));
        assertThat(overdue.get(0).kind()).isEqualTo(HandoverReport.PromiseKind.NEXT_UPDATE);
        // the composer's notice timeline calls the same promise missed
        var timeline = desk.services.notices().timeline(delivery);
        assertThat(timeline.entries().get(0).nextUpdate()).isEqualTo(org.crisisdesk.notice.NoticeTimeline.Promise.MISSED);
        assertThat(desk.services.notices().store().forCategory(delivery)).allMatch(n -> n.state() == NoticeState.POSTED
                && n.notice().lang() == NoticeLang.KO);
    }
}
