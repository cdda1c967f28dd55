package org.crisisdesk.triage;

/**
 * The triage engine's opinion of a new mention.
 *
 * @param categoryId best category, or null when nothing fits
 * @param confidence 0..1
 * @param reason     human-readable explanation ("matched: 배송, 지연")
 */
public record Suggestion(Long categoryId, double confidence, String reason) {
    public static final Suggestion NONE = new Suggestion(null, 0, null);
}
