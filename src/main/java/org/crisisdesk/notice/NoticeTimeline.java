package org.crisisdesk.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A category's posted notices in order (by as-of), with stage progress (1/4 → 2/4 → …) and whether each notice's
 * promises were kept. Drafts, queued and failed notices are not part of it: only what the public saw. Each entry names
 * its author and, when a second person approved it (issue 22), that approval; the notices a second person sent back
 * are listed apart ({@link #sentBack()}), since the public never saw them.
 *
 * <p>Definitions (a later notice counts at its as-of time, or its posting time when it has none):
 * <ul>
 *   <li><b>Next update</b> promised for T: KEPT when the next notice came by T + {@value #GRACE_MINUTES} minutes;
 *       MISSED when it came later or has not come and that time has passed; PENDING before that.
 *   <li><b>ETA</b> E: follow the later notices that came by E. A resolution among them (final step, n = m) means
 *       KEPT. One that gives a different ETA (or drops it) means REVISED: the team said so before the deadline, which
 *       is not a broken promise but is shown. Notices that repeat E carry it on. When E passes with neither, MISSED
 *       (a resolution after E is still a miss); before E, PENDING. A notice that is itself the resolution has no
 *       open ETA (NONE).
 * </ul>
 */
public record NoticeTimeline(List<Entry> entries, List<Decision> sentBack) {
    public static final long GRACE_MINUTES = 5;
    private static final Duration GRACE = Duration.ofMinutes(GRACE_MINUTES);

    public enum Promise {
        NONE,
        PENDING,
        KEPT,
        REVISED,
        MISSED
    }

    /**
     * @param stepBack the stage went back compared with the notice before (shown, not hidden)
     * @param approval the second person's approval of it, or null (posted without one)
     */
    public record Entry(StoredNotice notice, Promise eta, Promise nextUpdate, boolean stepBack,
            ApprovalStore.Event approval) {
        public Entry(StoredNotice notice, Promise eta, Promise nextUpdate, boolean stepBack) {
            this(notice, eta, nextUpdate, stepBack, null);
        }

        public Notice facts() {
            return notice.notice();
        }

        /** Who wrote and queued it, or null when not known (a notice from before people). */
        public String author() {
            return notice.author();
        }
    }

    /** A second person's decision on a notice: who, when and with what comment ({@link ApprovalStore.Event}). */
    public record Decision(StoredNotice notice, ApprovalStore.Event event) {}

    public NoticeTimeline(List<Entry> entries) {
        this(entries, List.of());
    }

    public static NoticeTimeline of(List<StoredNotice> notices, Instant now) {
        return of(notices, List.of(), now);
    }

    /**
     * @param steps the approval steps of these notices ({@link ApprovalStore#forCategory(long)}), in order: the last
     *              APPROVED one of a posted notice is its approval; the SENT_BACK ones make {@link #sentBack()}
     */
    public static NoticeTimeline of(List<StoredNotice> notices, List<ApprovalStore.Event> steps, Instant now) {
        java.util.Map<Long, ApprovalStore.Event> approved = new java.util.HashMap<>();
        java.util.Map<Long, StoredNotice> byId = new java.util.HashMap<>();
        notices.forEach(n -> byId.put(n.id(), n));
        List<Decision> back = new ArrayList<>();
        for (ApprovalStore.Event e : steps) {
            if (e.action() == ApprovalStore.Action.APPROVED) {
                approved.put(e.noticeId(), e);
            } else if (e.action() == ApprovalStore.Action.SENT_BACK && byId.containsKey(e.noticeId())) {
                back.add(new Decision(byId.get(e.noticeId()), e));
            }
        }
        List<StoredNotice> posted = new ArrayList<>(notices.stream()
                .filter(n -> n.state() == NoticeState.POSTED).toList());
        posted.sort(Comparator.comparing(NoticeTimeline::at).thenComparing(StoredNotice::id));
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < posted.size(); i++) {
            StoredNotice n = posted.get(i);
            List<StoredNotice> later = posted.subList(i + 1, posted.size());
            boolean stepBack = false;
            if (i > 0 && n.notice().stage() != null && posted.get(i - 1).notice().stage() != null) {
                stepBack = n.notice().stage().step() < posted.get(i - 1).notice().stage().step();
            }
            out.add(new Entry(n, eta(n, later, now), nextUpdate(n, later, now), stepBack, approved.get(n.id())));
        }
        return new NoticeTimeline(List.copyOf(out), List.copyOf(back));
    }

    static Promise nextUpdate(StoredNotice n, List<StoredNotice> later, Instant now) {
        Instant promised = n.notice().nextUpdate();
        if (promised == null) {
            return Promise.NONE;
        }
        Instant deadline = promised.plus(GRACE);
        if (!later.isEmpty()) {
            return at(later.get(0)).isAfter(deadline) ? Promise.MISSED : Promise.KEPT;
        }
        return now.isAfter(deadline) ? Promise.MISSED : Promise.PENDING;
    }

    static Promise eta(StoredNotice n, List<StoredNotice> later, Instant now) {
        Instant eta = n.notice().eta();
        if (eta == null || n.notice().resolved()) {
            return Promise.NONE;
        }
        for (StoredNotice k : later) {
            if (at(k).isAfter(eta)) {
                break;
            }
            if (k.notice().resolved()) {
                return Promise.KEPT;
            }
            if (!Objects.equals(k.notice().eta(), eta)) {
                return Promise.REVISED;
            }
        }
        return now.isAfter(eta) ? Promise.MISSED : Promise.PENDING;
    }

    private static Instant at(StoredNotice n) {
        if (n.notice().asOf() != null) {
            return n.notice().asOf();
        }
        return n.postedAt() != null ? n.postedAt() : n.createdAt();
    }

    public boolean isEmpty() {
        return entries.isEmpty(); // the posted notices; sentBack() is apart
    }

    public Entry latest() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }

    /** {@code "1/4 → 2/4 → 4/4"}; notices without a stage show as "–". */
    public String progress() {
        return String.join(" → ", entries.stream()
                .map(e -> e.facts().stage() == null ? "–" : e.facts().stage().fraction()).toList());
    }
}
