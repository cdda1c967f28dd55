package org.crisisdesk.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Turns the desk's own counts ({@link UsageStore}), X's usage answer (when the access level offers one) and the
 * person's {@link UsageSettings} into a {@link UsageReport}. Blocking (reads the database): never on the FX thread.
 *
 * <p>Posts read come from X's {@code project_usage} when X answered, else from the desk's own count, and the report
 * says which (an estimate: X deduplicates a post read twice on one UTC day, and other apps of the project count
 * too). Posts created and users read (the authors X returns with the posts) are always the desk's own count: X's usage
 * endpoint reports post reads only. The cost is therefore X's count where X gave one and the desk's for the rest. The month starts on
 * X's {@code cap_reset_day} when X reports one, else on the settings' billing day, in UTC.
 */
public final class UsageMeter {
    private final UsageStore store;
    private final Clock clock;

    public UsageMeter(UsageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public UsageReport report(UsageSettings settings, ProjectUsage.Result x) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        ProjectUsage px = x == null ? null : x.usage();
        int resetDay = px != null && px.capResetDay() != null && px.capResetDay() >= 1 && px.capResetDay() <= 31
                ? px.capResetDay() : settings.billingDay();
        LocalDate start = periodStart(today, resetDay);
        LocalDate next = start.plusMonths(1);
        LocalDate end = next.withDayOfMonth(Math.min(resetDay, next.lengthOfMonth()));
        Map<UsageKind, Long> month = store.totals(start, end);
        Map<UsageKind, Long> day = store.totals(today, today.plusDays(1));
        long readByDesk = month.get(UsageKind.READ);
        boolean fromX = px != null && px.projectUsage() != null;
        long read = fromX ? px.projectUsage() : readByDesk;
        long created = month.get(UsageKind.CREATE);
        long createdUrl = month.get(UsageKind.CREATE_URL);
        long usersRead = month.get(UsageKind.USER_READ);
        boolean capFromX = px != null && px.projectCap() != null && px.projectCap() > 0;
        long cap = capFromX ? px.projectCap() : settings.monthlyCap();

        BigDecimal cost = settings.readRate().multiply(BigDecimal.valueOf(read))
                .add(settings.createRate().multiply(BigDecimal.valueOf(created)))
                .add(settings.createUrlRate().multiply(BigDecimal.valueOf(createdUrl)))
                .add(settings.userReadRate().multiply(BigDecimal.valueOf(usersRead)))
                .setScale(2, RoundingMode.HALF_UP);
        // at this month's pace: what is used so far, stretched over the whole month (at least one day elapsed, so the
        // first hours of a month do not project a burst of reads into a fortune)
        double elapsed = Math.max(1.0, Duration.between(start.atStartOfDay(ZoneOffset.UTC).toInstant(), now)
                .toMinutes() / 1440.0);
        double total = Duration.between(start.atStartOfDay(), end.atStartOfDay()).toDays();
        double factor = Math.max(1.0, total / elapsed);
        BigDecimal projected = cost.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP);
        long projectedRead = Math.round(read * factor);

        double share = Math.max(cap > 0 ? (double) read / cap : 0,
                settings.monthlyBudget().signum() > 0 ? cost.doubleValue() / settings.monthlyBudget().doubleValue() : 0);
        UsageReport.Level level = share >= 1 ? UsageReport.Level.OVER
                : share >= settings.warnAt() ? UsageReport.Level.WARN : UsageReport.Level.OK;
        return new UsageReport(now, start, end, fromX, fromX ? null : (x == null ? null : x.why()), read, readByDesk,
                created, createdUrl, day.get(UsageKind.READ),
                day.get(UsageKind.CREATE) + day.get(UsageKind.CREATE_URL), cap, capFromX, cost, projected,
                projectedRead, settings.monthlyBudget(), settings.warnAt(), settings.defaultRates(), level, usersRead);
    }

    /** The first day after {@code today} that is the month's reset day (the last day in a shorter month): UTC days. */
    public static LocalDate nextReset(LocalDate today, int resetDay) {
        LocalDate next = periodStart(today, resetDay).plusMonths(1);
        return next.withDayOfMonth(Math.min(resetDay, next.lengthOfMonth()));
    }

    /** The latest day on or before {@code today} that is the month's reset day (the last day in a shorter month). */
    static LocalDate periodStart(LocalDate today, int resetDay) {
        LocalDate candidate = today.withDayOfMonth(Math.min(resetDay, today.lengthOfMonth()));
        if (candidate.isAfter(today)) {
            LocalDate prev = today.minusMonths(1);
            candidate = prev.withDayOfMonth(Math.min(resetDay, prev.lengthOfMonth()));
        }
        return candidate;
    }
}
