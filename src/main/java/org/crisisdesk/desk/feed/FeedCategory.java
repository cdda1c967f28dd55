package org.crisisdesk.desk.feed;

import org.crisisdesk.mention.MentionFilter;

/**
 * One entry of the feed's category choice: every mention, only Unsorted, or one category.
 *
 * @param categoryId the category, or null for {@link #ALL} and {@link #UNSORTED}
 */
public record FeedCategory(Long categoryId, boolean unsorted) {
    public static final FeedCategory ALL = new FeedCategory(null, false);
    public static final FeedCategory UNSORTED = new FeedCategory(null, true);

    public static FeedCategory of(long categoryId) {
        return new FeedCategory(categoryId, false);
    }

    /** {@code base} narrowed to this choice. */
    public MentionFilter apply(MentionFilter base) {
        return unsorted ? base.withUnsortedOnly(true) : base.withCategory(categoryId);
    }
}
