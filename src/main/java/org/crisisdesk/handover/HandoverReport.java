package org.crisisdesk.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisdesk.notice.Stage;

/**
 * Everything the incoming manager needs to read at shift change, for one window. Immutable; built by
 * {@link HandoverReportBuilder}, drawn by the renderers and by the desk's review screen. Instants are UTC; the
 * renderers show them in the desk's zone.
 *
 * @param window       the time covered, {@code [from, to)}
 * @param asOf         the instant open items and ETA outcomes are judged at: {@code min(generatedAt, to)}
 * @param shift        the shift covering the window's end (its notes and acknowledgement), or null
 * @param shiftBefore  the shift before that one: its acknowledgement tells how {@code shift} began, or null
 * @param totals       per category with mentions in either window, in board order, Unsorted always last: this
 *                     window against {@code comparedWith}
 * @param comparedWith what the totals are compared with: the previous shift's window when this window is a stored
 *                     shift with an ended shift before it (its {@code shift()} is then that shift), else the window of
 *                     equal length just before (no shift)
 */
public record HandoverReport(
        ReportWindow window,
        Instant asOf,
        Instant generatedAt,
        Shift shift,
        Shift shiftBefore,
        Volume volume,
        List<CategoryTotal> totals,
        List<PostedNotice> notices,
        List<Promise> promised,
        OpenItems open,
        HandOffs handOffs,
        Themes themes,
        ReportWindow comparedWith,
        Owners owners,
        List<Decision> decisions) {

    /** A report without approval decisions (none in the window, or a desk without people). */
    public HandoverReport(ReportWindow window, Instant asOf, Instant generatedAt, Shift shift, Shift shiftBefore,
            Volume volume, List<CategoryTotal> totals, List<PostedNotice> notices, List<Promise> promised,
            OpenItems open, HandOffs handOffs, Themes themes, ReportWindow comparedWith, Owners owners) {
        this(window, asOf, generatedAt, shift, shiftBefore, volume, totals, notices, promised, open, handOffs, themes,
                comparedWith, owners, List.of());
    }

    /**
     * Issue 22: a second person's decision on a notice in the window: approved (it went out, or goes out) or sent back
     * to its author with a comment (never posted).
     *
     * @param author who wrote the notice, or null when not known
     * @param person who decided
     * @param text the notice's text (a sent-back one was never public)
     */
    public record Decision(long noticeId, CategoryRef category, boolean approved, String person, String comment,
            Instant at, String author, String text) {}

    /**
     * Issue 22: who owns which category at the report's making (live claims), and the busy categories (mentions in the
     * window) nobody owns, busiest first.
     */
    public record Owners(List<Owner> owned, List<CategoryTotal> unownedBusy) {
        public static final Owners NONE = new Owners(List.of(), List.of());
    }

    /** A claimed category: its claimant's name and handle, since when. */
    public record Owner(CategoryRef category, String person, String handle, Instant since) {}

    /** Whether the change is against the previous shift (else against the equal-length window before). */
    public boolean comparedWithShift() {
        return comparedWith.shift() != null;
    }

    /** A category as the report shows it; {@link #UNSORTED} stands for mentions with no category. */
    public record CategoryRef(Long id, String name, String color, boolean customerCentre, boolean archived) {
        public static final CategoryRef UNSORTED = new CategoryRef(null, "", "#868E96", false, false);

        public boolean unsorted() {
            return id == null;
        }
    }

    /** Mentions per category per bucket; {@code series} in board order, Unsorted last, only non-empty ones. */
    public record Volume(Duration bucket, List<Instant> bucketStarts, List<Series> series) {
        public long max() {
            long max = 0;
            for (int i = 0; i < bucketStarts.size(); i++) {
                long sum = 0;
                for (Series s : series) {
                    sum += s.counts()[i];
                }
                max = Math.max(max, sum);
            }
            return max;
        }
    }

    public record Series(CategoryRef category, long[] counts) {
        public long total() {
            long t = 0;
            for (long c : counts) {
                t += c;
            }
            return t;
        }
    }

    public record CategoryTotal(CategoryRef category, long count, long previous) {
        public long change() {
            return count - previous;
        }

        /** Percent change, or null when the previous window had none. */
        public Double changePercent() {
            return previous == 0 ? null : 100.0 * (count - previous) / previous;
        }
    }

    /**
     * Whether a notice's ETA was kept. KEPT: the next posted notice for the same category came at or before the ETA
     * and closed the category (last stage) or held the ETA (same or earlier); a closing notice (last stage) carrying an
     * ETA was itself posted by then. REVISED: that next notice came by the ETA but was not closing and moved the ETA
     * later or dropped it (said in time, yet not a kept promise; the composer's {@code NoticeTimeline} calls it REVISED
     * too). MISSED: the ETA passed (before {@code asOf}) with no such notice, or the next notice came only after it.
     * PENDING: the ETA is still ahead and nothing followed yet. NO_ETA: none promised.
     */
    public enum EtaOutcome {
        NO_ETA,
        KEPT,
        REVISED,
        MISSED,
        PENDING
    }

    /**
     * A notice posted in the window, with what became of its ETA.
     *
     * @param followUpAt the next notice of the category (the notice itself when closing), or null
     * @param revisedEta when REVISED, the ETA the next notice gave instead (null when it dropped the ETA)
     * @param author who wrote and queued it (issue 22), or null when not known
     * @param approvedBy the second person who approved it, or null (posted without approval)
     */
    public record PostedNotice(
            long id,
            Instant postedAt,
            CategoryRef category,
            String department,
            Integer stageStep,
            Integer stageTotal,
            String stageLabel,
            Instant eta,
            Instant nextUpdate,
            String text,
            EtaOutcome outcome,
            Instant followUpAt,
            Instant revisedEta,
            String author,
            String approvedBy) {

        /** A notice without a known author or approver. */
        public PostedNotice(long id, Instant postedAt, CategoryRef category, String department, Integer stageStep,
                Integer stageTotal, String stageLabel, Instant eta, Instant nextUpdate, String text,
                EtaOutcome outcome, Instant followUpAt, Instant revisedEta) {
            this(id, postedAt, category, department, stageStep, stageTotal, stageLabel, eta, nextUpdate, text, outcome,
                    followUpAt, revisedEta, null, null);
        }

        /** A notice at its last stage closes its category: it promises nothing further. */
        public boolean closing() {
            return Stage.closes(stageStep, stageTotal);
        }
    }

    public enum PromiseKind {
        ETA,
        NEXT_UPDATE
    }

    /** What the latest notice of a category promised: a resolution by {@code due} (ETA) or the next update. */
    public record Promise(CategoryRef category, PromiseKind kind, Instant due, long noticeId, Instant noticePostedAt,
            boolean overdue) {}

    /**
     * @param uncovered     topic categories with mentions newer than their last notice (oldest first)
     * @param overdue       promises missed in the window (their time passed before the next notice, also when a late
     *                      one followed) and earlier ones still without a notice ({@code notice.Promises})
     * @param nextUpdateDue the earliest next update still ahead, or null
     * @param alerts        alerts raised or acted on in the window, and those still OPEN or SNOOZED at asOf, oldest
     *                      first
     * @param unsorted      the Unsorted backlog
     */
    public record OpenItems(List<Uncovered> uncovered, List<Promise> overdue, Promise nextUpdateDue,
            List<ReportAlert> alerts, Backlog unsorted) {}

    /** Mentions of a category created after its last posted notice (all of them when it never had one). */
    public record Uncovered(CategoryRef category, long count, Instant oldest, Instant lastNoticeAt) {}

    /**
     * An alert of the report: raised in the window, acted on in it, or still open or snoozed at {@code asOf}; told from
     * its history ({@code alert_event}) as it stood at {@code asOf}.
     *
     * @param reason           the stored reason name ({@code Reason}, or an older name shown as is)
     * @param state            the state at {@code asOf}: the last event's by then, or the current one for an alert
     *                         stored without history
     * @param facts            the measures the words come from; {@code message} (English) only when there are none
     * @param snoozedUntil     while SNOOZED, when the snooze ends
     * @param resolvedByNotice when RESOLVED by a notice, its id
     * @param steps            what was done after the raise, up to {@code asOf}, oldest first
     * @param deliveries       messages to people away from the desk queued by {@code asOf}, oldest first
     */
    public record ReportAlert(long id, CategoryRef category, String reason, int level, String state,
            org.crisisdesk.alert.Facts facts, String message, Instant raisedAt, Instant snoozedUntil,
            Long resolvedByNotice, List<AlertStep> steps, List<ReportDelivery> deliveries) {
        public ReportAlert {
            deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
        }

        /** An alert of a report without deliveries (none configured). */
        public ReportAlert(long id, CategoryRef category, String reason, int level, String state,
                org.crisisdesk.alert.Facts facts, String message, Instant raisedAt, Instant snoozedUntil,
                Long resolvedByNotice, List<AlertStep> steps) {
            this(id, category, reason, level, state, facts, message, raisedAt, snoozedUntil, resolvedByNotice, steps,
                    List.of());
        }

        public boolean snoozeExpired(Instant at) {
            return "SNOOZED".equals(state) && snoozedUntil != null && !snoozedUntil.isAfter(at);
        }

        public boolean open() {
            return "OPEN".equals(state) || "SNOOZED".equals(state);
        }
    }

    /**
     * A message of the alert to people away from the desk, on one channel (issue 25), as it stands now.
     *
     * @param state QUEUED (also while waiting to retry), SENDING, SENT, FAILED or CANCELLED
     */
    public record ReportDelivery(String channel, int level, String state, int attempts, Instant createdAt,
            Instant sentAt, Instant nextAttemptAt, String failure) {}

    /** One line of an alert's history; {@code snoozedUntil} for a snooze (its length is in the event's detail). */
    public record AlertStep(org.crisisdesk.alert.AlertEvent event, Instant snoozedUntil) {}

    /** Unsorted mentions created before {@code asOf} ({@code total}, {@code oldest}) and in the window. */
    public record Backlog(long total, Instant oldest, long inWindow) {}

    /**
     * Mentions in the customer-centre category: filed there in the window, or still waiting for export.
     *
     * @param filedInWindow      filed into the customer centre during the window
     * @param exportedOfWindow   of those, exported by {@code asOf} ({@code mention.handed_over_at})
     * @param waiting            all customer-centre mentions not exported yet (any time)
     * @param items              the list, oldest filing first, at most {@link HandoverReportBuilder#MAX_HANDOFFS}
     * @param more               how many matched beyond the list
     * @param ticketsSent        of all listed cases (not only the shown ones), sent as helpdesk tickets (their state now, as the rows show it)
     * @param ticketsPending     of those, queued or failed (in the ticket queue, no ticket yet)
     * @param ticketsNotSent     of those, without a ticket (pending, or never queued)
     */
    public record HandOffs(long filedInWindow, long exportedOfWindow, long waiting, List<HandOff> items, long more,
            long ticketsSent, long ticketsPending, long ticketsNotSent) {
        public HandOffs(long filedInWindow, long exportedOfWindow, long waiting, List<HandOff> items, long more) {
            this(filedInWindow, exportedOfWindow, waiting, items, more, 0, 0, 0);
        }

        /** Whether cases go to a helpdesk as tickets at all here (some listed case was ever queued). */
        public boolean ticketsInUse() {
            return ticketsSent + ticketsPending > 0;
        }
    }

    /**
     * @param ticketState the case's place in the ticket queue (QUEUED, SENDING, SENT, FAILED), or null when it was
     *     never queued
     * @param ticket the helpdesk ticket number once SENT, else null
     */
    public record HandOff(long pk, String author, String authorName, String text, Instant createdAt, Instant filedAt,
            Instant handedOverAt, String ticketState, String ticket) {
        public HandOff(long pk, String author, String authorName, String text, Instant createdAt, Instant filedAt,
                Instant handedOverAt) {
            this(pk, author, authorName, text, createdAt, filedAt, handedOverAt, null, null);
        }

        public boolean exported() {
            return handedOverAt != null;
        }

        public boolean ticketSent() {
            return ticket != null;
        }
    }

    /**
     * Frequent words and phrases among the window's unsorted mentions.
     *
     * @param sampled how many unsorted mentions were read (the newest ones, at most the builder's cap)
     * @param ofTotal how many unsorted mentions the window holds
     */
    public record Themes(int sampled, long ofTotal, List<Theme> top) {}

    /** {@code count} is the number of mentions containing the term (each mention counts once). */
    public record Theme(String term, int count) {}

    /** The outgoing manager's notes, "" when none. */
    public String notes() {
        return shift == null ? "" : shift.notes();
    }

    public long totalMentions() {
        return totals.stream().mapToLong(CategoryTotal::count).sum();
    }

    public long previousTotalMentions() {
        return totals.stream().mapToLong(CategoryTotal::previous).sum();
    }
}
