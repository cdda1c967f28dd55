package org.crisisdesk.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every category on a schedule and keeps the alert log: raises an alert when a rule's condition holds,
 * re-raises it only when it escalates, lets it clear when the condition stays away, and resolves a category's alerts
 * when a notice is posted for it.
 *
 * <p>No storms: at most one active alert per (category, reason); a snoozed alert stays quiet until its time, a
 * dismissed one until its condition clears (a later return is a new alert) or escalates past the level it was
 * dismissed at. Every raise and every change is stored
 * with a history line before listeners hear of it.
 *
 * <p>Threading: evaluations and actions are serialized on this object; listeners are called on the thread that did
 * the work (the schedule's, or the caller's for actions) with one {@link AlertTick} per evaluation or action.
 */
public final class AlertService implements AutoCloseable {
    /** The actor of automatic changes. */
    public static final String WATCH = "watch";
    /** How far back closed alerts stay in {@link AlertTick#shown()}. */
    public static final Duration SHOWN_FOR = Duration.ofHours(12);
    static final int SHOWN_LIMIT = 300;

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertStore store;
    private final ActivityStore activity;
    private final AlertSettingsStore settingsStore;
    private final Clock clock;
    private final List<Consumer<AlertTick>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> schedule;
    private boolean firstTickSent;
    /** The alerts of the last tick, by id (what this desk shows). */
    private Map<Long, Alert> lastShown = Map.of();

    public AlertService(AlertStore store, ActivityStore activity, AlertSettingsStore settings, Clock clock) {
        this.store = store;
        this.activity = activity;
        this.settingsStore = settings;
        this.clock = clock;
    }

    public AlertStore store() {
        return store;
    }

    /** Called with every tick that changed something (and with the first one), on the working thread. */
    public void addListener(Consumer<AlertTick> listener) {
        listeners.add(listener);
    }

    /** Evaluates now and then every {@code every} (wall time) on {@code scheduler}; failures are logged, not fatal. */
    public synchronized void start(ScheduledExecutorService scheduler, Duration every) {
        if (schedule == null) {
            schedule = scheduler.scheduleWithFixedDelay(this::evaluateQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the schedule; returns after a running evaluation has finished (H2 must not see an interrupt). */
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** A scheduled tick; skipped once {@link #stop()} ran (which waits for a running tick, so closing never interrupts one). */
    private synchronized void evaluateQuietly() {
        if (schedule == null) {
            return;
        }
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("Alert evaluation failed: {}", e.toString());
        }
    }

    /** One pass over every rule at the clock's current time. */
    public synchronized AlertTick evaluate() {
        Instant now = clock.instant();
        ActivityStore.Snapshot snap = activity.read((rules, last) -> List.of(
                new Window(Checks.volumeFrom(now, rules.volume(), last), now),
                new Window(Checks.spikeRecentFrom(now, rules.spike(), last), now),
                Checks.spikeBaseline(now, rules.spike())));
        Map<Finding.Key, Alert> active = new LinkedHashMap<>();
        for (Alert a : snap.active()) {
            active.putIfAbsent(a.key(), a);
        }
        List<AlertChange> changes = new ArrayList<>();

        // 1. A posted notice covers every alert of its category that was raised before it went out.
        for (var it = active.values().iterator(); it.hasNext(); ) {
            Alert a = it.next();
            NoticeRef n = a.categoryId() == null ? null : snap.notices().get(a.categoryId());
            if (n != null && !n.postedAt().isBefore(a.raisedAt())) {
                try {
                    changes.add(resolve(a, n, now));
                } catch (AlertStore.ChangedElsewhere e) {
                    log.debug("{}; left for the next pass", e.getMessage());
                }
                it.remove();
            }
        }

        // 2. What the rules say now.
        Map<Finding.Key, Finding> findings = new LinkedHashMap<>();
        for (Finding f : findings(snap, now)) {
            findings.put(f.key(), f);
        }
        for (Finding f : extraFindings(now)) {
            findings.putIfAbsent(f.key(), f);
        }
        Map<Long, String> names = new HashMap<>();
        snap.categories().forEach(c -> names.put(c.id(), c.name()));

        // 3. Reconcile findings with the active alerts.
        Set<Finding.Key> keys = new LinkedHashSet<>(active.keySet());
        keys.addAll(findings.keySet());
        for (Finding.Key key : keys) {
            Alert a = active.get(key);
            Finding f = findings.get(key);
            if (a == null) {
                Alert raised = store.raise(f, names.get(f.categoryId()), WATCH, now);
                changes.add(new AlertChange(raised, EventKind.RAISED));
                continue;
            }
            try {
                if (f != null) {
                    holding(a, f, now).ifPresent(changes::add);
                } else {
                    away(a, quietHold(a, snap.settings()), now).ifPresent(changes::add);
                }
            } catch (AlertStore.ChangedElsewhere e) {
                // a person at another desk acted on it after the read: theirs stands, the next pass reads it anew
                log.debug("{}; left for the next pass", e.getMessage());
            }
        }
        return publish(now, changes);
    }

    /** The rules' findings for every watched category and the Unsorted backlog. */
    private static List<Finding> findings(ActivityStore.Snapshot snap, Instant now) {
        List<Finding> out = new ArrayList<>();
        for (ActivityStore.Watched c : snap.categories()) {
            long[] n = snap.counts().get(c.id());
            RuleSettings r = snap.settings().forCategory(c.id());
            Activity a = new Activity(c.id(), c.name(), snap.notices().get(c.id()), n[0], n[1], n[2],
                    snap.historyFrom());
            Checks.volume(a, r.volume(), now).ifPresent(out::add);
            Checks.cadence(a, r.cadence(), now).ifPresent(out::add);
            Checks.eta(a, r.eta(), r.cadence().phase(), now).ifPresent(out::add);
            Checks.spike(a, r.spike(), now).ifPresent(out::add);
        }
        Checks.backlog(snap.backlog(), snap.settings().backlog(), now).ifPresent(out::add);
        return out;
    }

    /**
     * Findings of rules that live outside this package (issue 22: a notice waiting for approval too long), asked on
     * every evaluation at its time; a failure there never stops the other rules.
     */
    public void setExtraFindings(java.util.function.Function<Instant, List<Finding>> extra) {
        this.extraFindings = extra;
    }

    private volatile java.util.function.Function<Instant, List<Finding>> extraFindings = now -> List.of();

    private List<Finding> extraFindings(Instant now) {
        try {
            return extraFindings.apply(now);
        } catch (RuntimeException e) {
            log.warn("Alert rule outside the alert package failed: {}", e.toString());
            return List.of();
        }
    }

    /** The condition holds for an active alert: escalate, wake from an expired snooze, or stay as it is. */
    private Optional<AlertChange> holding(Alert a, Finding f, Instant now) {
        Alert current = a;
        if (current.quietSince() != null) {
            current = store.update(current.withQuietSince(null), current.state(), null, WATCH, null, null, now);
        }
        if (f.level() <= current.level() && !f.facts().equals(current.facts())) {
            // The numbers it shows stay the current ones ("709 waiting" as the Unsorted column says, not the 163 it
            // was raised with, "last notice 62 min ago" as the column says); no event: nothing happened to the
            // alert itself (issue #26).
            current = store.update(current.with(current.state(), current.level(), f.message(), f.facts(), now),
                    current.state(), null, WATCH, null, null, now);
        }
        switch (current.state()) {
            case OPEN, DISMISSED -> {
                // Dismissed means "not at this level": quiet while it holds, open again once it gets worse.
                if (f.level() > current.level()) {
                    Alert up = current.with(AlertState.OPEN, f.level(), f.message(), f.facts(), now);
                    return Optional.of(new AlertChange(store.update(up, current.state(), EventKind.ESCALATED, WATCH, f.message(), null, now),
                            EventKind.ESCALATED));
                }
                return Optional.empty();
            }
            case SNOOZED -> {
                if (current.snoozedUntil() != null && !now.isBefore(current.snoozedUntil())) {
                    int level = Math.max(current.level(), f.level());
                    Alert back = current.with(AlertState.OPEN, level, f.message(), f.facts(), now).withSnoozedUntil(null);
                    return Optional.of(new AlertChange(store.update(back, current.state(), EventKind.REOPENED, WATCH, f.message(), null, now),
                            EventKind.REOPENED));
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * How long a condition must stay away before its alert clears: {@code clear.after}, but for a count over a window
     * (volume, spike) at least that window. A burst that dips under the threshold for a few minutes is still the same
     * burst while its mentions are in the window; clearing sooner would raise it again as news.
     */
    static Duration quietHold(Alert a, AlertSettings settings) {
        Duration hold = settings.clearAfter();
        if (a.categoryId() == null) {
            return hold;
        }
        RuleSettings rules = settings.forCategory(a.categoryId());
        Duration window = switch (a.reason()) {
            case VOLUME -> rules.volume().window();
            case SPIKE -> rules.spike().window();
            default -> Duration.ZERO;
        };
        return window.compareTo(hold) > 0 ? window : hold;
    }

    /** The condition is away: start the quiet hold, or clear the alert once the hold has passed. */
    private Optional<AlertChange> away(Alert a, Duration clearAfter, Instant now) {
        if (a.quietSince() == null) {
            Alert quiet = store.update(a.withQuietSince(now), a.state(), null, WATCH, null, null, now);
            if (!clearAfter.isZero()) {
                return Optional.empty();
            }
            a = quiet;
        }
        if (Duration.between(a.quietSince(), now).compareTo(clearAfter) < 0) {
            return Optional.empty();
        }
        AlertState state = a.state() == AlertState.DISMISSED ? AlertState.DISMISSED : AlertState.RESOLVED;
        Alert cleared = a.withState(state, now).closed(null, now);
        return Optional.of(new AlertChange(store.update(cleared, a.state(), EventKind.CLEARED, WATCH, "condition cleared", null, now),
                EventKind.CLEARED));
    }

    private AlertChange resolve(Alert a, NoticeRef n, Instant now) {
        Alert done = a.withState(AlertState.RESOLVED, now).closed(n.id(), now);
        return new AlertChange(store.update(done, a.state(), EventKind.RESOLVED, WATCH, "notice #" + n.id(), n.id(), now),
                EventKind.RESOLVED);
    }

    /** Resolves the active alerts that a just-posted notice covers (the same happens on the next tick anyway). */
    public synchronized AlertTick noticePosted(long noticeId) {
        Instant now = clock.instant();
        List<AlertChange> changes = new ArrayList<>();
        activity.postedNotice(noticeId).ifPresent(n -> {
            for (Alert a : store.active()) {
                if (a.categoryId() != null && a.categoryId().equals(n.categoryId())
                        && !n.postedAt().isBefore(a.raisedAt())) {
                    changes.add(resolve(a, n, now));
                }
            }
        });
        return publish(now, changes);
    }

    /**
     * Silences an open (or snoozed) alert for {@code duration}; it comes back then if the condition still holds.
     *
     * @return the tick (empty changes when the alert was no longer open)
     */
    public synchronized AlertTick snooze(long alertId, Duration duration, String actor) {
        Instant now = clock.instant();
        List<AlertChange> changes = new ArrayList<>();
        store.byId(alertId).filter(a -> a.state() == AlertState.OPEN || a.state() == AlertState.SNOOZED).ifPresent(a -> {
            Instant until = now.plus(duration);
            Alert s = a.withState(AlertState.SNOOZED, now).withSnoozedUntil(until);
            changes.add(new AlertChange(store.update(s, EventKind.SNOOZED, actor, duration.toMinutes() + " min", null, now),
                    EventKind.SNOOZED));
        });
        return publish(now, changes);
    }

    /**
     * "Not now": the alert stays quiet until its condition clears (a later return is a new alert) or it escalates past
     * its level.
     */
    public synchronized AlertTick dismiss(long alertId, String actor) {
        Instant now = clock.instant();
        List<AlertChange> changes = new ArrayList<>();
        store.byId(alertId).filter(a -> a.state() == AlertState.OPEN || a.state() == AlertState.SNOOZED).ifPresent(a -> {
            Alert d = a.withState(AlertState.DISMISSED, now).withSnoozedUntil(null);
            changes.add(new AlertChange(store.update(d, EventKind.DISMISSED, actor, null, null, now), EventKind.DISMISSED));
        });
        return publish(now, changes);
    }

    /**
     * Alerts another desk on the same database changed (issue 21: raised, escalated, snoozed, dismissed, resolved,
     * cleared there): one tick with the list as it is now, so this desk's count, list and cards follow. What changed
     * is told by comparing each alert with the list this service last published: an alert that became open here is
     * news (a card), one that closed or went quiet is not, and its card leaves with the list.
     */
    public synchronized AlertTick changedElsewhere(java.util.Collection<Long> alertIds) {
        Instant now = clock.instant();
        List<AlertChange> changes = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(alertIds)) {
            Alert before = lastShown.get(id);
            Optional<Alert> after = store.byId(id);
            if (after.isPresent() && firstTickSent) { // before the first tick nothing shown can be compared
                EventKind kind = elsewhere(before, after.get());
                if (kind != null) {
                    changes.add(new AlertChange(after.get(), kind));
                }
            }
        }
        firstTickSent = true;
        return announce(now, changes, shown());
    }

    /** What another desk did to an alert, as this desk's history would name it (null: nothing to tell). */
    static EventKind elsewhere(Alert before, Alert now) {
        if (before == null) {
            return now.state() == AlertState.OPEN ? EventKind.RAISED : null;
        }
        if (before.state() == now.state() && before.level() == now.level()) {
            return null;
        }
        return switch (now.state()) {
            case OPEN -> before.state() == AlertState.SNOOZED ? EventKind.REOPENED
                    : now.level() > before.level() || before.state() == AlertState.DISMISSED ? EventKind.ESCALATED : null;
            case SNOOZED -> EventKind.SNOOZED;
            case DISMISSED -> EventKind.DISMISSED;
            case RESOLVED -> now.resolvedByNotice() != null ? EventKind.RESOLVED : EventKind.CLEARED;
        };
    }

    public AlertSettings settings() {
        return settingsStore.load();
    }

    /** Changes one setting for a category (null: the desk's default); validated, takes effect on the next tick. */
    public void putSetting(Long categoryId, AlertKey key, String value) {
        settingsStore.put(categoryId, key, value);
    }

    public void resetSetting(Long categoryId, AlertKey key) {
        settingsStore.reset(categoryId, key);
    }

    /** Where the category's incident stands (sets its notice cadence). */
    public void setPhase(long categoryId, Phase phase) {
        settingsStore.put(categoryId, AlertKey.CADENCE_PHASE, phase.name());
    }

    /** Active alerts and recently closed ones, as an alert list shows them. */
    public List<Alert> shown() {
        return store.shown(clock.instant().minus(SHOWN_FOR), SHOWN_LIMIT);
    }

    private AlertTick publish(Instant now, List<AlertChange> changes) {
        boolean first = !firstTickSent;
        if (changes.isEmpty() && !first) {
            return new AlertTick(now, changes, List.of());
        }
        firstTickSent = true;
        return announce(now, changes, shown());
    }

    /** Logs the changes and hands one tick to the listeners; remembers the list for {@link #changedElsewhere}. */
    private AlertTick announce(Instant now, List<AlertChange> changes, List<Alert> shown) {
        Map<Long, Alert> byId = new HashMap<>();
        shown.forEach(a -> byId.put(a.id(), a));
        lastShown = byId;
        for (AlertChange c : changes) {
            // ids, rule and level only: the alert's message may quote what the category is about
            Alert a = c.alert();
            log.info("Alert #{} {}: {} level {} on category #{}", a.id(), c.kind(), a.reason(), a.level(),
                    a.categoryId() == null ? "unsorted" : a.categoryId());
        }
        AlertTick tick = new AlertTick(now, changes, shown);
        for (Consumer<AlertTick> l : listeners) {
            try {
                l.accept(tick);
            } catch (RuntimeException e) {
                log.warn("Alert listener failed: {}", e.toString());
            }
        }
        return tick;
    }
}
