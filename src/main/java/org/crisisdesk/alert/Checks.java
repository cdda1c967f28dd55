package org.crisisdesk.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules as pure functions of what the database counted and the time: no I/O, no clock of their own, so each
 * one is tested with plain numbers. Levels grow when a measure doubles (capped at {@link #MAX_LEVEL}), which is
 * what may re-raise an alert.
 */
public final class Checks {
    public static final int MAX_LEVEL = 3;

    private Checks() {}

    /** Level 1 from {@code threshold}, +1 each time the measure doubles, capped; 0 below the threshold. */
    static int doublingLevel(double measure, double threshold) {
        if (threshold <= 0 || measure < threshold) {
            return 0;
        }
        int level = 1;
        double next = threshold * 2;
        while (measure >= next && level < MAX_LEVEL) {
            level++;
            next *= 2;
        }
        return level;
    }

    /** The start of the volume window: W minutes back, but never before the last notice. */
    public static Instant volumeFrom(Instant now, RuleSettings.Volume rule, NoticeRef last) {
        Instant from = now.minus(rule.window());
        return last != null && last.postedAt().isAfter(from) ? last.postedAt() : from;
    }

    /** The spike's recent window starts {@code window} back, but never before the last notice. */
    public static Instant spikeRecentFrom(Instant now, RuleSettings.Spike rule, NoticeRef last) {
        Instant from = now.minus(rule.window());
        return last != null && last.postedAt().isAfter(from) ? last.postedAt() : from;
    }

    public static Window spikeBaseline(Instant now, RuleSettings.Spike rule) {
        Instant to = now.minus(rule.window());
        return new Window(to.minus(rule.baseline()), to);
    }

    public static Optional<Finding> volume(Activity a, RuleSettings.Volume rule, Instant now) {
        if (!rule.enabled()) {
            return Optional.empty();
        }
        int level = doublingLevel(a.volume(), rule.count());
        if (level == 0) {
            return Optional.empty();
        }
        long window = rule.window().toMinutes();
        Long ago = a.lastNotice() == null ? null : minutesBetween(a.lastNotice().postedAt(), now);
        Facts facts = Facts.of("count", a.volume(), "window", window, "threshold", rule.count(), "noticeAgo", ago,
                "notice", a.lastNotice() == null ? null : a.lastNotice().id());
        String msg = a.name() + ": " + a.volume() + " new in " + window + " min, "
                + (ago == null ? "no notice yet" : "last notice " + ago + " min ago");
        return Optional.of(new Finding(a.categoryId(), Reason.VOLUME, level, facts, msg));
    }

    public static Optional<Finding> cadence(Activity a, RuleSettings.Cadence rule, Instant now) {
        Duration every = rule.every();
        if (!rule.enabled() || every == null || a.lastNotice() == null || a.lastNotice().closing()) {
            // Before a category's first notice, Volume and Spike say when to speak; cadence starts with the thread
            // and ends with its closing notice (the last stage).
            return Optional.empty();
        }
        Instant due = a.lastNotice().postedAt().plus(every);
        long ago = minutesBetween(a.lastNotice().postedAt(), now);
        int level;
        String msg;
        if (!now.isBefore(due)) {
            // overdue by a whole interval more: a second notice missed, worth telling once more
            level = now.isBefore(due.plus(every)) ? 2 : 3;
            msg = a.name() + ": notice overdue by " + minutesBetween(due, now) + " min (every " + every.toMinutes()
                    + " min while " + rule.phase().name().toLowerCase(Locale.ROOT) + ", last notice " + ago + " min ago)";
        } else if (!now.isBefore(due.minus(rule.warn()))) {
            level = 1;
            msg = a.name() + ": notice due in " + minutesCeil(now, due) + " min (every " + every.toMinutes()
                    + " min while " + rule.phase().name().toLowerCase(Locale.ROOT) + ", last notice " + ago + " min ago)";
        } else {
            return Optional.empty();
        }
        Facts facts = Facts.of("phase", rule.phase().name(), "every", every.toMinutes(), "due", due,
                "noticeAgo", ago, "notice", a.lastNotice().id());
        return Optional.of(new Finding(a.categoryId(), Reason.CADENCE, level, facts, msg));
    }

    /** A promise of the last notice has passed; nothing is promised once the category is closed or closing. */
    public static Optional<Finding> eta(Activity a, RuleSettings.Eta rule, Phase phase, Instant now) {
        NoticeRef n = a.lastNotice();
        if (!rule.enabled() || n == null || n.closing() || phase == Phase.CLOSED) {
            return Optional.empty();
        }
        // The earliest promise that has passed; a later notice replaces the promises of older ones.
        String which = null;
        Instant promised = null;
        if (n.nextUpdate() != null && !now.isBefore(n.nextUpdate())) {
            which = "next_update";
            promised = n.nextUpdate();
        }
        if (n.eta() != null && !now.isBefore(n.eta()) && (promised == null || n.eta().isBefore(promised))) {
            which = "eta";
            promised = n.eta();
        }
        if (promised == null) {
            return Optional.empty();
        }
        long late = minutesBetween(promised, now);
        int level = now.isBefore(promised.plus(rule.escalateAfter())) ? 1 : 2;
        // people see the notice's ordinal in its category ("notice 2"), never the database id (NoticeCountsStore)
        Facts facts = Facts.of("promise", which, "promised", promised, "late", late, "notice", n.id(),
                "noticeNo", n.number());
        String msg = a.name() + ": " + ("eta".equals(which) ? "ETA" : "next update") + " promised in notice #"
                + n.number() + " passed " + late + " min ago without a new notice";
        return Optional.of(new Finding(a.categoryId(), Reason.ETA_MISSED, level, facts, msg));
    }

    public static Optional<Finding> spike(Activity a, RuleSettings.Spike rule, Instant now) {
        if (!rule.enabled()) {
            return Optional.empty();
        }
        // Without history before the baseline starts, every first burst would look like a spike.
        Instant baselineStart = now.minus(rule.window()).minus(rule.baseline());
        if (a.historyFrom() == null || a.historyFrom().isAfter(baselineStart)) {
            return Optional.empty();
        }
        double expected = a.baseline() * (double) rule.window().toSeconds() / rule.baseline().toSeconds();
        double threshold = Math.max(rule.minCount(), rule.factor() * expected);
        int level = doublingLevel(a.recent(), threshold);
        if (level == 0) {
            return Optional.empty();
        }
        long window = rule.window().toMinutes();
        String base = String.format(Locale.ROOT, "%.1f", expected);
        Facts facts = Facts.of("recent", a.recent(), "window", window, "baseline", base,
                "baselineMinutes", rule.baseline().toMinutes(), "factor", rule.factor());
        String msg = a.name() + ": " + a.recent() + " in the last " + window + " min, usually " + base
                + " (trailing " + rule.baseline().toMinutes() + " min)";
        return Optional.of(new Finding(a.categoryId(), Reason.SPIKE, level, facts, msg));
    }

    public static Optional<Finding> backlog(ActivityStore.Backlog b, RuleSettings.Backlog rule, Instant now) {
        if (!rule.enabled() || b.count() == 0) {
            return Optional.empty();
        }
        long ageMinutes = b.oldest() == null ? 0 : Math.max(0, minutesBetween(b.oldest(), now));
        // "More than N" and "older than M": level 1 just past the limit, +1 at each doubling.
        int byCount = b.count() > rule.count() ? doublingLevel(b.count(), rule.count()) : 0;
        long limit = rule.age().toMinutes();
        int byAge = ageMinutes > limit ? doublingLevel(ageMinutes, limit) : 0;
        int level = Math.max(byCount, byAge);
        if (level == 0) {
            return Optional.empty();
        }
        Facts facts = Facts.of("count", b.count(), "oldestMinutes", ageMinutes, "maxCount", rule.count(),
                "maxAge", limit);
        String msg = "Unsorted: " + b.count() + " waiting, oldest " + ageMinutes + " min";
        return Optional.of(new Finding(null, Reason.BACKLOG, level, facts, msg));
    }

    static long minutesBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes();
    }

    private static long minutesCeil(Instant from, Instant to) {
        long secs = Duration.between(from, to).toSeconds();
        return (secs + 59) / 60;
    }
}
