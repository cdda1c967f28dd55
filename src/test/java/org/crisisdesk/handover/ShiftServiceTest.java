package org.crisisdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.crisisdesk.store.Database;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

class ShiftServiceTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Instant T0 = Instant.parse("2026-10-17T00:00:00Z"); // 09:00 in Seoul

    @Test
    void scheduleIsPlacedNextToTheMomentItIsEntered() {
        ShiftSchedule day = ShiftSchedule.parse("09-18", T0.minus(Duration.ofMinutes(10)), SEOUL);
        assertThat(day.start()).isEqualTo(T0);
        assertThat(day.end()).isEqualTo(T0.plus(Duration.ofHours(9)));
        ShiftSchedule night = ShiftSchedule.parse("18:00 - 02", T0.plus(Duration.ofHours(9)), SEOUL);
        assertThat(night.start()).isEqualTo(T0.plus(Duration.ofHours(9)));
        assertThat(night.end()).isEqualTo(T0.plus(Duration.ofHours(17)));
        assertThatThrownBy(() -> ShiftSchedule.parse("nine to five", T0, SEOUL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("09-18");
        assertThatThrownBy(() -> ShiftSchedule.parse("25-03", T0, SEOUL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startingAShiftEndsTheOpenOneAtTheSameInstant() {
        MutableClock clock = new MutableClock(T0);
        try (Database db = Database.open(TempDesk.dbUrl(TempDesk.newHome()))) {
            ShiftService shifts = new ShiftService(new ShiftStore(db), clock);
            Shift day = shifts.start("  김민지 ", "09-18", SEOUL);
            assertThat(day.manager()).isEqualTo("김민지");
            assertThat(day.scheduledEnd()).isEqualTo(T0.plus(Duration.ofHours(9)));
            assertThat(shifts.current()).contains(day);

            clock.advance(Duration.ofHours(9));
            Shift night = shifts.start("Alex Park", "18-02", SEOUL);
            assertThat(shifts.find(day.id()).orElseThrow().endedAt()).isEqualTo(night.startedAt());
            assertThat(shifts.current().orElseThrow().id()).isEqualTo(night.id());
            assertThatThrownBy(() -> shifts.start("  ", null, SEOUL)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void defaultWindowIsTheShiftJustEnding() {
        MutableClock clock = new MutableClock(T0);
        try (Database db = Database.open(TempDesk.dbUrl(TempDesk.newHome()))) {
            ShiftService shifts = new ShiftService(new ShiftStore(db), clock);
            assertThat(shifts.defaultWindow().length()).isEqualTo(Duration.ofHours(12));

            Shift day = shifts.start("김민지", null, SEOUL);
            clock.advance(Duration.ofHours(9));
            ReportWindow open = shifts.defaultWindow();
            assertThat(open.from()).isEqualTo(day.startedAt());
            assertThat(open.to()).isEqualTo(clock.instant());

            shifts.start("Alex", null, SEOUL);
            clock.advance(Duration.ofMinutes(10));
            ReportWindow review = shifts.defaultWindow();
            assertThat(review.shift().id()).isEqualTo(day.id());
            assertThat(review.to()).isEqualTo(T0.plus(Duration.ofHours(9)));

            clock.advance(Duration.ofHours(1));
            assertThat(shifts.defaultWindow().shift().manager()).isEqualTo("Alex");
        }
    }

    @Test
    void boundaryMovedAfterTheFactCarriesTheAdjacentShiftAlong() {
        MutableClock clock = new MutableClock(T0);
        try (Database db = Database.open(TempDesk.dbUrl(TempDesk.newHome()))) {
            ShiftService shifts = new ShiftService(new ShiftStore(db), clock);
            Shift day = shifts.start("김민지", null, SEOUL);
            clock.advance(Duration.ofHours(9).plusMinutes(40)); // the night manager forgot to start on time
            Shift night = shifts.start("Alex", null, SEOUL);
            clock.advance(Duration.ofHours(1));

            Shift moved = shifts.moveEnd(day.id(), T0.plus(Duration.ofHours(9)));
            assertThat(moved.endedAt()).isEqualTo(T0.plus(Duration.ofHours(9)));
            assertThat(moved.boundaryEditedAt()).isEqualTo(clock.instant());
            assertThat(shifts.find(night.id()).orElseThrow().startedAt()).isEqualTo(T0.plus(Duration.ofHours(9)));

            assertThatThrownBy(() -> shifts.moveEnd(day.id(), T0.minusSeconds(5)))
                    .hasMessageContaining("after it started");
            assertThatThrownBy(() -> shifts.moveEnd(day.id(), clock.instant().plusSeconds(60)))
                    .isInstanceOf(IllegalArgumentException.class);
            shifts.moveStart(night.id(), T0.plus(Duration.ofHours(8)));
            assertThat(shifts.find(day.id()).orElseThrow().endedAt()).isEqualTo(T0.plus(Duration.ofHours(8)));

            Shift past = shifts.record("Kim", T0.minus(Duration.ofHours(8)), T0.minus(Duration.ofHours(1)));
            assertThat(past.endedAt()).isEqualTo(T0.minus(Duration.ofHours(1)));
            assertThatThrownBy(() -> shifts.record("Kim", T0.minus(Duration.ofHours(2)), T0.plusSeconds(60)))
                    .hasMessageContaining("covers");
        }
    }

    @Test
    void correctingBothBoundariesIsAllOrNothing() {
        MutableClock clock = new MutableClock(T0);
        try (Database db = Database.open(TempDesk.dbUrl(TempDesk.newHome()))) {
            ShiftService shifts = new ShiftService(new ShiftStore(db), clock);
            Shift early = shifts.record("Kim", T0.minus(Duration.ofHours(20)), T0.minus(Duration.ofHours(14)));
            Shift day = shifts.record("김민지", T0.minus(Duration.ofHours(10)), T0.minus(Duration.ofHours(2)));
            clock.advance(Duration.ofMinutes(1));

            // both later, the new start past the old end: works only with the end moved first
            Shift moved = shifts.correct(day.id(), T0.minus(Duration.ofMinutes(90)), T0.minus(Duration.ofMinutes(30)));
            assertThat(moved.startedAt()).isEqualTo(T0.minus(Duration.ofMinutes(90)));
            assertThat(moved.endedAt()).isEqualTo(T0.minus(Duration.ofMinutes(30)));

            // a start that is fine with an end that runs into the future: neither is stored
            assertThatThrownBy(() -> shifts.correct(day.id(), T0.minus(Duration.ofHours(4)), T0.plus(Duration.ofHours(1))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(shifts.find(day.id()).orElseThrow().startedAt()).isEqualTo(T0.minus(Duration.ofMinutes(90)));
            // both earlier, the new end before the old start: the start moves first
            moved = shifts.correct(day.id(), T0.minus(Duration.ofHours(13)), T0.minus(Duration.ofHours(5)));
            assertThat(moved.startedAt()).isEqualTo(T0.minus(Duration.ofHours(13)));
            assertThat(moved.endedAt()).isEqualTo(T0.minus(Duration.ofHours(5)));
            // into the earlier shift: refused
            assertThatThrownBy(() -> shifts.correct(day.id(), T0.minus(Duration.ofHours(15)), T0.minus(Duration.ofHours(5))))
                    .hasMessageContaining("previous shift");
            assertThat(shifts.find(early.id()).orElseThrow().endedAt()).isEqualTo(T0.minus(Duration.ofHours(14)));
        }
    }

    @Test
    void notesAndTakingTheDeskArePersistedAcrossReopen() {
        MutableClock clock = new MutableClock(T0);
        Path home = TempDesk.newHome();
        long dayId;
        try (Database db = Database.open(TempDesk.dbUrl(home))) {
            ShiftService shifts = new ShiftService(new ShiftStore(db), clock);
            Shift day = shifts.start("김민지", null, SEOUL);
            dayId = day.id();
            clock.advance(Duration.ofHours(9));
            shifts.saveNotes(dayId, "배터리 가설은 배제함. 물류팀 010-0000-0000 에 연락");
            clock.advance(Duration.ofMinutes(5));
            Shift mine = shifts.takeDesk(dayId, "Alex Park");
            assertThat(mine.manager()).isEqualTo("Alex Park");
            assertThat(mine.startedAt()).isEqualTo(clock.instant());
            assertThatThrownBy(() -> shifts.takeDesk(dayId, "Someone")).hasMessageContaining("Alex Park");
        }
        try (Database db = Database.open(TempDesk.dbUrl(home))) {
            ShiftService shifts = new ShiftService(new ShiftStore(db), clock);
            Shift day = shifts.find(dayId).orElseThrow();
            assertThat(day.notes()).startsWith("배터리 가설");
            assertThat(day.notesUpdatedAt()).isEqualTo(T0.plus(Duration.ofHours(9)));
            assertThat(day.acknowledgedBy()).isEqualTo("Alex Park");
            assertThat(day.acknowledgedAt()).isEqualTo(clock.instant());
            assertThat(day.endedAt()).isEqualTo(clock.instant());
            assertThat(shifts.current().orElseThrow().manager()).isEqualTo("Alex Park");
        }
    }
}
