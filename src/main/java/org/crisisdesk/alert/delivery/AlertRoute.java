package org.crisisdesk.alert.delivery;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * Who hears of an alert rule's alerts: its channels in escalation order, from which level, outside which quiet hours,
 * and how long an alert may stay unacknowledged before the next channel is told.
 *
 * @param reason the rule (VOLUME, CADENCE, ETA_MISSED, SPIKE, BACKLOG) or {@code *} for any rule without a route
 * @param quietFrom, quietTo local times in the desk's zone (e.g. 23:00-07:00); null for none. A level below
 *     {@code urgentLevel} raised in quiet hours is told when they end (if still unacknowledged)
 * @param escalateAfter null: no escalation
 */
public record AlertRoute(String reason, List<String> channels, int minLevel, LocalTime quietFrom, LocalTime quietTo,
        int urgentLevel, Duration escalateAfter) {

    public AlertRoute {
        channels = List.copyOf(channels);
    }

    public boolean quietAt(LocalTime t) {
        if (quietFrom == null || quietTo == null || quietFrom.equals(quietTo)) {
            return false;
        }
        return quietFrom.isBefore(quietTo) ? !t.isBefore(quietFrom) && t.isBefore(quietTo)
                : !t.isBefore(quietFrom) || t.isBefore(quietTo);
    }
}
