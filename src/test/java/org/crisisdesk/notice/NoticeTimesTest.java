package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NoticeTimesTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void aTimeOfDayIsTodayOrTomorrowWhenEarlierThanAsOf() {
        Instant asOf = Instant.parse("2026-10-17T13:00:00Z"); // 22:00 Seoul
        assertThat(NoticeTimes.parseLater("23:30", asOf, SEOUL)).isEqualTo(Instant.parse("2026-10-17T14:30:00Z"));
        assertThat(NoticeTimes.parseLater("09:00", asOf, SEOUL)).isEqualTo(Instant.parse("2026-10-18T00:00:00Z"));
        assertThat(NoticeTimes.parseLater("9:00", asOf, SEOUL)).isEqualTo(Instant.parse("2026-10-18T00:00:00Z"));
        assertThat(NoticeTimes.parseLater("", asOf, SEOUL)).isNull();
    }

    @Test
    void isoAndLocalDateTimesAreAccepted() {
        Instant asOf = Instant.parse("2026-10-17T05:00:00Z");
        assertThat(NoticeTimes.parseLater("2026-10-18T09:00+09:00", asOf, SEOUL))
                .isEqualTo(Instant.parse("2026-10-18T00:00:00Z"));
        assertThat(NoticeTimes.parseLater("2026-10-18 09:00", asOf, SEOUL)).isEqualTo(Instant.parse("2026-10-18T00:00:00Z"));
        assertThat(NoticeTimes.parseAsOf("14:05", asOf, SEOUL)).isEqualTo(Instant.parse("2026-10-17T05:05:00Z"));
    }

    @Test
    void nonsenseGetsAClearMessage() {
        Instant asOf = Instant.parse("2026-10-17T05:00:00Z");
        assertThatThrownBy(() -> NoticeTimes.parseLater("25:00", asOf, SEOUL)).hasMessageContaining("not a time of day");
        assertThatThrownBy(() -> NoticeTimes.parseLater("soon", asOf, SEOUL)).hasMessageContaining("HH:MM");
    }

    @Test
    void stageParses() {
        assertThat(Stage.parse("2/4 재배송 준비")).isEqualTo(new Stage(2, 4, "재배송 준비"));
        assertThat(Stage.parse(" 4 / 4 ").isFinal()).isTrue();
        assertThatThrownBy(() -> Stage.parse("5/4 x")).hasMessageContaining("between 1 and 4");
        assertThatThrownBy(() -> Stage.parse("two of four")).hasMessageContaining("2/4 label");
    }
}
