package org.crisisdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** A backup is taken whenever a shift ends, holds what was stored until then, and only the newest N are kept. */
class ShiftEndBackupTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void endingAShiftTakesABackupThatRestoresWhatWasThere() throws Exception {
        Path home = TempDesk.newHome();
        MutableClock clock = new MutableClock(Instant.parse("2026-10-17T00:00:00Z"));
        Backups backups = new Backups(home);
        try (Services s = TempDesk.open(home, clock)) {
            s.shifts().start("김민지", "", SEOUL);
            assertThat(backups.list()).isEmpty();
            s.mentions().ingest(List.of(Filing.unsorted(TempDesk.mention("x", "1", "배송 언제 와요"))), null, "t");
            clock.advance(Duration.ofHours(9));
            s.shifts().endCurrent();
            assertThat(backups.list()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                    .isEqualTo("crisisdesk-20261017-090000-shift-end.zip"));
            // the next manager's start ends nothing more (no shift was open): no second backup
            clock.advance(Duration.ofMinutes(5));
            s.shifts().start("Night Owl", "", SEOUL);
            assertThat(backups.list()).hasSize(1);
            s.mentions().ingest(List.of(Filing.unsorted(TempDesk.mention("x", "2", "after the backup"))), null, "t");
            // a start while a shift is open ends it: a backup too
            clock.advance(Duration.ofHours(9));
            s.shifts().start("김민지", "", SEOUL);
            assertThat(backups.list()).hasSize(2);
        }
        Path first = backups.list().stream().filter(p -> p.toString().contains("090000")).findFirst().orElseThrow();
        backups.restore(first, clock);
        try (Services s = TempDesk.open(home, clock)) {
            assertThat(s.mentions().count(MentionFilter.ALL)).isEqualTo(1);
        }
    }

    @Test
    void takingTheDeskEndsTheOpenShiftWithABackup() throws Exception {
        Path home = TempDesk.newHome();
        MutableClock clock = new MutableClock(Instant.parse("2026-10-17T00:00:00Z"));
        Backups backups = new Backups(home);
        try (Services s = TempDesk.open(home, clock)) {
            var day = s.shifts().start("김민지", "", SEOUL);
            clock.advance(Duration.ofHours(9));
            s.shifts().takeDesk(day.id(), "Night Owl");
            assertThat(s.shifts().find(day.id()).orElseThrow().endedAt()).isNotNull();
            assertThat(backups.list()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                    .isEqualTo("crisisdesk-20261017-090000-shift-end.zip"));
        }
    }

    @Test
    void onlyTheNewestAutomaticBackupsAreKeptAndManualOnesStay() throws Exception {
        Path home = TempDesk.newHome();
        MutableClock clock = new MutableClock(Instant.parse("2026-10-17T00:00:00Z"));
        Backups backups = new Backups(home);
        try (Services s = TempDesk.open(home, clock)) {
            Path manual = backups.create(s.db(), clock, "manual");
            for (int i = 0; i < Backups.KEEP_AUTOMATIC + 3; i++) {
                clock.advance(Duration.ofMinutes(1));
                s.shifts().start("manager " + i, "", SEOUL);
                clock.advance(Duration.ofHours(8));
                s.shifts().endCurrent();
            }
            List<Path> all = backups.list();
            assertThat(all).contains(manual).hasSize(Backups.KEEP_AUTOMATIC + 1);
            assertThat(all.stream().filter(p -> p.toString().endsWith("-shift-end.zip"))).hasSize(Backups.KEEP_AUTOMATIC);
            // the oldest three are the ones gone
            assertThat(all.stream().map(p -> p.getFileName().toString()))
                    .doesNotContain("crisisdesk-20261017-080100-shift-end.zip");
            assertThat(Files.exists(manual)).isTrue();
        }
    }
}
