package org.crisisdesk.alert;

import java.time.Instant;
import java.util.List;

/**
 * The result of one evaluation (or one action), handed to listeners as one batch.
 *
 * @param changes what changed, in order
 * @param shown active alerts plus recently closed ones, newest change first (what an alert list shows)
 */
public record AlertTick(Instant at, List<AlertChange> changes, List<Alert> shown) {
    public AlertTick {
        changes = List.copyOf(changes);
        shown = List.copyOf(shown);
    }
}
