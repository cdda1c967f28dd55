package org.crisisdesk.alert;

import java.time.Instant;

/**
 * The last posted notice of a category, as the watch needs it.
 *
 * @param postedAt when it went out (the notice's posted_at, else its last update)
 * @param eta the ETA it promised, or null
 * @param nextUpdate the next-update time it promised, or null
 * @param closing whether it was the last stage (e.g. 4/4): the category's closure, after which nothing is due
 */
public record NoticeRef(long id, Long categoryId, Instant postedAt, Instant eta, Instant nextUpdate, boolean closing) {
    public NoticeRef(long id, Long categoryId, Instant postedAt, Instant eta, Instant nextUpdate) {
        this(id, categoryId, postedAt, eta, nextUpdate, false);
    }
}
