package org.crisisdesk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What happens to an alert after it is raised: snooze, dismiss, clearing, notices, restarts. No storms. */
class AlertLifecycleTest {
    private final WatchDesk desk = new WatchDesk();
    private final long delivery = desk.category("배송 지연");

    @AfterEach
    void close() {
        desk.close();
    }

    private Alert raiseVolume() {
        desk.mentions(delivery, 30, Duration.ofMinutes(10));
        List<AlertChange> changes = desk.alerts().evaluate().changes();
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(EventKind.RAISED));
        return changes.get(0).alert();
    }

    @Test
    void repeatedEvaluationNeverDuplicatesAnAlert() {
        raiseVolume();
        for (int i = 0; i < 20; i++) {
            desk.advance(Duration.ofSeconds(2));
            assertThat(desk.alerts().evaluate().changes()).isEmpty();
        }
        assertThat(desk.all()).hasSize(1);
        assertThat(desk.events()).hasSize(1);
    }

    @Test
    void aValueHoveringAtTheThresholdDoesNotFlap() {
        // 30 in the window, then one drops out, then a new one arrives, again and again
        desk.mentions(delivery, 30, Duration.ofSeconds(29 * 30)); // one every 30 s
        desk.alerts().evaluate();
        for (int i = 0; i < 6; i++) {
            desk.advance(Duration.ofSeconds(30)); // the oldest falls out: 29
            desk.alerts().evaluate();
            desk.mentions(delivery, 1, Duration.ZERO); // back to 30
            desk.alerts().evaluate();
        }
        assertThat(desk.all()).hasSize(1);
        assertThat(desk.events()).extracting(AlertEvent::kind).containsExactly(EventKind.RAISED);
        assertThat(desk.active()).singleElement().satisfies(a -> assertThat(a.quietSince()).isNull());
    }

    @Test
    void aConditionThatStaysAwayClearsTheAlertAndAReturnIsANewAlert() {
        Alert first = raiseVolume();
        desk.advanceMinutes(16);
        assertThat(desk.alerts().evaluate().changes()).isEmpty(); // quiet hold starts: the volume window, 15 min
        desk.advanceMinutes(14);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        desk.advanceMinutes(1);
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.CLEARED);
            assertThat(c.alert().state()).isEqualTo(AlertState.RESOLVED);
            assertThat(c.alert().resolvedByNotice()).isNull();
            assertThat(c.alert().clearedAt()).isEqualTo(desk.clock.instant());
        });

        desk.mentions(delivery, 30, Duration.ofMinutes(10));
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.RAISED);
            assertThat(c.alert().id()).isNotEqualTo(first.id());
        });
    }

    @Test
    void aBurstThatDipsUnderItsThresholdForLessThanItsWindowStaysOneAlert() {
        Alert a = raiseVolume(); // 30 over the last 10 minutes
        desk.advanceMinutes(6); // the oldest have left the 15-minute window
        assertThat(desk.alerts().evaluate().changes()).isEmpty(); // quiet hold starts
        desk.advanceMinutes(12); // longer than clear.after (10), shorter than the window (15)
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        desk.mentions(delivery, 30, Duration.ofMinutes(2)); // the same burst picks up again
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        assertThat(desk.active()).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo(a.id());
            assertThat(x.quietSince()).isNull();
        });
        assertThat(desk.events()).extracting(AlertEvent::kind).containsExactly(EventKind.RAISED);
    }

    @Test
    void snoozeSilencesUntilItsTimeEvenThroughAnEscalationThenReopensOnce() {
        Alert a = raiseVolume();
        AlertTick snoozed = desk.alerts().snooze(a.id(), Duration.ofMinutes(15), "minji");
        assertThat(snoozed.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.SNOOZED);
            assertThat(c.notifies()).isFalse();
            assertThat(c.alert().state()).isEqualTo(AlertState.SNOOZED);
            assertThat(c.alert().snoozedUntil()).isEqualTo(desk.clock.instant().plus(Duration.ofMinutes(15)));
        });

        desk.advanceMinutes(5);
        desk.mentions(delivery, 65, Duration.ofMinutes(4)); // 60+ within 15 min: would escalate
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        desk.advanceMinutes(9);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();

        desk.advanceMinutes(1);
        AlertTick back = desk.alerts().evaluate();
        assertThat(back.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.REOPENED);
            assertThat(c.notifies()).isTrue();
            assertThat(c.alert().state()).isEqualTo(AlertState.OPEN);
            assertThat(c.alert().level()).isEqualTo(2);
            assertThat(c.alert().snoozedUntil()).isNull();
            assertThat(c.alert().id()).isEqualTo(a.id());
        });
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        assertThat(desk.events()).extracting(AlertEvent::kind, AlertEvent::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventKind.RAISED, AlertService.WATCH),
                org.assertj.core.groups.Tuple.tuple(EventKind.SNOOZED, "minji"),
                org.assertj.core.groups.Tuple.tuple(EventKind.REOPENED, AlertService.WATCH));
    }

    @Test
    void aSnoozeThatEndsAfterTheConditionClearedStaysQuiet() {
        Alert a = raiseVolume();
        desk.alerts().snooze(a.id(), Duration.ofMinutes(30), "minji");
        desk.advanceMinutes(16);
        desk.alerts().evaluate();
        desk.advanceMinutes(15);
        assertThat(desk.alerts().evaluate().changes()).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(EventKind.CLEARED));
        desk.advanceMinutes(10);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        assertThat(desk.events()).extracting(AlertEvent::notified).containsExactly(true, false, false);
    }

    @Test
    void dismissedStaysDismissedWhileTheConditionHoldsAndComesBackOnlyAfterItCleared() {
        Alert a = raiseVolume();
        assertThat(desk.alerts().dismiss(a.id(), "minji").changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.DISMISSED);
            assertThat(c.alert().state()).isEqualTo(AlertState.DISMISSED);
        });
        desk.advanceMinutes(1);
        desk.mentions(delivery, 20, Duration.ofSeconds(50)); // 50 in the window: worse, but still level 1
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        assertThat(desk.active()).singleElement().satisfies(x -> {
            assertThat(x.state()).isEqualTo(AlertState.DISMISSED);
            assertThat(x.level()).isEqualTo(1);
        });

        desk.advanceMinutes(16);
        desk.alerts().evaluate();
        desk.advanceMinutes(15);
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.CLEARED);
            assertThat(c.alert().state()).isEqualTo(AlertState.DISMISSED);
            assertThat(c.alert().active()).isFalse();
        });

        desk.mentions(delivery, 30, Duration.ofMinutes(5));
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.RAISED);
            assertThat(c.alert().id()).isNotEqualTo(a.id());
        });
    }

    @Test
    void aDismissedAlertOpensAgainWhenItEscalatesAndOnlyOnce() {
        Alert a = raiseVolume();
        desk.alerts().dismiss(a.id(), "minji");
        desk.advanceMinutes(1);
        desk.mentions(delivery, 40, Duration.ofSeconds(50)); // 70 in the window: past 60, level 2
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.ESCALATED);
            assertThat(c.notifies()).isTrue();
            assertThat(c.alert().id()).isEqualTo(a.id());
            assertThat(c.alert().state()).isEqualTo(AlertState.OPEN);
            assertThat(c.alert().level()).isEqualTo(2);
        });
        desk.advance(Duration.ofSeconds(2));
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        assertThat(desk.events()).extracting(AlertEvent::kind)
                .containsExactly(EventKind.RAISED, EventKind.DISMISSED, EventKind.ESCALATED);
    }

    @Test
    void actionsOnAClosedAlertChangeNothing() {
        Alert a = raiseVolume();
        desk.alerts().dismiss(a.id(), "minji");
        assertThat(desk.alerts().snooze(a.id(), Duration.ofMinutes(15), "minji").changes()).isEmpty();
        assertThat(desk.alerts().dismiss(a.id(), "minji").changes()).isEmpty();
        assertThat(desk.alerts().dismiss(99_999, "minji").changes()).isEmpty();
    }

    @Test
    void aPostedNoticeResolvesItsCategorysAlertsAndOnlyThose() {
        // history so the spike rule has a baseline, then a burst in delivery, and a backlog in Unsorted
        desk.advanceMinutes(-80);
        desk.mentions(delivery, 2, Duration.ofMinutes(1));
        desk.advanceMinutes(80);
        desk.mentions(delivery, 35, Duration.ofMinutes(10));
        desk.mentions(null, 60, Duration.ofMinutes(5));
        desk.alerts().evaluate();
        assertThat(desk.active()).extracting(Alert::reason)
                .containsExactlyInAnyOrder(Reason.VOLUME, Reason.SPIKE, Reason.BACKLOG);
        Alert spike = desk.active().stream().filter(x -> x.reason() == Reason.SPIKE).findFirst().orElseThrow();
        desk.alerts().snooze(spike.id(), Duration.ofMinutes(60), "minji");

        desk.advanceMinutes(2);
        long notice = desk.notice(delivery);
        AlertTick tick = desk.alerts().evaluate();

        assertThat(tick.changes()).extracting(AlertChange::kind).containsOnly(EventKind.RESOLVED).hasSize(2);
        assertThat(desk.all()).filteredOn(x -> x.categoryId() != null).allSatisfy(x -> {
            assertThat(x.state()).isEqualTo(AlertState.RESOLVED);
            assertThat(x.resolvedByNotice()).isEqualTo(notice);
        });
        assertThat(desk.active()).extracting(Alert::reason).containsExactly(Reason.BACKLOG);
        assertThat(desk.events()).filteredOn(e -> e.kind() == EventKind.RESOLVED)
                .extracting(AlertEvent::noticeId).containsOnly(notice);

        // the burst is still in the last 15 minutes, but it is covered: nothing comes back
        for (int i = 0; i < 10; i++) {
            desk.advanceMinutes(1);
            assertThat(desk.alerts().evaluate().changes()).isEmpty();
        }
    }

    @Test
    void noticePostedResolvesAtOnceWithoutWaitingForTheTick() {
        Alert a = raiseVolume();
        long notice = desk.notice(delivery);
        AlertTick tick = desk.alerts().noticePosted(notice);
        assertThat(tick.changes()).singleElement().satisfies(c -> {
            assertThat(c.alert().id()).isEqualTo(a.id());
            assertThat(c.alert().resolvedByNotice()).isEqualTo(notice);
        });
        assertThat(tick.shown()).singleElement().satisfies(x -> assertThat(x.state()).isEqualTo(AlertState.RESOLVED));
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
    }

    @Test
    void anOlderNoticeDoesNotResolveALaterAlert() {
        desk.notice(delivery);
        desk.advanceMinutes(3);
        desk.alerts().putSetting(delivery, AlertKey.CADENCE_ENABLED, "false");
        desk.mentions(delivery, 30, Duration.ofMinutes(2));
        Alert a = desk.alerts().evaluate().changes().get(0).alert();
        desk.advanceMinutes(1);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        assertThat(desk.active()).extracting(Alert::id).containsExactly(a.id());
    }

    @Test
    void alertStateSurvivesARestartAndNothingIsRaisedTwice() {
        Alert volume = raiseVolume();
        desk.mentions(null, 60, Duration.ofMinutes(5));
        desk.alerts().evaluate();
        Alert backlog = desk.active().stream().filter(x -> x.reason() == Reason.BACKLOG).findFirst().orElseThrow();
        desk.alerts().snooze(volume.id(), Duration.ofMinutes(30), "minji");
        desk.alerts().dismiss(backlog.id(), "minji");
        Instant snoozedUntil = desk.clock.instant().plus(Duration.ofMinutes(30));

        desk.restart();

        assertThat(desk.active()).extracting(Alert::id, Alert::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(volume.id(), AlertState.SNOOZED),
                org.assertj.core.groups.Tuple.tuple(backlog.id(), AlertState.DISMISSED));
        assertThat(desk.active()).filteredOn(x -> x.id() == volume.id()).singleElement()
                .satisfies(x -> assertThat(x.snoozedUntil()).isEqualTo(snoozedUntil));
        AlertTick first = desk.alerts().evaluate();
        assertThat(first.changes()).isEmpty();
        assertThat(first.shown()).hasSize(2); // the first tick after a start carries the list even without changes
        assertThat(desk.ticks).hasSize(1);
        assertThat(desk.all()).hasSize(2);
        assertThat(desk.events()).hasSize(4);
    }

    @Test
    void theScheduleEvaluatesOffTheCallerAndTellsListenersOncePerTick() throws Exception {
        desk.mentions(delivery, 30, Duration.ofMinutes(10));
        var runs = new java.util.concurrent.atomic.AtomicInteger();
        // counts every evaluation the schedule runs, so the test waits for ticks instead of for time
        var scheduler = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> new Thread(r, "desk-schedule-t")) {
            @Override
            protected void afterExecute(Runnable r, Throwable t) {
                runs.incrementAndGet();
            }
        };
        var got = new java.util.concurrent.LinkedBlockingQueue<AlertTick>();
        var threads = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        desk.alerts().addListener(t -> {
            threads.add(Thread.currentThread().getName());
            got.add(t);
        });
        try {
            desk.alerts().start(scheduler, Duration.ofMillis(20));
            AlertTick tick = got.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            int after = runs.get();
            org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                    () -> runs.get() >= after + 5); // five more ticks ran, none with changes
            desk.alerts().stop();
            assertThat(tick).isNotNull();
            assertThat(tick.changes()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(EventKind.RAISED));
            assertThat(got).isEmpty();
            assertThat(threads).allSatisfy(n -> assertThat(n).startsWith("desk-schedule"));
        } finally {
            scheduler.shutdownNow();
        }
    }
}
