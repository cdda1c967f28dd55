package org.crisisdesk.handover;

import java.time.Duration;
import java.time.Instant;

/**
 * The stretch of time a handover report covers: {@code [from, to)}.
 *
 * @param shift the shift this window was taken from, or null for a window given by hand
 */
public record ReportWindow(Instant from, Instant to, Shift shift) {

    public ReportWindow {
        if (from == null || to == null) {
            throw new IllegalArgumentException("A report window needs a start and an end");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A report window must end after it starts");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(31)) > 0) {
            throw new IllegalArgumentException("A report window can cover at most 31 days");
        }
    }

    public static ReportWindow of(Instant from, Instant to) {
        return new ReportWindow(from, to, null);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The window of equal length just before this one, for "change against the previous shift". */
    public ReportWindow previous() {
        return new ReportWindow(from.minus(length()), from, null);
    }
}
