package org.crisisdesk.notice;

import java.time.Duration;
import java.time.Instant;

/**
 * What a board column says about notices: "last notice 14:00 (23 min ago), 41 new since".
 *
 * @param lastNoticeId the category's latest posted notice (by posting time), or null when none was posted
 * @param lastAsOf its as-of time (what its text says)
 * @param lastPostedAt when it was posted: the "last notice" time every place shows ({@link NoticeCountsStore})
 * @param newSince the category's mentions created since it was posted ({@link NoticeCountsStore})
 */
public record CoverageSummary(long categoryId, Long lastNoticeId, Instant lastAsOf, Instant lastPostedAt,
        long newSince) {

    public boolean hasNotice() {
        return lastNoticeId != null;
    }

    /** Minutes since the last notice was posted, or -1 without one. */
    public long minutesSince(Instant now) {
        return lastPostedAt == null ? -1 : Math.max(0, Duration.between(lastPostedAt, now).toMinutes());
    }
}
