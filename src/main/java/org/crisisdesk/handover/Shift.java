package org.crisisdesk.handover;

import java.time.Duration;
import java.time.Instant;

/**
 * One manager's turn at the desk.
 *
 * @param endedAt         null while the shift is current
 * @param scheduledStart  planned start (e.g. from "09-18"), or null
 * @param scheduledEnd    planned end, or null
 * @param notes           the outgoing manager's free-text handover notes ("" when none)
 * @param acknowledgedBy  who said "I have the desk" after reviewing this shift, or null
 * @param boundaryEditedAt when a start or end was corrected after the fact, or null
 */
public record Shift(
        long id,
        String manager,
        Instant startedAt,
        Instant endedAt,
        Instant scheduledStart,
        Instant scheduledEnd,
        String notes,
        Instant notesUpdatedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant boundaryEditedAt) {

    public Shift {
        notes = notes == null ? "" : notes;
    }

    public boolean current() {
        return endedAt == null;
    }

    public boolean acknowledged() {
        return acknowledgedBy != null;
    }

    /** Length so far (to {@code now} while current). */
    public Duration length(Instant now) {
        return Duration.between(startedAt, endedAt != null ? endedAt : now);
    }
}
