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

    public static Filing unsorted(Mention mention) {
        return new Filing(mention, null, null, null, null, null);
    }
}
