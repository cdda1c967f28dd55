package org.crisisdesk.mention;

/**
 * A mention on its way into the store, with where the pipeline decided to file it.
 *
 * @param categoryId          the category it is filed into, or null for Unsorted
 * @param assignedBy          AUTO (engine was confident) or IMPORT (the line named it); null when Unsorted
 * @param suggestedCategoryId the engine's best guess when it was not confident enough to file, or null
 */
public record Filing(
        Mention mention,
        Long categoryId,
        String assignedBy,
        Long suggestedCategoryId,
        Double confidence,
        String reason) {

    /** The column's size: a longer derived reason (a regex matched a whole long post) is cut, never fails the row. */
    public static final int MAX_REASON = 1000;

    public Filing {
        if (reason != null && reason.length() > MAX_REASON) {
            int cut = MAX_REASON - 1;
            if (Character.isHighSurrogate(reason.charAt(cut - 1))) {
                cut--;
            }
            reason = reason.substring(0, cut) + "…";
        }
    }

    public static Filing unsorted(Mention mention) {
        return new Filing(mention, null, null, null, null, null);
    }
}
