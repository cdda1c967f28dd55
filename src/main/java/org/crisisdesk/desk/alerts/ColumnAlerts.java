package org.crisisdesk.desk.alerts;

import java.util.List;
import org.crisisdesk.alert.Reason;

/**
 * What a board column shows of its alerts: how many are open or snoozed, the worst level among the open ones, and
 * their reasons. {@link #NONE} when the column has no active alert.
 */
public record ColumnAlerts(int open, int snoozed, int maxLevel, List<Reason> reasons) {
    public static final ColumnAlerts NONE = new ColumnAlerts(0, 0, 0, List.of());

    public ColumnAlerts {
        reasons = List.copyOf(reasons);
    }

    public boolean any() {
        return open + snoozed > 0;
    }
}
