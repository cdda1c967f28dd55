package org.crisisdesk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each rule against a real database on a hand-moved clock: crossed, not crossed, and how it escalates. */
class AlertRulesTest {
    private final WatchDesk desk = new WatchDesk();
    private final long delivery = desk.category("배송 지연");

    @AfterEach
    void close() {
        desk.close();
    }

    private List<Alert> active(Reason reason) {
        return desk.active().stream().filter(a -> a.reason() == reason).toList();
    }

    @Test
    void volumeBelowTheThresholdRaisesNothingAndCrossingItRaisesOneAlert() {
        desk.mentions(delivery, 29, Duration.ofMinutes(10));
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        assertThat(desk.active()).isEmpty();

        desk.advance(Duration.ofSeconds(30));
        desk.mentions(delivery, 1, Duration.ZERO);
        AlertTick tick = desk.alerts().evaluate();

        assertThat(tick.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.RAISED);
            assertThat(c.notifies()).isTrue();
            assertThat(c.alert().reason()).isEqualTo(Reason.VOLUME);
            assertThat(c.alert().categoryId()).isEqualTo(delivery);
            assertThat(c.alert().categoryName()).isEqualTo("배송 지연");
            assertThat(c.alert().level()).isEqualTo(1);
            assertThat(c.alert().message()).isEqualTo("배송 지연: 30 new in 15 min, no notice yet");
            assertThat(c.alert().facts().getLong("count", -1)).isEqualTo(30);
        });
    }

    @Test
    void volumeOnlyCountsMentionsInsideTheWindow() {
        desk.mentions(delivery, 30, Duration.ofMinutes(10));
        desk.advanceMinutes(16); // the oldest ones fall out of the 15-minute window
        desk.mentions(delivery, 5, Duration.ofMinutes(1));
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
    }

    @Test
    void volumeCountsOnlyWhatCameAfterTheLastNotice() {
        desk.mentions(delivery, 25, Duration.ofMinutes(10));
        desk.notice(delivery);
        desk.advanceMinutes(5);
        desk.mentions(delivery, 20, Duration.ofMinutes(4));
        assertThat(desk.alerts().evaluate().changes()).isEmpty(); // 45 in 15 min, but only 20 since the notice

        desk.mentions(delivery, 10, Duration.ofMinutes(1));
        AlertTick tick = desk.alerts().evaluate();
        assertThat(tick.changes()).singleElement().satisfies(c -> {
            assertThat(c.alert().reason()).isEqualTo(Reason.VOLUME);
            assertThat(c.alert().facts().getLong("count", -1)).isEqualTo(30);
            assertThat(c.alert().message()).endsWith("last notice 5 min ago");
        });
    }

    @Test
    void volumeEscalatesOnceWhenItDoublesAndNeverRepeatsOtherwise() {
        desk.mentions(delivery, 30, Duration.ofMinutes(10));
        desk.alerts().evaluate();
        for (int i = 0; i < 5; i++) {
            desk.advance(Duration.ofSeconds(2));
            desk.mentions(delivery, 5, Duration.ofSeconds(1));
            assertThat(desk.alerts().evaluate().changes()).as("%d new, still level 1", 35 + 5 * i).isEmpty();
        }
        // 55 so far; 5 more makes 60, twice the threshold
        desk.mentions(delivery, 5, Duration.ofSeconds(1));
        AlertTick tick = desk.alerts().evaluate();
        assertThat(tick.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.ESCALATED);
            assertThat(c.alert().level()).isEqualTo(2);
        });
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        assertThat(desk.all()).hasSize(1);
        assertThat(desk.events()).extracting(AlertEvent::kind).containsExactly(EventKind.RAISED, EventKind.ESCALATED);
    }

    @Test
    void cadenceWarnsFiveMinutesBeforeTheNextNoticeIsDueAndAgainWhenOverdue() {
        desk.notice(delivery);
        desk.advanceMinutes(24);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();

        desk.advanceMinutes(1);
        AlertTick warn = desk.alerts().evaluate();
        assertThat(warn.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.RAISED);
            assertThat(c.alert().reason()).isEqualTo(Reason.CADENCE);
            assertThat(c.alert().level()).isEqualTo(1);
            assertThat(c.alert().message()).contains("notice due in 5 min", "every 30 min while investigating");
        });
        desk.advanceMinutes(2);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();

        desk.advanceMinutes(3);
        AlertTick overdue = desk.alerts().evaluate();
        assertThat(overdue.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.ESCALATED);
            assertThat(c.alert().level()).isEqualTo(2);
            assertThat(c.alert().message()).contains("notice overdue by 0 min");
        });
        desk.advanceMinutes(29);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        desk.advanceMinutes(1); // a whole interval overdue: the second notice is missed too
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.ESCALATED);
            assertThat(c.alert().level()).isEqualTo(3);
            assertThat(c.alert().message()).contains("notice overdue by 30 min");
        });
        desk.advanceMinutes(120);
        assertThat(desk.alerts().evaluate().changes()).isEmpty(); // capped: no more
        assertThat(desk.all()).hasSize(1);
    }

    @Test
    void cadenceFollowsThePhaseAndStopsWhenClosed() {
        desk.alerts().setPhase(delivery, Phase.IDENTIFIED);
        desk.notice(delivery);
        desk.advanceMinutes(50);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        desk.advanceMinutes(5);
        assertThat(active(Reason.CADENCE)).isEmpty();
        assertThat(desk.alerts().evaluate().changes()).singleElement()
                .satisfies(c -> assertThat(c.alert().facts().getLong("every", 0)).isEqualTo(60));

        desk.alerts().setPhase(delivery, Phase.CLOSED);
        desk.advanceMinutes(30);
        assertThat(desk.alerts().evaluate().changes()).isEmpty(); // quiet hold running
        desk.advanceMinutes(10);
        assertThat(desk.alerts().evaluate().changes()).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(EventKind.CLEARED));
        assertThat(desk.active()).isEmpty();
    }

    @Test
    void noCadenceBeforeTheFirstNotice() {
        desk.mentions(delivery, 5, Duration.ofMinutes(10));
        desk.advanceMinutes(180);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
    }

    @Test
    void etaWatchRaisesWhenTheNextUpdatePromisedPassesWithoutANewNotice() {
        desk.alerts().putSetting(delivery, AlertKey.CADENCE_ENABLED, "false");
        long notice = desk.notice(delivery, null, WatchDesk.START.plus(Duration.ofMinutes(20)));
        desk.advanceMinutes(19);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();

        desk.advanceMinutes(1);
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.alert().reason()).isEqualTo(Reason.ETA_MISSED);
            assertThat(c.alert().level()).isEqualTo(1);
            assertThat(c.alert().facts().get("promise")).isEqualTo("next_update");
            assertThat(c.alert().facts().getLong("notice", -1)).isEqualTo(notice);
        });
        desk.advanceMinutes(29);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        desk.advanceMinutes(1); // 30 minutes late
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.ESCALATED);
            assertThat(c.alert().level()).isEqualTo(2);
        });
    }

    @Test
    void etaWatchUsesTheEarliestPromiseAndANewNoticeReplacesIt() {
        desk.alerts().putSetting(null, AlertKey.CADENCE_ENABLED, "false");
        desk.notice(delivery, WatchDesk.START.plus(Duration.ofMinutes(10)), WatchDesk.START.plus(Duration.ofMinutes(40)));
        desk.advanceMinutes(10);
        assertThat(desk.alerts().evaluate().changes()).singleElement()
                .satisfies(c -> assertThat(c.alert().facts().get("promise")).isEqualTo("eta"));
        long second = desk.notice(delivery, null, WatchDesk.START.plus(Duration.ofMinutes(60)));
        AlertTick tick = desk.alerts().evaluate();
        assertThat(tick.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.RESOLVED);
            assertThat(c.alert().resolvedByNotice()).isEqualTo(second);
        });
        desk.advanceMinutes(40); // 50: the old next-update (40) passed, but the new notice promised 60
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
    }

    @Test
    void aClosingNoticeEndsTheCadenceAndItsPromisesAreNotWatched() {
        desk.notice(delivery, null, WatchDesk.START.plus(Duration.ofMinutes(20)), 4, 4);
        desk.advanceMinutes(25);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        desk.advanceMinutes(120);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();

        desk.notice(delivery, null, WatchDesk.START.plus(Duration.ofMinutes(160)), 3, 4); // reopened at stage 3
        desk.advanceMinutes(16);
        assertThat(desk.alerts().evaluate().changes()).singleElement()
                .satisfies(c -> assertThat(c.alert().reason()).isEqualTo(Reason.ETA_MISSED));
    }

    @Test
    void aClosedCategoryHasNoPromisesToWatch() {
        desk.notice(delivery, null, WatchDesk.START.plus(Duration.ofMinutes(20)));
        desk.alerts().setPhase(delivery, Phase.CLOSED);
        desk.advanceMinutes(90);
        assertThat(desk.alerts().evaluate().changes()).isEmpty();

        desk.alerts().setPhase(delivery, Phase.IDENTIFIED); // reopened: both are due again
        assertThat(desk.alerts().evaluate().changes()).extracting(c -> c.alert().reason())
                .containsExactlyInAnyOrder(Reason.ETA_MISSED, Reason.CADENCE);
    }

    @Test
    void spikeNeedsARateWellAboveItsOwnBaselineAndAMinimumCount() {
        // trailing hour before the recent window: 8 mentions, i.e. 2 per 15 minutes
        desk.advanceMinutes(-75);
        desk.mentions(delivery, 1, Duration.ZERO);
        desk.advanceMinutes(60);
        desk.mentions(delivery, 7, Duration.ofMinutes(50));
        desk.advanceMinutes(15);
        desk.alerts().putSetting(delivery, AlertKey.VOLUME_ENABLED, "false");

        desk.mentions(delivery, 9, Duration.ofMinutes(10));
        assertThat(desk.alerts().evaluate().changes()).as("9 is under the minimum count").isEmpty();

        desk.mentions(delivery, 1, Duration.ZERO);
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.alert().reason()).isEqualTo(Reason.SPIKE);
            assertThat(c.alert().level()).isEqualTo(1);
            assertThat(c.alert().facts().getLong("recent", 0)).isEqualTo(10);
            assertThat(c.alert().facts().get("baseline")).isEqualTo("1.8"); // 7 in the trailing 60 min (one fell out)
        });
    }

    @Test
    void aBusyCategoryDoesNotSpikeAtItsUsualRate() {
        desk.alerts().putSetting(delivery, AlertKey.VOLUME_ENABLED, "false");
        desk.advanceMinutes(-75);
        desk.mentions(delivery, 1, Duration.ZERO);
        desk.advanceMinutes(60);
        desk.mentions(delivery, 40, Duration.ofMinutes(59)); // 10 per 15 minutes
        desk.advanceMinutes(15);
        desk.mentions(delivery, 29, Duration.ofMinutes(14));
        assertThat(desk.alerts().evaluate().changes()).as("29 < 3 x 10").isEmpty();
        desk.mentions(delivery, 2, Duration.ofMinutes(1));
        assertThat(desk.alerts().evaluate().changes()).singleElement()
                .satisfies(c -> assertThat(c.alert().reason()).isEqualTo(Reason.SPIKE));
    }

    @Test
    void noSpikeWithoutHistoryBeforeTheBaseline() {
        desk.alerts().putSetting(delivery, AlertKey.VOLUME_ENABLED, "false");
        desk.mentions(delivery, 25, Duration.ofMinutes(10)); // a desk that just started: no baseline yet
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
    }

    @Test
    void backlogRaisesOnTooManyUnsortedAndOnAnOldestThatWaitsTooLong() {
        desk.mentions(null, 50, Duration.ofMinutes(10));
        assertThat(desk.alerts().evaluate().changes()).isEmpty();
        desk.mentions(null, 1, Duration.ZERO);
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.alert().reason()).isEqualTo(Reason.BACKLOG);
            assertThat(c.alert().categoryId()).isNull();
            assertThat(c.alert().message()).isEqualTo("Unsorted: 51 waiting, oldest 10 min");
        });
        desk.sortAllUnsortedInto(desk.category("스팸·잡음"));
        desk.mentions(null, 3, Duration.ZERO);
        desk.advanceMinutes(11);
        desk.alerts().evaluate(); // quiet hold starts
        desk.advanceMinutes(10);
        assertThat(desk.alerts().evaluate().changes()).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(EventKind.CLEARED));

        desk.advanceMinutes(10); // the 3 are now 31 minutes old
        assertThat(desk.alerts().evaluate().changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EventKind.RAISED);
            assertThat(c.alert().facts().getLong("oldestMinutes", 0)).isEqualTo(31);
        });
        assertThat(desk.all()).hasSize(2);
    }

    @Test
    void perCategorySettingsOverrideTheDeskWhichOverridesTheDefaults() {
        long stock = desk.category("매장 재고");
        desk.alerts().putSetting(null, AlertKey.VOLUME_COUNT, "20");
        desk.alerts().putSetting(stock, AlertKey.VOLUME_COUNT, "5");
        desk.mentions(stock, 5, Duration.ofMinutes(5));
        desk.mentions(delivery, 19, Duration.ofMinutes(5));
        assertThat(desk.alerts().evaluate().changes()).extracting(c -> c.alert().categoryId()).containsExactly(stock);
        desk.mentions(delivery, 1, Duration.ZERO);
        assertThat(desk.alerts().evaluate().changes()).extracting(c -> c.alert().categoryId()).containsExactly(delivery);

        desk.alerts().resetSetting(stock, AlertKey.VOLUME_COUNT);
        assertThat(desk.alerts().settings().forCategory(stock).volume().count()).isEqualTo(20);
    }
}
