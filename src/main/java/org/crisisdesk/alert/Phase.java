package org.crisisdesk.alert;

/**
 * Where a category's incident stands, which sets how often a notice is due (incident practice: about every 30 min
 * while investigating, every 60 once the cause is known). CLOSED stops the cadence.
 */
public enum Phase {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    CLOSED
}
