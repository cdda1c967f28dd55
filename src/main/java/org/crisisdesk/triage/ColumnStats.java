package org.crisisdesk.triage;

import java.time.Instant;

/**
 * The numbers a board column header shows.
 *
 * @param total          mentions in the column
 * @param sinceNotice    mentions created after the category's last posted notice (all of them when none)
 * @param lastNotice     when the last notice was posted, or null ({@code NoticeCountsStore})
 * @param perMinute      mentions created in each of the last 60 minutes, oldest first (index 59 is the current one)
 * @param notHandedOver  customer-centre cases not yet exported (0 for other columns)
 */
public record ColumnStats(long total, long sinceNotice, Instant lastNotice, int[] perMinute, long notHandedOver) {
    public static final int MINUTES = 60;

    public static ColumnStats empty() {
        return new ColumnStats(0, 0, null, new int[MINUTES], 0);
    }
}
