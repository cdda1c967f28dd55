package org.crisisdesk.mention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimestampsTest {

    @Test
    void theCommonShapesTakeTheFastPathAndAgreeWithTheJdk() {
        for (String s : List.of("2026-10-17T14:03:09Z", "2026-10-17T14:03:09.1Z", "2026-10-17T14:03:09.120Z",
                "2026-10-17T14:03:09.123456789Z", "2026-10-17T23:03:09+09:00", "2026-10-17T01:03:09-05:30",
                "2024-02-29T00:00:00Z", "0001-01-01T00:00:00+18:00", "9999-12-31T23:59:59.999999999-18:00",
                "2026-10-17T14:03:09-00:00")) {
            assertThat(IsoTimestamps.fastPath(s)).as(s).isNotNull().isEqualTo(OffsetDateTime.parse(s).toInstant());
        }
    }

    @Test
    void everythingElseIsTheJdksAnswerOrItsError() {
        for (String s : List.of("2026-10-17T14:03Z", "2026-10-17T14:03:09+09:00:30", "2026-10-17T14:03:09+09",
                "+12026-10-17T14:03:09Z", "2026-10-17T14:03:09z", "2026-10-17T14:03:09.Z")) {
            assertThat(IsoTimestamps.fastPath(s)).as(s).isNull();
            assertThat(IsoTimestamps.parse(s)).as(s).isEqualTo(OffsetDateTime.parse(s).toInstant());
        }
        for (String s : List.of("2026-02-30T00:00:00Z", "2026-10-17T24:00:00Z", "2026-10-17T23:59:60Z",
                "2026-10-17T14:03:09", "2026-10-17 14:03:09Z",
                "2026-10-17T14:03:09.1234567890Z", "2026-10-17T14:03:09+19:00", "2026-10-17T14:03:09+18:30",
                "2026-1a-17T14:03:09Z", "２０２６-10-17T14:03:09Z", "", "2026-10-17T14:03:09ZZ")) {
            assertThat(IsoTimestamps.fastPath(s)).as(s).isNull();
            assertThatThrownBy(() -> OffsetDateTime.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> IsoTimestamps.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void randomInstantsInEveryFormRoundTrip() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong() % 100_000_000_000L, r.nextInt(1_000_000_000));
            if (t.isBefore(Instant.parse("0001-01-02T00:00:00Z"))) {
                continue;
            }
            int offsetMinutes = (r.nextInt(37) - 18) * 60 + (r.nextBoolean() ? 0 : 30);
            offsetMinutes = Math.max(-18 * 60, Math.min(18 * 60, offsetMinutes));
            String s = t.atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString();
            assertThat(IsoTimestamps.parse(s)).as(s).isEqualTo(OffsetDateTime.parse(s).toInstant()).isEqualTo(t);
        }
    }
}
