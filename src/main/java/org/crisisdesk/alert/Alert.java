package org.crisisdesk.alert;

import java.time.Instant;

/**
 * One stored alert: a reason for one category (null: Unsorted), its level and where it stands.
 *
 * @param categoryName the category's name when stored (null for Unsorted)
 * @param message English sentence of the raise or the last escalation
 * @param facts the measures behind {@code message}
 * @param resolvedByNotice the notice that covered it, or null
 * @param quietSince since when the condition has been away (null while it holds)
 * @param clearedAt when the condition went away or a notice covered it; null while active
 */
public record Alert(long id, Long categoryId, String categoryName, Reason reason, AlertState state, int level,
        String message, Facts facts, Instant raisedAt, Instant updatedAt, Instant snoozedUntil,
        Long resolvedByNotice, Instant quietSince, Instant clearedAt) {

    /** Active alerts count for "one per category and reason": open, snoozed, or dismissed while the condition holds. */
    public boolean active() {
        return state == AlertState.OPEN || state == AlertState.SNOOZED
                || (state == AlertState.DISMISSED && clearedAt == null);
    }

    public Finding.Key key() {
        return new Finding.Key(categoryId, reason);
    }

    Alert with(AlertState newState, int newLevel, String newMessage, Facts newFacts, Instant now) {
        return new Alert(id, categoryId, categoryName, reason, newState, newLevel, newMessage, newFacts, raisedAt, now,
                snoozedUntil, resolvedByNotice, quietSince, clearedAt);
    }

    Alert withState(AlertState newState, Instant now) {
        return with(newState, level, message, facts, now);
    }

    Alert withSnoozedUntil(Instant until) {
        return new Alert(id, categoryId, categoryName, reason, state, level, message, facts, raisedAt, updatedAt, until,
                resolvedByNotice, quietSince, clearedAt);
    }

    Alert withQuietSince(Instant since) {
        return new Alert(id, categoryId, categoryName, reason, state, level, message, facts, raisedAt, updatedAt,
                snoozedUntil, resolvedByNotice, since, clearedAt);
    }

    Alert closed(Long byNotice, Instant at) {
        return new Alert(id, categoryId, categoryName, reason, state, level, message, facts, raisedAt, at,
                snoozedUntil, byNotice, null, at);
    }
}
