package org.crisisdesk.mention;

import java.time.Instant;

/**
 * A mention as the store holds it, with its current place on the boards.
 *
 * @param pk                  the store's own key
 * @param categoryId          current category, null while Unsorted
 * @param assignedBy          MANUAL, ACCEPTED (accepted in bulk), AUTO or IMPORT; null while Unsorted
 * @param suggestedCategoryId the engine's suggestion while it was unsure, or null
 * @param handedOverAt        when it was exported to the customer centre, or null
 */
public record StoredMention(
        long pk,
        Mention mention,
        Instant receivedAt,
        Long categoryId,
        String assignedBy,
        Long suggestedCategoryId,
        Double suggestionConfidence,
        String suggestionReason,
        Instant handedOverAt) {

    public String platformId() {
        return mention.platformId();
    }

    public String text() {
        return mention.text();
    }

    public Instant createdAt() {
        return mention.createdAt();
    }

    public boolean unsorted() {
        return categoryId == null;
    }

    public StoredMention withCategory(Long newCategory, String by) {
        return new StoredMention(pk, mention, receivedAt, newCategory, by, suggestedCategoryId, suggestionConfidence,
                suggestionReason, handedOverAt);
    }
}
