package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.crisisdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import twitter4j.CrisisDeskHttpClient;

/** Issue 20 #9: a v2 created_at without milliseconds (valid RFC 3339) failed the whole page, for ever. */
class V2DatesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T15:00:00.250Z"));
    private final FakeXServer server = new FakeXServer(clock);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPageWhoseCreatedAtHasNoMillisecondsIsRead() throws Exception {
        server.secondsOnlyDates(true);
        FakeXServer.Post p = server.mention("@desk_official 배송 언제 와요", clock.instant());
        XClient c = XClient.create(server.settings(ApiVersion.V2), clock);
        MentionPage page = c.mentions(c.verify(), null, null);
        assertThat(page.mentions()).singleElement().satisfies(m -> {
            assertThat(m.platformId()).isEqualTo(Long.toString(p.id()));
            assertThat(m.createdAt()).isEqualTo(p.visibleAt().truncatedTo(ChronoUnit.SECONDS));
        });
    }

    @Test
    void everyRfc3339FormBecomesTheOneTwitter4jReads() {
        assertThat(CrisisDeskHttpClient.normaliseDates("{\"created_at\":\"2026-12-07T15:00:00Z\",\"x\":1}"))
                .isEqualTo("{\"created_at\":\"2026-12-07T15:00:00.000Z\",\"x\":1}");
        assertThat(CrisisDeskHttpClient.normaliseDates("{\"created_at\": \"2026-12-08T00:00:00.5+09:00\"}"))
                .isEqualTo("{\"created_at\": \"2026-12-07T15:00:00.500Z\"}");
        assertThat(CrisisDeskHttpClient.normaliseDates("{\"created_at\":\"2026-12-07T15:00:00.123Z\"}"))
                .isEqualTo("{\"created_at\":\"2026-12-07T15:00:00.123Z\"}");
        assertThat(CrisisDeskHttpClient.normaliseDates("{\"created_at\":\"tomorrow\"}")).isEqualTo("{\"created_at\":\"tomorrow\"}");
    }
}
