package org.crisisdesk.alert;

/** Why the desk raises an alert. Stored by name in {@code alert.reason}. */
public enum Reason {
    /** N new mentions in W minutes since the category's last notice. */
    VOLUME,
    /** A notice is due (level 1) or overdue (level 2) by the category's cadence. */
    CADENCE,
    /** The ETA or next-update time promised in the last notice has passed without a new notice. */
    ETA_MISSED,
    /** The category's recent rate is well above its own trailing baseline. */
    SPIKE,
    /** Unsorted holds too many mentions, or its oldest waits too long (category is null). */
    BACKLOG,
    /** A notice of the category has waited for a second person's approval too long (issue 22). */
    APPROVAL;

    /** BACKLOG belongs to the Unsorted column; every other reason to one category. */
    public boolean perCategory() {
        return this != BACKLOG;
    }
}
