package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.crisisdesk.app.Services;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.usage.ProjectUsage;
import org.crisisdesk.usage.UsageKind;
import org.crisisdesk.usage.UsageReport;
import org.crisisdesk.usage.UsageSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The usage meter over real HTTP and a real database (issue 23 item 6): posts read counted as the collector stores
 * them, posts created counted as the outbox posts them (never in a drill), X's usage endpoint read through the same
 * twitter4j stack, and an estimate from the desk's own counts when X refuses it.
 */
class XUsageTest {
    private static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 10, 17);
    private final MutableClock clock = new MutableClock(T0);
    private FakeXServer server;
    private Services services;

    @BeforeEach
    void open() {
        server = new FakeXServer(clock);
        services = TempDesk.open(TempDesk.newHome(), clock);
    }

    @AfterEach
    void close() {
        server.close();
        services.close();
    }

    private Map<UsageKind, Long> today() {
        return services.usageStore().totals(DAY, DAY.plusDays(1));
    }

    @Test
    void everyPostTheCollectorReadsIsCountedOnceForTheDay() throws Exception {
        server.burst(250, T0.plusSeconds(5), "burst");
        XSettings settings = server.settings(ApiVersion.V2);
        TwitterSource source = new TwitterSource(settings, XClient.create(settings, clock, services.usageRecorder()),
                Duration.ofSeconds(10), new Random(3));
        Instant end = T0.plusSeconds(60);
        StoreContext ctx = new StoreContext(services, source.key(), clock, c -> !clock.instant().isBefore(end));
        source.run(ctx);

        assertThat(ctx.stored()).isEqualTo(250);
        // what X served in data is what the desk counted: the meter's estimate is X's own bill for these calls
        assertThat(server.postsServed()).isEqualTo(250);
        assertThat(today()).containsEntry(UsageKind.READ, 250L).containsEntry(UsageKind.CREATE, 0L);
    }

    @Test
    void postsCreatedAreCountedByKindAndAFailedPostIsNot() throws Exception {
        XPublisher p = XPublisher.create(server.settings(ApiVersion.V2), clock, services.usageRecorder());
        p.post("운영 공지: 점검이 끝났습니다", null);
        p.post("자세한 안내: https://status.example.com/notice/1", null);
        p.post("두 번째 안내 www.example.com", null);
        server.usageCapped(true);
        try {
            p.post("보내지지 않는 글", null);
        } catch (org.crisisdesk.notice.Publisher.PublishException expected) {
            // refused: X charges nothing for it, and neither does the meter
        }
        assertThat(today()).containsEntry(UsageKind.CREATE, 1L).containsEntry(UsageKind.CREATE_URL, 2L)
                .containsEntry(UsageKind.READ, 0L);
    }

    @Test
    void aDrillCountsNothingWhateverItPosts() throws Exception {
        Path home = TempDesk.newH2Home();
        try (Services drill = Services.openDrill(home, null, clock)) {
            assertThat(drill.publisher().post("훈련 공지 https://example.com", null).url())
                    .startsWith(org.crisisdesk.notice.DrillPublisher.URL_PREFIX);
            // even an X client handed the drill's recorder counts nothing
            XPublisher.create(server.settings(ApiVersion.V2), clock, drill.usageRecorder()).post("훈련", null);
            assertThat(drill.usageStore().totals(DAY, DAY.plusDays(1))).containsEntry(UsageKind.CREATE, 0L)
                    .containsEntry(UsageKind.CREATE_URL, 0L);
        }
    }

    @Test
    void theUsageEndpointIsReadThroughTheAdapter() throws Exception {
        server.burst(120, T0.plusSeconds(5), "read");
        server.usageProject(4_000, 10_000, 5);
        XSettings settings = server.settings(ApiVersion.V2);
        XClient client = XClient.create(settings, clock, services.usageRecorder());
        XAccount me = client.verify();
        clock.advance(Duration.ofSeconds(10));
        client.mentions(me, null, null);
        client.mentions(me, null, client.mentions(me, null, null).next());

        ProjectUsage u = client.usage(XUsage.DAYS);
        assertThat(u.projectUsage()).isEqualTo(4_000 + server.postsServed());
        assertThat(u.projectCap()).isEqualTo(10_000);
        assertThat(u.capResetDay()).isEqualTo(5);
        assertThat(u.projectId()).isEqualTo("1369785403853424");
        assertThat(u.daily()).containsEntry(DAY, server.postsServed()).hasSize(XUsage.DAYS);
        assertThat(server.requests()).anyMatch(r -> r.startsWith("GET /2/usage/tweets?")
                && r.contains("days=35") && r.contains("usage.fields="));
        assertThat(client.rate(XClient.Endpoint.USAGE).limit()).isEqualTo(50);

        UsageReport r = services.usageMeter().report(UsageSettings.DEFAULTS, XUsage.fetch(client));
        assertThat(r.fromX()).isTrue();
        // the first page was read twice: X bills it once on the same UTC day, and the desk counts it once
        assertThat(server.postsServed()).isEqualTo(120);
        assertThat(r.postsRead()).isEqualTo(4_000 + 120);
        assertThat(r.readByDesk()).isEqualTo(120);
        assertThat(r.cap()).isEqualTo(10_000);
        assertThat(r.capFromX()).isTrue();
        // X's cycle starts on its reset day (the 5th), not on the settings' billing day
        assertThat(r.periodStart()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(r.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 5));
        // 4,120 posts × $0.005 + the authors X returned with them (97 distinct) and the account × $0.010
        assertThat(r.usersRead()).isEqualTo(98);
        assertThat(r.cost()).isEqualByComparingTo(new BigDecimal("21.58"));
        assertThat(r.level()).isEqualTo(UsageReport.Level.OK);
    }

    @Test
    void whenXRefusesTheUsageEndpointTheMeterEstimatesAndSaysSo() throws Exception {
        server.usageNeedsAppOnly(true);
        XSettings settings = server.settings(ApiVersion.V2);
        XPublisher p = XPublisher.create(settings, clock, services.usageRecorder());
        for (int i = 0; i < 3; i++) {
            p.post("안내 " + i + " https://example.com/" + i, null);
        }
        services.usageStore().record(UsageKind.READ, 900);

        // the app's keys X will not make its bearer token from (a secret typed wrong)
        XCredentials c = settings.credentials();
        ProjectUsage.Result x = XUsage.fetch(settings.withCredentials(new XCredentials(c.consumerKey(),
                "not-the-secret", c.accessToken(), c.accessTokenSecret())), clock);
        assertThat(x.usage()).isNull();
        assertThat(x.why()).contains("403").contains("Unable to verify your credentials");
        UsageSettings s = UsageSettings.DEFAULTS.withMonthlyCap(1_000).withMonthlyBudget(new BigDecimal("10"));
        UsageReport r = services.usageMeter().report(s, x);
        assertThat(r.fromX()).isFalse();
        assertThat(r.estimateReason()).contains("403");
        assertThat(r.postsRead()).isEqualTo(900);
        assertThat(r.cap()).isEqualTo(1_000);
        assertThat(r.capFromX()).isFalse();
        assertThat(r.createdWithUrl()).isEqualTo(3);
        assertThat(r.cost()).isEqualByComparingTo(new BigDecimal("5.10")); // 900 × 0.005 + 3 × 0.200
        assertThat(r.level()).isEqualTo(UsageReport.Level.WARN); // 90% of the cap
    }

    @Test
    void anAccessLevelWithoutTheEndpointAndV11AreEstimatesToo() {
        server.notEnrolled("usage");
        ProjectUsage.Result v2 = XUsage.fetch(server.settings(ApiVersion.V2), clock);
        assertThat(v2.usage()).isNull();
        assertThat(v2.why()).contains("client-not-enrolled").contains("GET /2/usage/tweets");
        ProjectUsage.Result v1 = XUsage.fetch(server.settings(ApiVersion.V1_1), clock);
        assertThat(v1.usage()).isNull();
        assertThat(v1.why()).contains("v2");
        assertThat(XUsage.fetch(XSettings.of(XCredentials.NONE), clock).why()).contains("no X account");
    }

    @Test
    void theDaysAreCountedOnUtcDays() {
        clock.set(Instant.parse("2026-10-17T23:59:00Z"));
        services.usageStore().record(UsageKind.READ, 7);
        clock.set(Instant.parse("2026-10-18T00:01:00Z"));
        services.usageStore().record(UsageKind.READ, 5);
        services.usageStore().record(UsageKind.READ, 1);
        assertThat(services.usageStore().days(DAY, DAY.plusDays(2))).extracting(d -> d.day() + "=" + d.read())
                .containsExactly("2026-10-17=7", "2026-10-18=6");
        assertThat(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).isEqualTo(DAY.plusDays(1));
    }
}
