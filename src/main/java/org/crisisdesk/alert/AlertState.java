package org.crisisdesk.alert;

/** Where an alert stands. Stored by name in {@code alert.state}. */
public enum AlertState {
    /** Raised and waiting for the manager. */
    OPEN,
    /** Silenced until {@code snoozed_until}; comes back then if the condition still holds. */
    SNOOZED,
    /**
     * The manager said "not now": stays quiet until the condition clears (a later return is a new alert), unless it
     * escalates past its level, which opens it again.
     */
    DISMISSED,
    /** Covered by a posted notice ({@code resolved_by_notice}) or the condition cleared by itself. */
    RESOLVED
}
