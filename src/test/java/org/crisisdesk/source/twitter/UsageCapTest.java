package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.crisisdesk.app.Services;
import org.crisisdesk.source.SourceStatus;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.usage.UsageKind;
import org.crisisdesk.usage.UsageReport;
import org.crisisdesk.usage.UsageSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole billing month against a fake X with a real monthly cap, over real HTTP and a real database, on the
 * injectable clock: the collector reads until X answers 429 usage-capped, says "monthly cap reached; resets DATE"
 * (the date from X's usage endpoint, asked with the app's bearer token), makes no request until then, and after the
 * reset carries on where it stopped, every mention stored exactly once.
 */
class UsageCapTest {
    private static final Instant T0 = Instant.parse("2026-10-29T10:00:00Z");
    private static final Instant RESET = Instant.parse("2026-11-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private FakeXServer server;
    private Services services;

    @BeforeEach
    void open() {
        server = new FakeXServer(clock);
        server.usageNeedsAppOnly(true);
        services = TempDesk.open(TempDesk.newHome(), clock);
    }

    @AfterEach
    void close() {
        server.close();
        services.close();
    }

    private TwitterSource source(XSettings settings) {
        return new TwitterSource(settings, XClient.create(settings, clock, services.usageRecorder()),
                Duration.ofSeconds(10), new Random(7))
                .withCapReset(XUsage.capReset(settings, new AppOnlyToken(), () -> 15));
    }

    @Test
    void theCollectorStopsAtTheCapWithoutAskingAgainAndResumesAfterTheReset() throws Exception {
        server.monthlyCap(1_000, 1);
        server.burst(600, T0.plusSeconds(5), "before");
        server.burst(600, T0.plus(Duration.ofMinutes(20)), "storm");
        server.burst(50, RESET.plus(Duration.ofMinutes(10)), "after");
        XSettings settings = server.settings(ApiVersion.V2);
        TwitterSource source = source(settings);
        Instant end = RESET.plus(Duration.ofMinutes(30));
        long[] mentionCallsAtCap = {-1};
        StoreContext ctx = new StoreContext(services, source.key(), clock, c -> {
            // asked after every wait: the first time after the cap is right after the wait to the reset
            if (mentionCallsAtCap[0] < 0 && !c.inState(SourceStatus.State.USAGE_CAPPED).isEmpty()) {
                mentionCallsAtCap[0] = server.requestCount("/mentions");
                assertThat(clock.instant()).isAfterOrEqualTo(RESET);
            }
            return !clock.instant().isBefore(end);
        });
        source.run(ctx);

        // the cap: 1,000 posts served, then one refused call; the 200 the storm had left come after the reset
        assertThat(ctx.inState(SourceStatus.State.USAGE_CAPPED)).singleElement().satisfies(s -> {
            assertThat(s.detail()).isEqualTo("monthly cap reached; resets 2026-11-01 (UTC, X's reset day)");
            assertThat(s.until()).isEqualTo(RESET.plus(Pacer.MARGIN));
        });
        assertThat(server.cappedAnswers()).isEqualTo(1);
        assertThat(server.tooManyRequests()).isZero();
        // while capped: one wait to the reset, no request at all (the count was taken when the wait ended)
        assertThat(ctx.sleeps).anyMatch(d -> d.compareTo(Duration.ofDays(2)) > 0);
        assertThat(mentionCallsAtCap[0]).isPositive();
        assertThat(server.requestCount("/mentions")).isGreaterThan(mentionCallsAtCap[0]);
        assertThat(server.requestCount("POST /oauth2/token")).isEqualTo(1);

        // after the reset: everything, exactly once
        assertThat(ctx.storedTexts()).hasSize(1_250);
        assertThat(ctx.stored()).isEqualTo(1_250);
        assertThat(ctx.last().state()).isEqualTo(SourceStatus.State.LIVE);
        assertThat(services.usageStore().totals(LocalDate.of(2026, 10, 29), LocalDate.of(2026, 10, 30)))
                .containsEntry(UsageKind.READ, 1_000L);
        assertThat(services.usageStore().totals(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2)))
                .containsEntry(UsageKind.READ, 250L);
        // a new cycle on X's side too: the meter reads X's count of it
        UsageReport r = services.usageMeter().report(UsageSettings.DEFAULTS,
                XUsage.fetch(settings, clock, new AppOnlyToken()));
        assertThat(r.fromX()).isTrue();
        assertThat(r.periodStart()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(r.postsRead()).isEqualTo(250);
        assertThat(r.level()).isEqualTo(UsageReport.Level.OK);
    }

    @Test
    void withoutXsResetDayTheBillingDaySettingDatesTheWait() throws Exception {
        server.usageCapped(true);
        server.notEnrolled("usage"); // an access level without the usage endpoint
        XSettings settings = server.settings(ApiVersion.V2);
        TwitterSource source = source(settings);
        StoreContext ctx = new StoreContext(services, source.key(), clock,
                c -> !c.inState(SourceStatus.State.USAGE_CAPPED).isEmpty());
        source.run(ctx);
        assertThat(ctx.inState(SourceStatus.State.USAGE_CAPPED)).singleElement().satisfies(s -> {
            assertThat(s.detail()).isEqualTo("monthly cap reached; resets 2026-11-15 (UTC, your billing day)");
            assertThat(s.until()).isEqualTo(Instant.parse("2026-11-15T00:00:01Z"));
        });
        assertThat(server.cappedAnswers()).isEqualTo(1);
    }

    @Test
    void theMeterSaysTheCapIsReachedAndWhenItResets() throws Exception {
        server.monthlyCap(100, 1);
        server.burst(100, T0.minusSeconds(60), "read");
        XClient client = XClient.create(server.settings(ApiVersion.V2), clock, services.usageRecorder());
        XAccount me = client.verify();
        client.mentions(me, null, null);
        UsageReport r = services.usageMeter().report(UsageSettings.DEFAULTS,
                XUsage.fetch(server.settings(ApiVersion.V2), clock, new AppOnlyToken()));
        assertThat(r.capShare()).isEqualTo(1.0);
        assertThat(r.level()).isEqualTo(UsageReport.Level.OVER);
        assertThat(r.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 1));
        // X returned 100 posts and their authors (97 distinct in the fake) and the account on users/me
        assertThat(r.usersRead()).isEqualTo(98);
    }
}
