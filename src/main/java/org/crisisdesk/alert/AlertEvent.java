package org.crisisdesk.alert;

import java.time.Instant;

/**
 * One line of an alert's history: what happened, who did it, and whether the manager was told.
 *
 * @param actor {@link AlertService#WATCH} for the schedule, else the person who acted
 * @param noticeId the notice that resolved the alert (RESOLVED only)
 */
public record AlertEvent(long id, long alertId, EventKind kind, int level, AlertState state, String actor,
        String detail, Long noticeId, boolean notified, Instant at) {}
