package org.crisisdesk.alert.delivery;

import java.time.Instant;

/** One message of one alert level on one channel ({@code alert_delivery}). */
public record Delivery(long id, long alertId, int level, String channel, int step, String state, int attempts,
        String subject, String body, String failure, Instant nextAttemptAt, Instant createdAt, Instant sentAt) {
    public boolean sent() {
        return "SENT".equals(state);
    }
}
