package org.crisisdesk.alert;

/** One line of an alert's history ({@code alert_event.kind}). */
public enum EventKind {
    RAISED(true),
    ESCALATED(true),
    SNOOZED(false),
    /** A snooze ran out while the condition still held. */
    REOPENED(true),
    DISMISSED(false),
    /** A posted notice covered the alert. */
    RESOLVED(false),
    /** The condition went away by itself (after the quiet hold). */
    CLEARED(false);

    private final boolean notifies;

    EventKind(boolean notifies) {
        this.notifies = notifies;
    }

    /** Whether this event tells the manager (a notification on the desk). */
    public boolean notifies() {
        return notifies;
    }
}
