package org.crisisdesk.alert;

import java.time.Instant;

/** A stretch of time, open at the start and closed at the end: {@code (from, to]}. */
public record Window(Instant from, Instant to) {
    public Window {
        if (from.isAfter(to)) {
            from = to;
        }
    }
}
