package org.crisisdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crisisdesk.handover.ReportFixture.at;
import static org.crisisdesk.handover.ReportFixture.dayBefore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.crisisdesk.app.Services;
import org.crisisdesk.handover.HandoverReport.CategoryTotal;
import org.crisisdesk.handover.HandoverReport.EtaOutcome;
import org.crisisdesk.handover.HandoverReport.PostedNotice;
import org.crisisdesk.handover.HandoverReport.Promise;
import org.crisisdesk.handover.HandoverReport.PromiseKind;
import org.crisisdesk.handover.HandoverReport.Series;
import org.crisisdesk.handover.HandoverReport.Theme;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report over a prepared database: every figure is checked against rows the fixture wrote. */
class ReportModelTest {
    private static Services services;
    private static MutableClock clock;
    private static ReportFixture.Standard ids;
    private static HandoverReport report;

    @BeforeAll
    static void prepare() {
        clock = new MutableClock(at("09:30"));
        services = TempDesk.open(TempDesk.newHome(), clock);
        ids = ReportFixture.standard(services);
        report = services.handover().build();
    }

    @AfterAll
    static void close() {
        services.close();
    }

    @Test
    void defaultWindowIsTheDayShiftJustEnded() {
        assertThat(report.window().from()).isEqualTo(at("00:00"));
        assertThat(report.window().to()).isEqualTo(at("09:00"));
        assertThat(report.asOf()).isEqualTo(at("09:00"));
        assertThat(report.shift().id()).isEqualTo(ids.dayShift());
        assertThat(report.notes()).startsWith("배터리 가설 배제함");
        assertThat(report.shiftBefore().acknowledgedBy()).isEqualTo("김민지");
        assertThat(report.shiftBefore().acknowledgedAt()).isEqualTo(at("00:02"));
    }

    @Test
    void totalsPerCategoryAgainstThePreviousShiftOfEqualLength() {
        Map<Long, CategoryTotal> byId = report.totals().stream().filter(t -> !t.category().unsorted())
                .collect(Collectors.toMap(t -> t.category().id(), t -> t));
        assertThat(byId.get(ids.delivery())).extracting(CategoryTotal::count, CategoryTotal::previous)
                .containsExactly(12L, 5L);
        assertThat(byId.get(ids.billing())).extracting(CategoryTotal::count, CategoryTotal::previous)
                .containsExactly(3L, 6L);
        assertThat(byId.get(ids.billing()).changePercent()).isEqualTo(-50.0);
        assertThat(byId.get(ids.cc())).extracting(CategoryTotal::count, CategoryTotal::previous)
                .containsExactly(3L, 1L);
        assertThat(byId).doesNotContainKey(ids.login()); // quiet in both windows
        CategoryTotal unsorted = report.totals().get(report.totals().size() - 1);
        assertThat(unsorted.category().unsorted()).isTrue();
        assertThat(unsorted).extracting(CategoryTotal::count, CategoryTotal::previous).containsExactly(6L, 1L);
        assertThat(report.totalMentions()).isEqualTo(24);
        assertThat(report.previousTotalMentions()).isEqualTo(13);
    }

    @Test
    void aShiftIsComparedWithTheShiftBeforeItAndAHandWindowWithTheSameLengthBefore() {
        MutableClock c = new MutableClock(at("09:30"));
        try (Services s = TempDesk.open(TempDesk.newHome(), c)) {
            ReportFixture f = new ReportFixture(s);
            long topic = f.topic("배송 지연", "#E8590C");
            ShiftStore store = new ShiftStore(s.db());
            Shift day = store.record("Day <Kim>", at("00:00"), at("06:00"), null); // 6 hours
            Shift evening = store.record("Evening", at("06:00"), at("09:00"), null); // 3 hours
            f.mentions(2, at("01:00"), topic); // in the day shift, not in the 3 hours before the evening
            f.mentions(3, at("04:00"), topic);
            f.mentions(1, at("07:00"), topic);

            HandoverReport r = s.handover().build(s.shifts().windowOf(evening));
            assertThat(r.comparedWithShift()).isTrue();
            assertThat(r.comparedWith().shift().id()).isEqualTo(day.id());
            assertThat(r.totalMentions()).isEqualTo(1);
            assertThat(r.previousTotalMentions()).isEqualTo(5);
            var en = new org.crisisdesk.handover.render.ReportText(java.util.Locale.ENGLISH, java.time.ZoneOffset.UTC);
            assertThat(en.vsPrevious(r)).isEqualTo("−4 (−80%) vs previous shift");
            assertThat(en.previousColumn(r)).isEqualTo("Previous shift (Day <Kim>)");

            HandoverReport byHand = s.handover().build(ReportWindow.of(at("06:00"), at("09:00")));
            assertThat(byHand.comparedWithShift()).isFalse();
            assertThat(byHand.previousTotalMentions()).isEqualTo(3);
            assertThat(en.vsPrevious(byHand)).isEqualTo("−2 (−67%) vs the 3h before");
            assertThat(en.previousColumn(byHand)).isEqualTo("Previous 3h");

            // the first shift has none before it: the equal-length window, said so
            HandoverReport first = s.handover().build(s.shifts().windowOf(day));
            assertThat(first.comparedWithShift()).isFalse();
            assertThat(first.comparedWith().from()).isEqualTo(at("00:00").minus(Duration.ofHours(6)));
        }
    }

    @Test
    void volumeIsBucketedByHalfHourAndMatchesTheTotals() {
        assertThat(report.volume().bucket()).isEqualTo(Duration.ofMinutes(30));
        assertThat(report.volume().bucketStarts()).hasSize(18).startsWith(at("00:00")).endsWith(at("08:30"));
        Series delivery = report.volume().series().stream()
                .filter(s -> Long.valueOf(ids.delivery()).equals(s.category().id())).findFirst().orElseThrow();
        assertThat(delivery.counts()[0]).isEqualTo(4);
        assertThat(delivery.counts()[6]).isEqualTo(6);
        assertThat(delivery.counts()[14]).isEqualTo(2);
        assertThat(delivery.total()).isEqualTo(12);
        assertThat(report.volume().series()).extracting(s -> s.category().unsorted()).last().isEqualTo(true);
        assertThat(report.volume().series()).noneMatch(s -> Long.valueOf(ids.login()).equals(s.category().id()));
        long sum = report.volume().series().stream().mapToLong(Series::total).sum();
        assertThat(sum).isEqualTo(report.totalMentions());
        assertThat(report.volume().max()).isEqualTo(6);
    }

    @Test
    void noticesPostedWithTheirEtaOutcome() {
        List<PostedNotice> notices = report.notices();
        assertThat(notices).extracting(PostedNotice::postedAt)
                .containsExactly(at("01:00"), at("01:45"), at("02:00"), at("05:00"), at("06:00"));
        assertThat(notices).extracting(PostedNotice::outcome).containsExactly(
                EtaOutcome.REVISED,   // next delivery notice at 01:45, before the 02:00 ETA, moved it to 04:00
                EtaOutcome.MISSED,    // ETA 04:00, next notice only at 05:00
                EtaOutcome.MISSED,    // billing ETA 03:00, nothing posted before the window closed
                EtaOutcome.PENDING,   // ETA 12:00 still ahead at the end of the window
                EtaOutcome.KEPT);     // closing notice posted before its own ETA
        assertThat(notices.get(0).followUpAt()).isEqualTo(at("01:45"));
        assertThat(notices.get(0).revisedEta()).isEqualTo(at("04:00"));
        assertThat(notices.get(1).followUpAt()).isEqualTo(at("05:00"));
        assertThat(notices.get(1).revisedEta()).isNull();
        assertThat(notices.get(2).followUpAt()).isNull();
        assertThat(notices.get(0).department()).isEqualTo("물류팀");
        assertThat(notices.get(4).closing()).isTrue();
    }

    @Test
    void aNextNoticeInTimeKeepsTheEtaUnlessItPushesItLaterOrDropsIt() {
        MutableClock c = new MutableClock(at("09:30"));
        try (Services s = TempDesk.open(TempDesk.newHome(), c)) {
            ReportFixture f = new ReportFixture(s);
            long[] cat = new long[6];
            for (int i = 0; i < cat.length; i++) {
                cat[i] = f.topic("case " + i, "#1971C2");
            }
            // each category: a notice at 01:00 with ETA 03:00, then what came next
            java.util.function.BiConsumer<Long, java.time.Instant> first = (id, eta) ->
                    f.notice("POSTED", id, at("01:00"), eta, null, 1, 4, "first");
            first.accept(cat[0], at("03:00"));
            f.notice("POSTED", cat[0], at("02:00"), at("03:00"), null, 2, 4, "same ETA"); // KEPT
            first.accept(cat[1], at("03:00"));
            f.notice("POSTED", cat[1], at("02:00"), at("02:30"), null, 2, 4, "sooner"); // KEPT
            first.accept(cat[2], at("03:00"));
            f.notice("POSTED", cat[2], at("02:00"), at("06:00"), null, 2, 4, "later"); // REVISED
            first.accept(cat[3], at("03:00"));
            f.notice("POSTED", cat[3], at("02:00"), null, null, 2, 4, "no ETA any more"); // REVISED
            first.accept(cat[4], at("03:00"));
            f.notice("POSTED", cat[4], at("03:00"), at("06:00"), null, 4, 4, "closed, ETA later"); // KEPT
            first.accept(cat[5], at("03:00"));
            f.notice("POSTED", cat[5], at("03:01"), at("06:00"), null, 2, 4, "too late to revise"); // MISSED
            HandoverReport r = s.handover().build(ReportWindow.of(at("00:00"), at("09:00")));
            Map<String, EtaOutcome> firsts = new java.util.LinkedHashMap<>();
            for (PostedNotice n : r.notices()) {
                if (n.text().equals("first")) {
                    firsts.put(n.category().name(), n.outcome());
                }
            }
            assertThat(firsts).containsExactly(Map.entry("case 0", EtaOutcome.KEPT),
                    Map.entry("case 1", EtaOutcome.KEPT), Map.entry("case 2", EtaOutcome.REVISED),
                    Map.entry("case 3", EtaOutcome.REVISED), Map.entry("case 4", EtaOutcome.KEPT),
                    Map.entry("case 5", EtaOutcome.MISSED));
        }
    }

    @Test
    void promisesAndOpenItems() {
        assertThat(report.promised()).extracting(Promise::kind, Promise::due).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PromiseKind.NEXT_UPDATE, at("10:00")),
                org.assertj.core.groups.Tuple.tuple(PromiseKind.ETA, at("12:00")));
        HandoverReport.OpenItems open = report.open();
        // every promise whose time passed before the next notice came (issue #26: one definition, Promises), also
        // those a late notice followed; the billing ETA is still open
        assertThat(open.overdue()).extracting(p -> p.category().id(), Promise::kind, Promise::due).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ids.delivery(), PromiseKind.ETA, at("00:30")),
                org.assertj.core.groups.Tuple.tuple(ids.delivery(), PromiseKind.NEXT_UPDATE, at("01:30")),
                org.assertj.core.groups.Tuple.tuple(ids.billing(), PromiseKind.ETA, at("03:00")),
                org.assertj.core.groups.Tuple.tuple(ids.delivery(), PromiseKind.ETA, at("04:00")));
        assertThat(open.nextUpdateDue().due()).isEqualTo(at("10:00"));
        assertThat(open.uncovered()).extracting(u -> u.category().id(), HandoverReport.Uncovered::count,
                HandoverReport.Uncovered::oldest).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ids.billing(), 3L, at("04:00")),
                org.assertj.core.groups.Tuple.tuple(ids.delivery(), 2L, at("07:00")));
        // from the history: raised in the window (whatever became of them) and the one still open from before
        assertThat(open.alerts()).extracting(HandoverReport.ReportAlert::reason, HandoverReport.ReportAlert::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VOLUME", "OPEN"),
                        org.assertj.core.groups.Tuple.tuple("SPIKE", "RESOLVED"),
                        org.assertj.core.groups.Tuple.tuple("BACKLOG", "DISMISSED"),
                        org.assertj.core.groups.Tuple.tuple("VOLUME", "OPEN"),
                        org.assertj.core.groups.Tuple.tuple("CADENCE", "SNOOZED"));
        assertThat(open.alerts().get(0).raisedAt()).isEqualTo(dayBefore("23:00"));
        HandoverReport.ReportAlert cadence = open.alerts().get(4);
        assertThat(cadence.snoozedUntil()).isEqualTo(at("08:00")); // 06:10 + "110 min"
        assertThat(cadence.snoozeExpired(report.asOf())).isTrue();
        assertThat(cadence.steps()).singleElement().satisfies(s -> assertThat(s.event().actor()).isEqualTo("김민지 <i>"));
        assertThat(open.alerts().get(1).resolvedByNotice()).isNotNull();
        // as of 02:10 the spike was still open and the backlog alert not raised yet
        HandoverReport early = services.handover().build(ReportWindow.of(at("00:00"), at("02:10")));
        assertThat(early.open().alerts()).extracting(HandoverReport.ReportAlert::reason,
                HandoverReport.ReportAlert::state).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VOLUME", "OPEN"),
                        org.assertj.core.groups.Tuple.tuple("SPIKE", "OPEN"));
        assertThat(early.open().alerts().get(1).steps()).isEmpty();
        assertThat(open.unsorted().total()).isEqualTo(8);
        assertThat(open.unsorted().oldest()).isEqualTo(dayBefore("14:00"));
        assertThat(open.unsorted().inWindow()).isEqualTo(6);
    }

    @Test
    void customerCentreHandOffsExportedOrNot() {
        HandoverReport.HandOffs h = report.handOffs();
        assertThat(h.filedInWindow()).isEqualTo(3);
        assertThat(h.exportedOfWindow()).isEqualTo(1);
        assertThat(h.waiting()).isEqualTo(3);
        assertThat(h.more()).isZero();
        assertThat(h.items()).extracting(HandoverReport.HandOff::filedAt)
                .containsExactly(dayBefore("18:00"), at("02:00"), at("03:30"), at("06:30"));
        assertThat(h.items()).extracting(HandoverReport.HandOff::exported).containsExactly(false, true, false, false);
    }

    @Test
    void themesAmongUnsortedAreKoreanAware() {
        assertThat(report.themes().sampled()).isEqualTo(6);
        assertThat(report.themes().ofTotal()).isEqualTo(6);
        assertThat(report.themes().top()).startsWith(new Theme("인증", 5), new Theme("유심", 4), new Theme("문자", 2));
        assertThat(report.themes().top()).extracting(Theme::term)
                .noneMatch(t -> t.contains("skt") || t.contains("http") || t.contains("t.co") || t.equals("안"));
    }

    @Test
    void aWindowGivenByHandUsesTheShiftCoveringItsEnd() {
        HandoverReport r = services.handover().build(ReportWindow.of(at("04:00"), at("08:00")));
        assertThat(r.shift().id()).isEqualTo(ids.dayShift());
        assertThat(r.volume().bucket()).isEqualTo(Duration.ofMinutes(10));
        CategoryTotal delivery = r.totals().stream().filter(t -> Long.valueOf(ids.delivery()).equals(t.category().id()))
                .findFirst().orElseThrow();
        assertThat(delivery.count()).isEqualTo(2);          // 07:00
        assertThat(delivery.previous()).isEqualTo(10);      // 00:00-04:00: 1 + 3 + 6
        assertThat(r.notices()).extracting(PostedNotice::postedAt).containsExactly(at("05:00"), at("06:00"));
    }
}
