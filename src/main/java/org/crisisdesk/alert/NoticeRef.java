package org.crisisdesk.alert;

import java.time.Instant;

/**
 * The last posted notice of a category, as the watch needs it.
 *
 * @param postedAt when it went out (the notice's posted_at, else its last update)
 * @param eta the ETA it promised, or null
 * @param nextUpdate the next-update time it promised, or null
 * @param closing whether it was the last stage (e.g. 4/4): the category's closure, after which nothing is due
 * @param ordinal its place among the category's posted notices ("notice 2"), 0 when not known
 *     ({@link org.crisisdesk.notice.NoticeCountsStore})
 */
public record NoticeRef(long id, Long categoryId, Instant postedAt, Instant eta, Instant nextUpdate, boolean closing,
        int ordinal) {
    public NoticeRef(long id, Long categoryId, Instant postedAt, Instant eta, Instant nextUpdate) {
        this(id, categoryId, postedAt, eta, nextUpdate, false, 0);
    }

    public NoticeRef(long id, Long categoryId, Instant postedAt, Instant eta, Instant nextUpdate, boolean closing) {
        this(id, categoryId, postedAt, eta, nextUpdate, closing, 0);
    }

    /** How people name it: its ordinal in the category, or the id when that is not known. */
    public long number() {
        return ordinal > 0 ? ordinal : id;
    }
}
