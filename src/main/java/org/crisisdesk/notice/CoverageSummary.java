package org.crisisdesk.notice;

import java.time.Duration;
import java.time.Instant;

/**
 * What a board column says about notices: "last notice 14:00 (23 min ago), 41 new since".
 *
 * @param lastNoticeId the category's latest posted notice (by as-of), or null when none was posted
 * @param lastAsOf its as-of time
 * @param newSince the category's mentions that no posted notice of this category covers yet
 */
public record CoverageSummary(long categoryId, Long lastNoticeId, Instant lastAsOf, Instant lastPostedAt,
        long newSince) {

    public boolean hasNotice() {
        return lastNoticeId != null;
    }

    /** Minutes since the last notice's as-of, or -1 without one. */
    public long minutesSince(Instant now) {
        return lastAsOf == null ? -1 : Math.max(0, Duration.between(lastAsOf, now).toMinutes());
    }
}
