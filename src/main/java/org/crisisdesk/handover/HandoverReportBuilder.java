package org.crisisdesk.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crisisdesk.handover.HandoverReport.Backlog;
import org.crisisdesk.handover.HandoverReport.CategoryRef;
import org.crisisdesk.handover.HandoverReport.CategoryTotal;
import org.crisisdesk.handover.HandoverReport.EtaOutcome;
import org.crisisdesk.handover.HandoverReport.HandOff;
import org.crisisdesk.handover.HandoverReport.HandOffs;
import org.crisisdesk.alert.AlertEvent;
import org.crisisdesk.alert.AlertStore;
import org.crisisdesk.alert.EventKind;
import org.crisisdesk.alert.Facts;
import org.crisisdesk.handover.HandoverReport.AlertStep;
import org.crisisdesk.handover.HandoverReport.ReportAlert;
import org.crisisdesk.handover.HandoverReport.OpenItems;
import org.crisisdesk.handover.HandoverReport.PostedNotice;
import org.crisisdesk.handover.HandoverReport.Promise;
import org.crisisdesk.handover.HandoverReport.PromiseKind;
import org.crisisdesk.handover.HandoverReport.Series;
import org.crisisdesk.handover.HandoverReport.Themes;
import org.crisisdesk.handover.HandoverReport.Uncovered;
import org.crisisdesk.handover.HandoverReport.Volume;
import org.crisisdesk.handover.HandoverStore.AlertRow;
import org.crisisdesk.handover.HandoverStore.CountOldest;
import org.crisisdesk.handover.HandoverStore.NoticeRow;
import org.crisisdesk.notice.Stage;

/**
 * Builds a {@link HandoverReport} for a window from SQL aggregates (see {@link HandoverStore}). Open items and ETA
 * outcomes are judged at {@code asOf = min(now, window end)}, so a report for a past shift shows what was open when it
 * ended; alerts are told from their history up to then. Thread-safe; blocking (run it off the FX
 * thread).
 */
public final class HandoverReportBuilder {
    /** Unsorted mentions read for themes (the newest of the window). */
    public static final int THEME_SAMPLE = 3_000;
    public static final int TOP_THEMES = 10;
    public static final int MAX_HANDOFFS = 200;
    /** Bucket sizes to choose from, in minutes; the smallest that gives at most {@link #MAX_BUCKETS} buckets wins. */
    private static final int[] BUCKET_MINUTES = {5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};
    public static final int MAX_BUCKETS = 30;

    private final HandoverStore store;
    private final AlertStore alertStore;
    private final ShiftService shifts;
    private final Clock clock;

    /** An alert's deliveries to people away from the desk (issue 25); none until {@link #setDeliveries}. */
    private volatile java.util.function.Function<Long, List<HandoverReport.ReportDelivery>> deliveries =
            id -> List.of();

    /** Where the report reads each alert's e-mail and webhook deliveries from. */
    public void setDeliveries(java.util.function.Function<Long, List<HandoverReport.ReportDelivery>> reader) {
        this.deliveries = reader == null ? id -> List.of() : reader;
    }

    public HandoverReportBuilder(HandoverStore store, AlertStore alertStore, ShiftService shifts, Clock clock) {
        this.store = store;
        this.alertStore = alertStore;
        this.shifts = shifts;
        this.clock = clock;
    }

    /** The report for the shift just ending ({@link ShiftService#defaultWindow()}). */
    public HandoverReport build() {
        return build(shifts.defaultWindow(), p -> {});
    }

    public HandoverReport build(ReportWindow window) {
        return build(window, p -> {});
    }

    /** @param progress receives 0..1 as the parts are done (on the calling thread) */
    public HandoverReport build(ReportWindow window, Consumer<Double> progress) {
        Instant now = clock.instant();
        Instant asOf = window.to().isBefore(now) ? window.to() : now;
        List<CategoryRef> categories = store.categories();
        Map<Long, CategoryRef> byId = new HashMap<>();
        categories.forEach(c -> byId.put(c.id(), c));

        Shift shift = window.shift() != null ? shifts.find(window.shift().id()).orElse(window.shift())
                : shifts.covering(window.to()).orElse(null);
        Shift before = shift == null ? null : shifts.before(shift).orElse(null);
        progress.accept(0.05);

        Volume volume = volume(window, categories);
        progress.accept(0.35);
        ReportWindow comparedWith = comparison(window, before);
        List<CategoryTotal> totals = totals(comparedWith, volume, categories);
        progress.accept(0.5);

        List<NoticeRow> posted = store.postedBetween(window.from(), asOf);
        List<NoticeRow> latest = store.latestPerCategory(asOf);
        List<PostedNotice> notices = notices(posted, window, asOf, byId);
        List<Promise> promises = promises(latest, asOf, byId);
        progress.accept(0.6);

        List<Promise> overdue = overdue(store.postedBetween(java.time.Instant.EPOCH, asOf), window, asOf, byId);
        OpenItems open = openItems(latest, promises, overdue, categories, byId, window, asOf, volume);
        progress.accept(0.75);
        HandOffs handOffs = handOffs(categories, window, asOf);
        progress.accept(0.85);
        Themes themes = themes(window, volume);
        progress.accept(1.0);

        List<Promise> upcoming = promises.stream().filter(p -> !p.overdue()).toList();
        return new HandoverReport(window, asOf, now, shift, before, volume, totals, notices, upcoming, open, handOffs,
                themes, comparedWith, owners(totals, categories), decisions(window, asOf, byId));
    }

    /** Issue 22: the approvals and sendings back decided in the window (up to {@code asOf}), in order. */
    private List<HandoverReport.Decision> decisions(ReportWindow window, Instant asOf, Map<Long, CategoryRef> byId) {
        Instant until = asOf.isBefore(window.to()) ? asOf.plusNanos(1) : window.to();
        List<HandoverReport.Decision> out = new ArrayList<>();
        for (HandoverStore.DecisionRow d : store.decisionsBetween(window.from(), until)) {
            out.add(new HandoverReport.Decision(d.noticeId(), ref(d.categoryId(), byId), "APPROVED".equals(d.action()),
                    d.person(), d.comment(), d.at(), d.author(), d.text()));
        }
        return List.copyOf(out);
    }

    private java.util.function.Supplier<Map<Long, org.crisisdesk.people.ClaimStore.Claim>> claims = Map::of;

    /** Issue 22: where the live category claims come from (the team's claim store); none by default. */
    public void setClaims(java.util.function.Supplier<Map<Long, org.crisisdesk.people.ClaimStore.Claim>> source) {
        this.claims = source;
    }

    /** Owners in board order; the categories with mentions in the window that nobody owns, busiest first. */
    private HandoverReport.Owners owners(List<CategoryTotal> totals, List<CategoryRef> categories) {
        Map<Long, org.crisisdesk.people.ClaimStore.Claim> live;
        try {
            live = claims.get();
        } catch (RuntimeException e) {
            live = Map.of(); // a report is still worth having without the owners
        }
        List<HandoverReport.Owner> owned = new ArrayList<>();
        for (CategoryRef c : boardOrder(categories)) {
            org.crisisdesk.people.ClaimStore.Claim k = c.id() == null ? null : live.get(c.id());
            if (k != null) {
                owned.add(new HandoverReport.Owner(c, k.person(), k.handle(), k.claimedAt()));
            }
        }
        Map<Long, org.crisisdesk.people.ClaimStore.Claim> held = live;
        List<CategoryTotal> unowned = totals.stream()
                .filter(t -> t.count() > 0 && t.category().id() != null && !t.category().customerCentre()
                        && !held.containsKey(t.category().id()))
                .sorted(java.util.Comparator.comparingLong(CategoryTotal::count).reversed()).toList();
        return new HandoverReport.Owners(List.copyOf(owned), unowned);
    }

    /**
     * "Against the previous shift" means that shift when the window is a stored shift with an ended one before it
     * (shifts differ in length: a 3-hour evening after a 9-hour day); otherwise the equal-length window before.
     */
    static ReportWindow comparison(ReportWindow window, Shift before) {
        if (window.shift() != null && before != null && before.endedAt() != null) {
            try {
                return new ReportWindow(before.startedAt(), before.endedAt(), before);
            } catch (IllegalArgumentException e) {
                // an empty or overlong shift before: compare with the equal-length window instead
            }
        }
        return window.previous();
    }

    static Duration bucketFor(Duration length) {
        for (int m : BUCKET_MINUTES) {
            if (length.toSeconds() <= (long) m * 60 * MAX_BUCKETS) {
                return Duration.ofMinutes(m);
            }
        }
        return Duration.ofMinutes(BUCKET_MINUTES[BUCKET_MINUTES.length - 1]);
    }

    private Volume volume(ReportWindow window, List<CategoryRef> categories) {
        Duration bucket = bucketFor(window.length());
        int n = (int) Math.max(1, (window.length().toSeconds() + bucket.toSeconds() - 1) / bucket.toSeconds());
        List<Instant> starts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            starts.add(window.from().plus(bucket.multipliedBy(i)));
        }
        List<Long> ids = new ArrayList<>();
        categories.forEach(c -> ids.add(c.id()));
        ids.add(null);
        Map<Long, Long> totals = store.totals(ids, window.from(), window.to());
        Map<Long, long[]> counts = store.bucketCounts(new ArrayList<>(totals.keySet()), starts, window.to());
        List<Series> series = new ArrayList<>();
        for (CategoryRef c : boardOrder(categories)) {
            long[] cs = counts.get(c.id());
            if (cs != null) {
                series.add(new Series(c, cs));
            }
        }
        if (counts.containsKey(null)) {
            series.add(new Series(CategoryRef.UNSORTED, counts.get(null)));
        }
        return new Volume(bucket, List.copyOf(starts), List.copyOf(series));
    }

    /** Topic categories by position, then the customer centre (as on the boards); Unsorted is added by callers. */
    private static List<CategoryRef> boardOrder(List<CategoryRef> categories) {
        List<CategoryRef> out = new ArrayList<>(categories.stream().filter(c -> !c.customerCentre()).toList());
        out.addAll(categories.stream().filter(CategoryRef::customerCentre).toList());
        return out;
    }

    private List<CategoryTotal> totals(ReportWindow prev, Volume volume, List<CategoryRef> categories) {
        List<Long> ids = new ArrayList<>();
        categories.forEach(c -> ids.add(c.id()));
        ids.add(null);
        Map<Long, Long> before = store.totals(ids, prev.from(), prev.to());
        Map<Long, Long> now = new HashMap<>();
        volume.series().forEach(s -> now.put(s.category().id(), s.total()));
        List<CategoryTotal> out = new ArrayList<>();
        for (CategoryRef c : boardOrder(categories)) {
            long a = now.getOrDefault(c.id(), 0L);
            long b = before.getOrDefault(c.id(), 0L);
            if (a > 0 || b > 0) {
                out.add(new CategoryTotal(c, a, b)); // categories quiet in both windows are left out
            }
        }
        out.add(new CategoryTotal(CategoryRef.UNSORTED, now.getOrDefault(null, 0L), before.getOrDefault(null, 0L)));
        return List.copyOf(out);
    }

    /** Notices posted in the window with their ETA outcome (see {@link EtaOutcome}). */
    private static List<PostedNotice> notices(List<NoticeRow> posted, ReportWindow window, Instant asOf,
            Map<Long, CategoryRef> byId) {
        List<PostedNotice> out = new ArrayList<>();
        for (int i = 0; i < posted.size(); i++) {
            NoticeRow n = posted.get(i);
            if (!n.postedAt().isBefore(window.to())) {
                continue;
            }
            NoticeRow next = null;
            for (int j = i + 1; j < posted.size(); j++) {
                if (Objects.equals(posted.get(j).categoryId(), n.categoryId())) {
                    next = posted.get(j);
                    break;
                }
            }
            boolean closing = closing(n);
            // A closing notice is itself the category's closure: its ETA was kept when it came in time.
            Instant followUp = closing ? n.postedAt() : next == null ? null : next.postedAt();
            EtaOutcome outcome = closing || next == null ? outcome(n.eta(), followUp, asOf)
                    : outcome(n.eta(), next.postedAt(), closing(next), next.eta(), asOf);
            out.add(new PostedNotice(n.id(), n.postedAt(), ref(n.categoryId(), byId), n.department(), n.stageStep(),
                    n.stageTotal(), n.stageLabel(), n.eta(), n.nextUpdate(), n.text(), outcome, followUp,
                    outcome == EtaOutcome.REVISED ? next.eta() : null, n.author(), n.approvedBy()));
        }
        return List.copyOf(out);
    }

    /**
     * With the next notice known: in time and closing or holding the ETA is KEPT; in time but pushing the ETA later
     * (or dropping it) without closing is REVISED, as in the composer's notice timeline; late is MISSED.
     */
    static EtaOutcome outcome(Instant eta, Instant nextAt, boolean nextCloses, Instant nextEta, Instant asOf) {
        EtaOutcome o = outcome(eta, nextAt, asOf);
        if (o == EtaOutcome.KEPT && !nextCloses && (nextEta == null || nextEta.isAfter(eta))) {
            return EtaOutcome.REVISED;
        }
        return o;
    }

    static EtaOutcome outcome(Instant eta, Instant followUp, Instant asOf) {
        if (eta == null) {
            return EtaOutcome.NO_ETA;
        }
        if (followUp != null) {
            return followUp.isAfter(eta) ? EtaOutcome.MISSED : EtaOutcome.KEPT;
        }
        return eta.isBefore(asOf) ? EtaOutcome.MISSED : EtaOutcome.PENDING;
    }

    /** What the latest notice of each category still promises (none after a closing notice). */
    private static List<Promise> promises(List<NoticeRow> latest, Instant asOf, Map<Long, CategoryRef> byId) {
        List<Promise> out = new ArrayList<>();
        for (NoticeRow n : latest) {
            if (closing(n)) {
                continue;
            }
            CategoryRef c = ref(n.categoryId(), byId);
            if (n.eta() != null) {
                out.add(new Promise(c, PromiseKind.ETA, n.eta(), n.id(), n.postedAt(), n.eta().isBefore(asOf)));
            }
            if (n.nextUpdate() != null) {
                out.add(new Promise(c, PromiseKind.NEXT_UPDATE, n.nextUpdate(), n.id(), n.postedAt(),
                        n.nextUpdate().isBefore(asOf)));
            }
        }
        out.sort(Comparator.comparing(Promise::due));
        return out;
    }

    private static boolean closing(NoticeRow n) {
        return Stage.closes(n.stageStep(), n.stageTotal());
    }

    /**
     * The overdue promises ({@link org.crisisdesk.notice.Promises}, one definition): missed in the window, or missed
     * earlier and still without a notice.
     */
    static List<Promise> overdue(List<NoticeRow> posted, ReportWindow window, Instant asOf,
            Map<Long, CategoryRef> byId) {
        List<org.crisisdesk.notice.Promises.Made> made = posted.stream().map(n -> new org.crisisdesk.notice.Promises.Made(
                n.id(), n.categoryId(), n.postedAt(), n.eta(), n.nextUpdate(), closing(n))).toList();
        List<Promise> out = new ArrayList<>();
        for (var m : org.crisisdesk.notice.Promises.missed(made, asOf)) {
            if (m.open() || !m.due().isBefore(window.from())) {
                out.add(new Promise(ref(m.notice().categoryId(), byId), m.kind() == org.crisisdesk.notice.Promises.Kind.ETA
                        ? PromiseKind.ETA : PromiseKind.NEXT_UPDATE, m.due(), m.notice().noticeId(),
                        m.notice().postedAt(), true));
            }
        }
        return List.copyOf(out);
    }

    private OpenItems openItems(List<NoticeRow> latest, List<Promise> promises, List<Promise> overdue,
            List<CategoryRef> categories,
            Map<Long, CategoryRef> byId, ReportWindow window, Instant asOf, Volume volume) {
        Map<Long, Instant> lastNotice = new HashMap<>();
        latest.forEach(n -> lastNotice.put(n.categoryId(), n.postedAt()));
        List<Uncovered> uncovered = new ArrayList<>();
        for (CategoryRef c : categories) {
            if (c.customerCentre() || c.archived()) {
                continue; // the customer centre answers privately; archived columns are closed
            }
            Instant last = lastNotice.get(c.id());
            CountOldest co = store.countSince(c.id(), last, asOf);
            if (co.count() > 0) {
                uncovered.add(new Uncovered(c, co.count(), co.oldest(), last));
            }
        }
        uncovered.sort(Comparator.comparing(Uncovered::oldest));
        Promise nextUpdate = promises.stream().filter(p -> !p.overdue() && p.kind() == PromiseKind.NEXT_UPDATE)
                .findFirst().orElse(null);
        List<ReportAlert> alerts = new ArrayList<>();
        for (AlertRow a : store.alerts(window.from(), asOf)) {
            alerts.add(alert(a, ref(a.categoryId(), byId), asOf));
        }
        CountOldest unsorted = store.countSince(null, null, asOf);
        long inWindow = volume.series().stream().filter(s -> s.category().unsorted()).mapToLong(Series::total).sum();
        return new OpenItems(List.copyOf(uncovered), overdue, nextUpdate, List.copyOf(alerts),
                new Backlog(unsorted.count(), unsorted.oldest(), inWindow));
    }

    /** The alert as it stood at {@code asOf}, from its history (see {@link ReportAlert}). */
    private ReportAlert alert(AlertRow a, CategoryRef category, Instant asOf) {
        List<AlertEvent> events = alertStore.events(a.id()).stream().filter(e -> !e.at().isAfter(asOf)).toList();
        String state = a.state();
        Instant snoozedUntil = a.snoozedUntil();
        Long resolvedBy = a.resolvedByNotice();
        List<AlertStep> steps = new ArrayList<>();
        for (AlertEvent e : events) {
            Instant until = e.kind() == EventKind.SNOOZED ? snoozeEnd(e) : null;
            if (e.kind() != EventKind.RAISED) {
                steps.add(new AlertStep(e, until));
            }
        }
        if (!events.isEmpty()) {
            AlertEvent last = events.get(events.size() - 1);
            state = last.state().name();
            snoozedUntil = last.kind() == EventKind.SNOOZED ? snoozeEnd(last) : "SNOOZED".equals(state) ? snoozedUntil
                    : null;
            resolvedBy = last.kind() == EventKind.RESOLVED ? last.noticeId() : null;
        }
        int level = events.isEmpty() ? a.level() : events.get(events.size() - 1).level();
        List<HandoverReport.ReportDelivery> told = deliveries.apply(a.id()).stream()
                .filter(d -> d.createdAt() == null || !d.createdAt().isAfter(asOf)).toList();
        return new ReportAlert(a.id(), category, a.reason(), level, state, Facts.decode(a.facts()), a.message(),
                a.raisedAt(), snoozedUntil, resolvedBy, List.copyOf(steps), told);
    }

    /** A snooze event says its length ("30 min", as AlertService writes it). */
    private static Instant snoozeEnd(AlertEvent e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+) min").matcher(e.detail() == null ? ""
                : e.detail());
        return m.find() ? e.at().plus(Duration.ofMinutes(Long.parseLong(m.group(1)))) : null;
    }

    private HandOffs handOffs(List<CategoryRef> categories, ReportWindow window, Instant asOf) {
        List<Long> cc = categories.stream().filter(CategoryRef::customerCentre).map(CategoryRef::id).toList();
        List<HandOff> items = new ArrayList<>();
        HandoverStore.HandOffCounts counts = store.handOffs(cc, window.from(), window.to(), asOf, MAX_HANDOFFS, items);
        return new HandOffs(counts.filedInWindow(), counts.exportedOfWindow(), counts.waiting(), List.copyOf(items),
                Math.max(0, counts.listed() - items.size()), counts.ticketsSent(), counts.ticketsPending(),
                counts.listed() - counts.ticketsSent());
    }

    private Themes themes(ReportWindow window, Volume volume) {
        ThemeExtractor extractor = new ThemeExtractor();
        long[] unsorted = volume.series().stream().filter(s -> s.category().unsorted()).map(Series::counts)
                .findFirst().orElse(new long[0]);
        long total = 0;
        for (long c : unsorted) {
            total += c;
        }
        if (total == 0) {
            return new Themes(0, 0, List.of());
        }
        // The newest whole buckets that hold about THEME_SAMPLE mentions: a bounded read with no sort in the database.
        int first = unsorted.length;
        long taken = 0;
        while (first > 0 && taken + unsorted[first - 1] <= THEME_SAMPLE) {
            taken += unsorted[--first];
        }
        if (first == unsorted.length) {
            first--; // the newest bucket alone is over the cap: read a capped part of it
        }
        Instant since = volume.bucketStarts().get(first);
        int sampled = store.unsortedTexts(since, window.to(), THEME_SAMPLE, extractor::add);
        return new Themes(sampled, total, extractor.top(TOP_THEMES));
    }

    private static CategoryRef ref(Long id, Map<Long, CategoryRef> byId) {
        if (id == null) {
            return CategoryRef.UNSORTED;
        }
        return Optional.ofNullable(byId.get(id)).orElse(new CategoryRef(id, "#" + id, "#868E96", false, true));
    }
}
