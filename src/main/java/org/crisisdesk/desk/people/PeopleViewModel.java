package org.crisisdesk.desk.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.people.ClaimStore;
import org.crisisdesk.people.CurrentPerson;
import org.crisisdesk.people.PresenceStore;
import org.crisisdesk.triage.Category;

/**
 * Who is on (issue 22): this desk's heartbeat, the people list of the status bar and the category claims the column
 * headers show. A round runs every {@link PresenceStore#READ_EVERY} on the scheduler: it writes this desk's row when
 * {@link PresenceStore#BEAT_EVERY} has passed (or the person came back from idle), reads who is present and who owns
 * what, and hands both to the FX thread as one update. Input is noted on the FX thread ({@link #input()}), cheaply.
 */
public final class PeopleViewModel {
    private final PresenceStore presence;
    private final ClaimStore claims;
    private final CurrentPerson person;
    private final DeskContext ctx;
    private final Background background;
    private final Clock wall;
    private final ObservableList<PresenceStore.Present> people = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private volatile Instant lastInput;
    private volatile Instant lastBeat = Instant.EPOCH;
    private volatile boolean idleSent;
    private final AtomicBoolean roundQueued = new AtomicBoolean();
    private Map<Long, ClaimStore.Claim> current = Map.of();
    private ScheduledFuture<?> rounds;
    private ScheduledExecutorService scheduler;
    private volatile boolean stopped;

    public PeopleViewModel(PresenceStore presence, ClaimStore claims, CurrentPerson person, DeskContext ctx,
            Background background, Clock wall) {
        this.presence = presence;
        this.claims = claims;
        this.person = person;
        this.ctx = ctx;
        this.background = background;
        this.wall = wall;
        this.lastInput = wall.instant();
        ctx.languageProperty().addListener((o, a, b) -> show(List.copyOf(people), current));
    }

    /** Beats now and every {@link PresenceStore#READ_EVERY} on {@code scheduler}. */
    public void start(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        rounds = scheduler.scheduleWithFixedDelay(this::round, 0, PresenceStore.READ_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A key or mouse press at this desk (FX thread): not idle; back from idle is told at once. */
    public void input() {
        lastInput = wall.instant();
        if (idleSent) {
            idleSent = false;
            lastBeat = Instant.EPOCH;
            roundSoon();
        }
    }

    /** Reads again now (after a claim), off the FX thread. */
    public void roundSoon() {
        ScheduledExecutorService s = scheduler;
        if (s != null && !stopped && roundQueued.compareAndSet(false, true)) {
            s.execute(this::round);
        }
    }

    private void round() {
        roundQueued.set(false);
        if (stopped) {
            return;
        }
        try {
            Instant now = wall.instant();
            Instant input = lastInput;
            if (Duration.between(lastBeat, now).compareTo(PresenceStore.BEAT_EVERY) >= 0) {
                presence.beat(person.person(), input);
                lastBeat = now;
                idleSent = !input.plus(PresenceStore.IDLE_AFTER).isAfter(now);
            }
            List<PresenceStore.Present> list = presence.present();
            Map<Long, ClaimStore.Claim> owned = claims.claims();
            Platform.runLater(() -> show(list, owned));
        } catch (RuntimeException e) {
            // the database is away: the status bar says so already (issue 21); the next round tries again
            org.slf4j.LoggerFactory.getLogger(PeopleViewModel.class).debug("Presence round failed: {}", e.toString());
        }
    }

    /** FX thread: the list and the owners as read. */
    void show(List<PresenceStore.Present> list, Map<Long, ClaimStore.Claim> owned) {
        if (stopped) {
            return;
        }
        people.setAll(list);
        current = owned;
        ctx.owners().keySet().retainAll(owned.keySet());
        owned.forEach((id, k) -> {
            if (!k.handle().equals(ctx.owners().get(id))) {
                ctx.owners().put(id, k.handle());
            }
        });
        Instant now = wall.instant();
        summary.set(summarize(list, now));
        StringBuilder d = new StringBuilder(ctx.t("people.title", list.size()));
        for (PresenceStore.Present p : list) {
            d.append('\n').append(line(p, now));
        }
        details.set(d.toString());
    }

    /** "민지 · 지훈 (자리 비움)": every handle present, idle ones marked; one name once however many desks. */
    String summarize(List<PresenceStore.Present> list, Instant now) {
        java.util.Map<String, Boolean> idleByHandle = new java.util.LinkedHashMap<>();
        for (PresenceStore.Present p : list) {
            idleByHandle.merge(p.handle(), p.idle(now), Boolean::logicalAnd);
        }
        StringBuilder s = new StringBuilder();
        idleByHandle.forEach((h, idle) -> {
            if (s.length() > 0) {
                s.append(" · ");
            }
            s.append(idle ? ctx.t("people.idle.short", h) : h);
        });
        return s.toString();
    }

    private String line(PresenceStore.Present p, Instant now) {
        String since = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(ctx.zone()).format(p.startedAt());
        String state = p.idle(now) ? ctx.t("people.idle.since",
                Duration.between(p.lastInput(), now).toMinutes()) : ctx.t("people.active");
        return ctx.t("people.line", p.person(), p.handle(), p.host(), since, state);
    }

    /** True when this desk's person holds the category now (as last read). */
    public boolean isMine(long categoryId) {
        ClaimStore.Claim k = current.get(categoryId);
        return k != null && k.person().equals(person.name());
    }

    /** The live claim on a category, as last read. */
    public java.util.Optional<ClaimStore.Claim> claimOf(long categoryId) {
        return java.util.Optional.ofNullable(current.get(categoryId));
    }

    /**
     * Claims the category for this desk's person; when someone else holds it and {@code takeOver} is false the
     * outcome says who, and nothing changes (the view asks, then calls again with true).
     */
    public Background.Job<ClaimStore.Outcome> claim(Category c, boolean takeOver) {
        message.set("");
        return background.run(() -> claims.claim(c.id(), person.person(), takeOver)).onSuccess(o -> {
            if (o.claimed()) {
                ctx.owners().put(c.id(), person.handle());
                current = with(current, c.id(), new ClaimStore.Claim(c.id(), person.name(), person.handle(),
                        presence.deskId(), wall.instant()));
            }
            roundSoon();
        }).onFailure(e -> message.set(ctx.t("people.claim.failed", e.getMessage())));
    }

    /** Gives up this person's claim on the category. */
    public Background.Job<Boolean> release(Category c) {
        message.set("");
        return background.run(() -> claims.release(c.id(), person.person())).onSuccess(done -> {
            ctx.owners().remove(c.id());
            java.util.Map<Long, ClaimStore.Claim> m = new java.util.HashMap<>(current);
            m.remove(c.id());
            current = m;
            roundSoon();
        }).onFailure(e -> message.set(ctx.t("people.claim.failed", e.getMessage())));
    }

    private static Map<Long, ClaimStore.Claim> with(Map<Long, ClaimStore.Claim> m, long id, ClaimStore.Claim k) {
        java.util.Map<Long, ClaimStore.Claim> out = new java.util.HashMap<>(m);
        out.put(id, k);
        return out;
    }

    /** The desks open now (FX thread). */
    public ObservableList<PresenceStore.Present> people() {
        return people;
    }

    /** The status bar's line: handles, idle ones marked. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** One line per desk: name, handle, computer, since when, active or idle. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** A claim that failed, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Stops the rounds and leaves the list at once (a clean close); any thread. */
    public void stop() {
        stopped = true;
        if (rounds != null) {
            rounds.cancel(false);
        }
        try {
            presence.leave();
        } catch (RuntimeException e) {
            // the database is away: the row runs out by itself in 25 s
        }
    }
}
