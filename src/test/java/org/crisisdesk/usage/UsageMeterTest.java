package org.crisisdesk.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.crisisdesk.app.Services;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meter's month, cost, projection and warning levels over a real database (issue 23 item 6). */
class UsageMeterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T00:00:00Z"));
    private Services services;

    @BeforeEach
    void open() {
        services = TempDesk.open(TempDesk.newHome(), clock);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private UsageReport report(UsageSettings s) {
        return services.usageMeter().report(s, ProjectUsage.Result.none("not asked"));
    }

    @Test
    void costAndProjectionAtXsPublishedPrices() {
        services.usageStore().record(UsageKind.READ, 1_000);
        services.usageStore().record(UsageKind.CREATE, 10);
        services.usageStore().record(UsageKind.CREATE_URL, 5);
        UsageReport r = report(UsageSettings.DEFAULTS);
        assertThat(r.defaultRates()).isTrue();
        assertThat(r.fromX()).isFalse();
        assertThat(r.estimateReason()).isEqualTo("not asked");
        // 1,000 × 0.005 + 10 × 0.015 + 5 × 0.200
        assertThat(r.cost()).isEqualByComparingTo("6.15");
        assertThat(r.periodStart()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(r.periodEnd()).isEqualTo(LocalDate.of(2026, 12, 1));
        // 10 days of 30 gone: three times as much by the month's end
        assertThat(r.projectedCost()).isEqualByComparingTo("18.45");
        assertThat(r.projectedRead()).isEqualTo(3_000);
        assertThat(r.readToday()).isEqualTo(1_000);
        assertThat(r.createdToday()).isEqualTo(15);
        assertThat(r.level()).isEqualTo(UsageReport.Level.OK);
        assertThat(r.cap()).isZero();
        assertThat(r.capShare()).isNegative();
    }

    @Test
    void warnsAtTheChosenShareOfTheCapAndSaysOverAtTheCap() {
        UsageSettings s = UsageSettings.DEFAULTS.withMonthlyCap(1_000);
        services.usageStore().record(UsageKind.READ, 799);
        assertThat(report(s).level()).isEqualTo(UsageReport.Level.OK);
        services.usageStore().record(UsageKind.READ, 1);
        assertThat(report(s).level()).isEqualTo(UsageReport.Level.WARN);
        assertThat(report(s.withWarnAt(0.9)).level()).isEqualTo(UsageReport.Level.OK);
        services.usageStore().record(UsageKind.READ, 200);
        assertThat(report(s).level()).isEqualTo(UsageReport.Level.OVER);
    }

    @Test
    void warnsAtTheChosenShareOfTheBudgetAtTheRatesSet() {
        UsageSettings s = UsageSettings.DEFAULTS.withMonthlyBudget(new BigDecimal("10"))
                .withRates(new BigDecimal("0.01"), new BigDecimal("0.02"), new BigDecimal("0.50"));
        assertThat(s.defaultRates()).isFalse();
        services.usageStore().record(UsageKind.CREATE_URL, 15); // $7.50: 75%
        assertThat(report(s).level()).isEqualTo(UsageReport.Level.OK);
        services.usageStore().record(UsageKind.READ, 50); // $8.00: 80%
        UsageReport r = report(s);
        assertThat(r.level()).isEqualTo(UsageReport.Level.WARN);
        assertThat(r.budgetShare()).isEqualTo(0.8);
    }

    @Test
    void theMonthStartsOnTheBillingDayOrOnXsResetDay() {
        UsageSettings s = UsageSettings.DEFAULTS.withBillingDay(15);
        services.usageStore().record(UsageKind.READ, 10); // on 11-11: in the month that began on 10-15
        UsageReport r = report(s);
        assertThat(r.periodStart()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(r.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(r.postsRead()).isEqualTo(10);
        ProjectUsage x = new ProjectUsage(50L, 2_000_000L, 31, "p", null);
        UsageReport fromX = services.usageMeter().report(s, ProjectUsage.Result.of(x));
        // a reset day the month lacks is the month's last day
        assertThat(fromX.periodStart()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(fromX.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(fromX.postsRead()).isEqualTo(50);
        assertThat(fromX.readByDesk()).isEqualTo(10);
        assertThat(UsageMeter.periodStart(LocalDate.of(2027, 3, 10), 31)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void settingsAreStoredAndCheckedAndADamagedValueFallsBack() {
        UsageSettings s = UsageSettings.DEFAULTS.withMonthlyCap(10_000).withMonthlyBudget(new BigDecimal("200"))
                .withWarnAt(0.75).withBillingDay(3).withRates(new BigDecimal("0.004"), new BigDecimal("0.01"),
                        new BigDecimal("0.1"));
        s.save(services.settings());
        assertThat(UsageSettings.load(services.settings())).isEqualTo(s);
        services.settings().put(UsageSettings.WARN_AT, "lots");
        assertThat(UsageSettings.load(services.settings())).isEqualTo(UsageSettings.DEFAULTS);
        assertThatThrownBy(() -> s.withWarnAt(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withBillingDay(29)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withMonthlyCap(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkMakesACreateTheDearerKind() {
        assertThat(UsageKind.created("점검 완료")).isEqualTo(UsageKind.CREATE);
        assertThat(UsageKind.created("안내 https://x.co/a")).isEqualTo(UsageKind.CREATE_URL);
        assertThat(UsageKind.created("안내 WWW.example.com")).isEqualTo(UsageKind.CREATE_URL);
    }
}
