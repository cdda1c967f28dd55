package org.crisisdesk.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The usage meter at one moment, as the status bar, the settings and {@code crisisdesk usage} show it. Immutable.
 *
 * @param periodStart    first UTC day of the counting month
 * @param periodEnd      first UTC day after it
 * @param fromX          whether {@link #postsRead} is X's own count (usage endpoint) rather than the desk's estimate
 * @param estimateReason why X's count is missing (null when {@link #fromX})
 * @param postsRead      posts read this month: X's count for the project, else the desk's own
 * @param readByDesk     posts the desk itself counted as read this month
 * @param created        posts created this month without a link
 * @param createdWithUrl posts created this month with a link
 * @param readToday      posts the desk read today (UTC)
 * @param createdToday   posts the desk created today (UTC), with or without a link
 * @param cap            monthly cap of posts read (X's when it reports one), 0 for none
 * @param capFromX       whether {@link #cap} is X's project cap
 * @param cost           US dollars so far this month at the settings' rates
 * @param projectedCost  US dollars by the month's end at this month's pace
 * @param projectedRead  posts read by the month's end at this month's pace
 * @param budget         US dollars per month, 0 for none
 * @param defaultRates   whether the rates are X's published pay-per-use prices (not set by the person)
 * @param usersRead      user objects X returned this month (post authors), the desk's own count: X's usage endpoint
 *                       does not report them, so this part of {@link #cost} is always an estimate
 */
public record UsageReport(Instant asOf, LocalDate periodStart, LocalDate periodEnd, boolean fromX, String estimateReason,
        long postsRead, long readByDesk, long created, long createdWithUrl, long readToday, long createdToday, long cap,
        boolean capFromX, BigDecimal cost, BigDecimal projectedCost, long projectedRead, BigDecimal budget,
        double warnAt, boolean defaultRates, Level level, long usersRead) {

    /** How close the month is to its cap or budget. */
    public enum Level {
        OK,
        /** At or above the warning share of the cap or the budget. */
        WARN,
        /** The cap or the budget is used up. */
        OVER
    }

    /** Share of the cap used (0..), or -1 without a cap. */
    public double capShare() {
        return cap > 0 ? (double) postsRead / cap : -1;
    }

    /** Share of the budget spent (0..), or -1 without a budget. */
    public double budgetShare() {
        return budget.signum() > 0 ? cost.doubleValue() / budget.doubleValue() : -1;
    }
}
