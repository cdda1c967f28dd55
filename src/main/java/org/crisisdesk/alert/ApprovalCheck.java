package org.crisisdesk.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.notice.ApprovalStore;

/**
 * Issue 22: a notice waiting for a second person's approval for more than {@link ApprovalStore#ALERT_AFTER} raises
 * an alert on its category (one per category: the notice that has waited longest). Posting the notice resolves it as
 * any notice does; a notice sent back lets it clear.
 */
public final class ApprovalCheck {
    private ApprovalCheck() {}

    public static List<Finding> findings(ApprovalStore approvals, Instant now) {
        Map<Long, ApprovalStore.Waiting> oldest = new LinkedHashMap<>();
        for (ApprovalStore.Waiting w : approvals.overdue(now)) {
            Long cat = w.notice().notice().categoryId();
            if (cat != null) {
                oldest.putIfAbsent(cat, w); // waiting() is oldest first
            }
        }
        List<Finding> out = new ArrayList<>();
        oldest.forEach((cat, w) -> {
            long minutes = Duration.between(w.since(), now).toMinutes();
            String author = w.author() == null ? "?" : w.author();
            out.add(new Finding(cat, Reason.APPROVAL, 1, Facts.of("notice", w.notice().id(), "author", author,
                    "minutes", minutes), "Notice #" + w.notice().id() + " by " + author + " has waited " + minutes
                    + " min for approval"));
        });
        return out;
    }
}
