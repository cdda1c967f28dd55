package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.notice.NoticeTimeline.Promise;
import org.junit.jupiter.api.Test;

class NoticeTimelineTest {
    static Instant at(String hhmm) {
        return Instant.parse("2026-10-17T" + hhmm + ":00Z");
    }

    static long ids = 1;

    static StoredNotice posted(String asOf, String stage, String eta, String next) {
        return notice(NoticeState.POSTED, asOf, stage, eta, next);
    }

    static StoredNotice notice(NoticeState state, String asOf, String stage, String eta, String next) {
        Notice n = new Notice(1L, "배송 지연", at(asOf), "물류팀", stage == null ? null : Stage.parse(stage),
                eta == null ? null : at(eta), next == null ? null : at(next), null, null, null, NoticeLang.KO, 0, "t");
        return new StoredNotice(ids++, n, state, List.of(), 1, null, null, null, null, null, null, null, null, null,
                at(asOf), at(asOf), state == NoticeState.POSTED ? at(asOf) : null, at(asOf));
    }

    @Test
    void progressAndPromisesKeptInOrder() {
        List<StoredNotice> l = new ArrayList<>(List.of(
                posted("07:00", "3/4 배송", "09:00", "08:00"),
                posted("05:00", "1/4 원인 파악", "09:00", "06:00"),
                posted("06:00", "2/4 재배송 준비", "09:00", "07:00"),
                posted("08:30", "4/4 완료", null, null),
                notice(NoticeState.FAILED, "06:30", "2/4 x", null, null)));
        NoticeTimeline t = NoticeTimeline.of(l, at("10:00"));
        assertThat(t.progress()).isEqualTo("1/4 → 2/4 → 3/4 → 4/4");
        assertThat(t.entries()).extracting(NoticeTimeline.Entry::eta)
                .containsExactly(Promise.KEPT, Promise.KEPT, Promise.KEPT, Promise.NONE);
        // next update promised 08:00 came at 08:30: missed
        assertThat(t.entries()).extracting(NoticeTimeline.Entry::nextUpdate)
                .containsExactly(Promise.KEPT, Promise.KEPT, Promise.MISSED, Promise.NONE);
    }

    @Test
    void anEtaPassedWithoutResolutionIsMissedEvenIfResolvedLater() {
        NoticeTimeline t = NoticeTimeline.of(List.of(
                posted("05:00", "1/3 원인 파악", "07:00", null),
                posted("07:30", "3/3 완료", null, null)), at("08:00"));
        assertThat(t.entries().get(0).eta()).isEqualTo(Promise.MISSED);
    }

    @Test
    void aNewEtaGivenBeforeTheOldOneIsRevisedAndAnOpenOneIsPending() {
        NoticeTimeline t = NoticeTimeline.of(List.of(
                posted("05:00", "1/3 원인 파악", "07:00", "06:00"),
                posted("06:03", "2/3 복구", "09:00", "07:00")), at("06:30"));
        assertThat(t.entries()).extracting(NoticeTimeline.Entry::eta).containsExactly(Promise.REVISED, Promise.PENDING);
        assertThat(t.entries()).extracting(NoticeTimeline.Entry::nextUpdate)
                .containsExactly(Promise.KEPT, Promise.PENDING);
        NoticeTimeline later = NoticeTimeline.of(List.of(posted("05:00", "1/3 원인 파악", "07:00", "06:00")), at("07:01"));
        assertThat(later.entries().get(0).eta()).isEqualTo(Promise.MISSED);
        assertThat(later.entries().get(0).nextUpdate()).isEqualTo(Promise.MISSED);
    }

    @Test
    void aStepBackIsShown() {
        NoticeTimeline t = NoticeTimeline.of(List.of(posted("05:00", "3/4 배송", null, null),
                posted("06:00", "2/4 재배송 준비", null, null)), at("07:00"));
        assertThat(t.entries()).extracting(NoticeTimeline.Entry::stepBack).containsExactly(false, true);
    }
}
