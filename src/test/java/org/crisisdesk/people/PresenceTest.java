package org.crisisdesk.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.store.Database;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.Test;

/** Presence, category claims and case assignment on one shared database (issue 22). */
class PresenceTest {
    private static final Person MINJI = Person.of("김민지", "");
    private static final Person JIHUN = Person.of("박지훈", "");

    @Test
    void aDeskThatStopsBeatingIsGoneAfter25SecondsAndIdleAfterTenMinutesWithoutInput() {
        MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, clock); Database other = Database.open(TempDesk.dbUrl(home))) {
            PresenceStore a = new PresenceStore(s.db(), clock, "desk-a", "pc1");
            PresenceStore b = new PresenceStore(other, clock, "desk-b", "pc2");
            a.beat(MINJI, clock.instant());
            b.beat(JIHUN, clock.instant());
            assertThat(a.present()).extracting(PresenceStore.Present::person).containsExactly("김민지", "박지훈");
            Instant started = clock.instant();
            clock.advance(Duration.ofSeconds(10));
            a.beat(MINJI, started); // beats keep the start time and say when the person last typed
            assertThat(b.present()).filteredOn(p -> p.deskId().equals("desk-a")).singleElement()
                    .satisfies(p -> {
                        assertThat(p.startedAt()).isEqualTo(started);
                        assertThat(p.handle()).isEqualTo("민지");
                        assertThat(p.host()).isEqualTo("pc1");
                    });
            clock.advance(Duration.ofSeconds(16)); // b last beat 26 s ago: killed
            assertThat(a.present()).extracting(PresenceStore.Present::deskId).containsExactly("desk-a");
            clock.advance(PresenceStore.IDLE_AFTER.minusSeconds(26));
            a.beat(MINJI, started);
            assertThat(a.present().get(0).idle(clock.instant())).isTrue();
            a.beat(MINJI, clock.instant());
            assertThat(a.present().get(0).idle(clock.instant())).isFalse();
            a.leave(); // a clean close leaves at once
            assertThat(b.present()).isEmpty();
        }
    }

    @Test
    void aClaimOfSomeoneElseIsRefusedUnlessTakenOverAndDiesWithItsDesk() {
        MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, clock); Database other = Database.open(TempDesk.dbUrl(home))) {
            Category delivery = s.categories().ensure("배송 지연");
            PresenceStore pa = new PresenceStore(s.db(), clock, "desk-a", "pc1");
            PresenceStore pb = new PresenceStore(other, clock, "desk-b", "pc2");
            ClaimStore a = new ClaimStore(s.db(), clock, "desk-a");
            ClaimStore b = new ClaimStore(other, clock, "desk-b");
            pa.beat(MINJI, clock.instant());
            pb.beat(JIHUN, clock.instant());
            assertThat(a.claim(delivery.id(), MINJI, false).claimed()).isTrue();
            assertThat(b.claims()).containsKey(delivery.id());
            assertThat(b.claims().get(delivery.id()).handle()).isEqualTo("민지");

            ClaimStore.Outcome refused = b.claim(delivery.id(), JIHUN, false);
            assertThat(refused.claimed()).isFalse();
            assertThat(refused.held()).hasValueSatisfying(k -> assertThat(k.person()).isEqualTo("김민지"));
            assertThat(b.release(delivery.id(), JIHUN)).isFalse(); // not his to release
            assertThat(a.claims().get(delivery.id()).person()).isEqualTo("김민지");

            ClaimStore.Outcome taken = b.claim(delivery.id(), JIHUN, true);
            assertThat(taken.claimed()).isTrue();
            assertThat(taken.held()).hasValueSatisfying(k -> assertThat(k.person()).isEqualTo("김민지"));
            assertThat(a.claims().get(delivery.id()).person()).isEqualTo("박지훈");

            clock.advance(PresenceStore.GONE_AFTER.plusSeconds(1)); // desk b killed, a keeps beating
            pa.beat(MINJI, clock.instant());
            assertThat(a.claims()).isEmpty();
            assertThat(a.claim(delivery.id(), MINJI, false).claimed()).isTrue(); // free again: no question
            assertThat(a.release(delivery.id(), MINJI)).isTrue();
            assertThat(b.claims()).isEmpty();
        }
    }

    @Test
    void aCaseHasOneAssigneeUntilChanged() {
        MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, clock)) {
            List<StoredMention> stored = s.pipeline("test").ingest(List.of(
                    TempDesk.mention("x", "1", "환불 언제 되나요"), TempDesk.mention("x", "2", "배송 문의")), null);
            long one = stored.get(0).pk();
            long two = stored.get(1).pk();
            CaseAssignmentStore cases = s.caseAssignments();
            cases.assign(List.of(one, two), MINJI, "박지훈");
            assertThat(cases.assignment(one)).hasValueSatisfying(x -> {
                assertThat(x.person()).isEqualTo("김민지");
                assertThat(x.assignedBy()).isEqualTo("박지훈");
            });
            cases.assign(List.of(two), JIHUN, "박지훈");
            assertThat(cases.assignments(List.of(one, two))).extractingByKey(two)
                    .extracting(CaseAssignmentStore.Assignment::person).isEqualTo("박지훈");
            cases.assign(List.of(one), null, "김민지");
            assertThat(cases.assignment(one)).isEmpty();
            assertThat(cases.all()).containsOnlyKeys(two);
        }
    }
}
