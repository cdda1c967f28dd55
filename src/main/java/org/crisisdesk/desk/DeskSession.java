package org.crisisdesk.desk;

import java.time.Duration;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.alerts.AlertsViewModel;
import org.crisisdesk.desk.boards.BoardsViewModel;
import org.crisisdesk.desk.composer.ComposerViewModel;
import org.crisisdesk.desk.feed.FeedViewModel;
import org.crisisdesk.desk.handover.ShiftViewModel;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.status.StatusViewModel;
import org.crisisdesk.source.Collector;
import org.crisisdesk.source.replay.ReplaySource;

/**
 * One open desk: the services, the running source and the view models, wired together. Created on the FX thread
 * once the services are open; {@link #close()} stops the source before the database closes.
 */
public final class DeskSession implements AutoCloseable, org.crisisdesk.desk.settings.SettingsSession {
    /** Wall time between alert evaluations (in demo mode the rules themselves count scenario minutes). */
    public static final Duration ALERT_TICK = Duration.ofSeconds(2);

    private final Services services;
    private final DeskContext ctx;
    private final Background background;
    private final IngestBridge bridge = new IngestBridge();
    private final javafx.animation.Timeline minuteTicker;
    private final FeedViewModel feed;
    private final BoardsViewModel boards;
    private final StatusViewModel status;
    private final ComposerViewModel composer;
    private final AlertsViewModel alerts;
    private final ShiftViewModel shifts;
    private final org.crisisdesk.desk.people.PeopleViewModel people;
    private final org.crisisdesk.desk.composer.ApprovalsViewModel approvals;
    private final Collector collector;
    private final ReplaySource replay;
    private volatile boolean closed;

    /**
     * @param replay the demo replay when no account is connected, else null
     * @param collector runs the source (not started yet)
     */
    private final org.crisisdesk.desk.cases.CasesViewModel cases;

    /** Customer-centre tickets. */
    public org.crisisdesk.desk.cases.CasesViewModel cases() {
        return cases;
    }

    public DeskSession(Services services, DeskContext ctx, Collector collector, ReplaySource replay) {
        this.services = services;
        this.ctx = ctx;
        this.collector = collector;
        this.replay = replay;
        this.background = new Background(services.background());
        // Asks the desk's clock every second: on the demo's clock a minute can pass in a second (60x), and cards
        // only hear of it when the minute number changes.
        this.minuteTicker = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1), e -> ctx.tick()));
        this.feed = new FeedViewModel(services.mentions(), background);
        // who moves are credited to in the history: the desk's person (issue 22)
        this.boards = new BoardsViewModel(services.mentions(), services.categories(), services.triage(),
                services.background(), ctx, services.person()::name);
        services.person().addListener(p -> boards.deskNameChanged());
        this.status = new StatusViewModel(ctx.clock(), services.db().displayLocation());
        this.composer = new ComposerViewModel(services.notices(), ctx, background,
                new Background(services.outboxExecutor()), services.dataHome().resolve("notices"));
        this.shifts = new ShiftViewModel(services.shifts(), background, ctx.zone());
        // issue 22: who writes and who approves is the desk's person
        composer.setPerson(services.person()::name);
        this.approvals = new org.crisisdesk.desk.composer.ApprovalsViewModel(services.notices(), ctx, background,
                new Background(services.outboxExecutor()), services.person()::name);
        bridge.onMentions(boards::arrived);
        bridge.onMentions(feed::arrived);
        bridge.onMentions(status::arrived);
        boards.addChangeListener(feed::updated);
        this.mine = new org.crisisdesk.desk.people.MineFilter(services.caseAssignments(), services.person(),
                background);
        boards.addChangeListener(changed -> mine.refresh()); // an assignment here or at another desk moves a card
        // a card dragged from the feed is moved only if still where the feed shows it (issue 22)
        boards.setShownElsewhere(pk -> feed.items().stream().filter(m -> m.pk() == pk).findFirst().orElse(null));
        boards.addReloadListener(feed::reload);
        bridge.onStatus(status::status);
        this.cases = new org.crisisdesk.desk.cases.CasesViewModel(services.cases(), services.caseExecutor(),
                services.background(), ctx,
                () -> org.crisisdesk.cases.CaseSettings.load(services.settings()),
                services.person()::name);
        cases.setTell(boards::tell);
        this.alerts = new AlertsViewModel(services.alerts(), background, ctx);
        alerts.setActor(services.person()::name); // snoozes and dismissals record the person
        alerts.connect();
        // the alert history says who outside the desk was told, and whether it went out (issue 25)
        alerts.setDeliveryReader(ids -> services.alertDelivery().store().forAlerts(ids));
        // issue 22: this desk's presence and the category claims, on the wall clock whatever the demo's
        this.people = new org.crisisdesk.desk.people.PeopleViewModel(services.presence(), services.claims(),
                services.person(), ctx, background, java.time.Clock.systemUTC());
        // The notice's alerts go at once, not on the watch's next tick.
        composer.setOnPosted(id -> background.run(() -> services.alerts().noticePosted(id)));
        // the next update the composer proposes: the category's cadence (the alert rules' interval for its phase)
        composer.setCadence(id -> services.alerts().settings().forCategory(id).cadence().every());
        if (collector != null) {
            collector.addListener(bridge);
        }
    }

    /** Loads what is stored, then starts the source. */
    public void start() {
        start(null);
    }

    /**
     * Shows what is stored, then starts the rest: the boards, the source, the alert checks and the outbox. The feed's
     * page comes first and the rest once the window has drawn it: on a big database the boards' counts and the
     * alert checks scan many rows, and on two cores they would hold up the first paint (issue #8). Mentions stored
     * meanwhile are not lost: the collector starts with the rest.
     *
     * @param firstPage the feed's first page when it was read with the database ({@link FeedViewModel#readFirstPage}),
     *     else null
     */
    public void start(java.util.List<org.crisisdesk.mention.StoredMention> firstPage) {
        if (firstPage != null && feed.showFirstPage(firstPage)) {
            afterNextFrame(this::startTheRest);
            return;
        }
        feed.reload();
        javafx.beans.value.ChangeListener<Boolean> rest = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    o.removeListener(this);
                    afterNextFrame(DeskSession.this::startTheRest);
                }
            }
        };
        feed.loadingProperty().addListener(rest);
    }

    /**
     * Runs {@code action} on the FX thread once the next frame is on screen: a pulse's timers run before its CSS,
     * layout and paint, and the pulse after it waits for that frame's rendering before it ends, so the timers of the
     * third pulse from now run after the frame is drawn.
     */
    private static void afterNextFrame(Runnable action) {
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 3) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    private void startTheRest() {
        if (closed) {
            return;
        }
        // every 15 s: a new minute reaches the cards' relative times within a quarter of a minute of the clock's
        minuteTicker.setCycleCount(javafx.animation.Animation.INDEFINITE);
        minuteTicker.play();
        boards.reload();
        cases.start();
        services.engine().startReconcile();
        bridge.start();
        if (collector != null) {
            collector.start();
        }
        // before the first tick, so its alerts reach people who are away; sent only while this desk is the collector
        // (holds the lease), so on a shared database one process tells people, whichever desks are open
        services.startAlertDelivery(() -> collector != null && collector.collecting());
        services.alerts().start(services.scheduler(), ALERT_TICK);
        startOutbox();
        followOtherDesks();
        people.start(services.scheduler());
        approvals.refresh();
        followWriting();
    }

    /**
     * Issue 21: what other desks on the same database commit reaches this desk within a second: new mentions the
     * team's collector stored (feed and columns, as this desk's own source's), moves card by card
     * (see {@link BoardsViewModel#otherDeskMoved}), alert states (count, list, cards), category edits as a reload of
     * the boards, notices (queued, posting,
     * posted, failed) in the composer's timeline and the columns' numbers, shift changes in the toolbar. A database
     * that cannot be reached is said in the status bar until it can be again, when the boards catch up. Several
     * changes in a row give one reload.
     */
    private void followOtherDesks() {
        org.crisisdesk.store.ChangeFeed changes;
        try {
            changes = org.crisisdesk.store.ChangeFeed.start(services.db(), java.time.Clock.systemUTC());
        } catch (RuntimeException e) {
            return; // the database is away already: the actions that need it say so
        }
        services.closeOnExit(changes);
        java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable reload = () -> {
            if (pending.compareAndSet(false, true)) {
                javafx.application.Platform.runLater(() -> {
                    pending.set(false);
                    if (!closed) {
                        boards.reload();
                    }
                });
            }
        };
        String location = services.db().displayLocation();
        changes.addListener(new org.crisisdesk.store.ChangeFeed.Listener() {
            @Override
            public void changes(java.util.List<org.crisisdesk.store.ChangeFeed.Change> list) {
                // first: a move of a just-stored mention comes after it
                java.util.List<org.crisisdesk.store.ChangeFeed.Change> stored = list.stream()
                        .filter(ch -> ch.kind() == org.crisisdesk.store.ChangeLog.Kind.MENTIONS
                                && ch.entityId() != null && ch.entityTo() != null).toList();
                if (!stored.isEmpty()) {
                    showStored(stored, reload);
                }
                if (list.stream().anyMatch(ch -> ch.kind() == org.crisisdesk.store.ChangeLog.Kind.NOTICE)) {
                    javafx.application.Platform.runLater(() -> {
                        if (!closed) {
                            composer.noticesChanged(); // the timeline of the category open in the composer
                            boards.refreshStats(); // the columns' "since the last notice"
                        }
                    });
                }
                java.util.List<Long> alertIds = list.stream()
                        .filter(ch -> ch.kind() == org.crisisdesk.store.ChangeLog.Kind.ALERT && ch.entityId() != null)
                        .map(org.crisisdesk.store.ChangeFeed.Change::entityId).distinct().toList();
                if (!alertIds.isEmpty()) {
                    // the bell, the alert list and the cards follow (a card of an alert dismissed there leaves)
                    try {
                        services.scheduler().execute(() -> {
                            try {
                                services.alerts().changedElsewhere(alertIds);
                            } catch (RuntimeException e) {
                                org.slf4j.LoggerFactory.getLogger(DeskSession.class)
                                        .debug("Alerts changed elsewhere: {}", e.toString());
                            }
                        });
                    } catch (java.util.concurrent.RejectedExecutionException closing) {
                        // the desk is closing
                    }
                }
                if (list.stream().anyMatch(ch -> ch.kind() == org.crisisdesk.store.ChangeLog.Kind.NOTE)) {
                    javafx.application.Platform.runLater(() -> {
                        if (!closed) {
                            shifts.notesChangedElsewhere(); // an open handover review shows them
                        }
                    });
                }
                if (list.stream().anyMatch(ch -> ch.kind() == org.crisisdesk.store.ChangeLog.Kind.SHIFT)) {
                    javafx.application.Platform.runLater(() -> {
                        if (!closed) {
                            shifts.refresh(); // who has the desk now
                        }
                    });
                }
                if (list.stream().anyMatch(ch -> ch.kind() == org.crisisdesk.store.ChangeLog.Kind.CATEGORY
                        || ch.kind() == org.crisisdesk.store.ChangeLog.Kind.MOVE && ch.entityId() == null)) {
                    reload.run(); // the columns themselves changed
                    return;
                }
                java.util.List<Long> moved = list.stream()
                        .filter(ch -> ch.kind() == org.crisisdesk.store.ChangeLog.Kind.MOVE)
                        .map(org.crisisdesk.store.ChangeFeed.Change::entityId).distinct().toList();
                if (!moved.isEmpty()) {
                    showMoved(moved, reload);
                }
                noticesChanged(list);
                if (list.stream().anyMatch(ch -> ch.kind() == org.crisisdesk.store.ChangeLog.Kind.WRITING)) {
                    services.scheduler().execute(DeskSession.this::showOthersWriting);
                }
            }

            @Override
            public void reachability(java.time.Instant since) {
                String text = since == null ? location : ctx.t("status.db.unreachable",
                        java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(since.atZone(ctx.zone())));
                javafx.application.Platform.runLater(() -> status.databaseLocationProperty().set(text));
                if (since == null) {
                    reload.run(); // caught up: show what changed meanwhile
                }
            }

            @Override
            public void reloadAll() {
                reload.run();
            }
        });
    }

    /**
     * Mentions the team's collector (another desk or a {@code collect} process) stored: read by their key ranges on
     * the change feed's thread and put on the feed and the columns as this desk's own source's would be, keeping the
     * person's selection and scroll position (issue 21). Ranges that cannot be read now are caught up by a reload.
     */
    private void showStored(java.util.List<org.crisisdesk.store.ChangeFeed.Change> ranges, Runnable reload) {
        java.util.TreeMap<Long, org.crisisdesk.mention.StoredMention> byPk = new java.util.TreeMap<>();
        try {
            for (var ch : ranges) {
                services.mentions().storedElsewhere(ch.entityId(), ch.entityTo()).forEach(m -> byPk.put(m.pk(), m));
            }
        } catch (RuntimeException e) {
            reload.run();
            return;
        }
        java.util.List<org.crisisdesk.mention.StoredMention> oldestFirst = new java.util.ArrayList<>(byPk.values());
        javafx.application.Platform.runLater(() -> {
            if (!closed) {
                bridge.arrivedElsewhere(oldestFirst);
            }
        });
    }

    /**
     * Another desk's moves, card by card (on the change feed's thread, which may wait for the database): the columns
     * keep the person's selection and scroll position (issue 21). A mention that cannot be read now (the database
     * went away) is caught up by a reload once it is back.
     */
    private void showMoved(java.util.List<Long> pks, Runnable reload) {
        java.util.List<org.crisisdesk.mention.StoredMention> now = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < pks.size(); i += 500) {
                now.addAll(services.mentions().find(pks.subList(i, Math.min(pks.size(), i + 500))));
            }
        } catch (RuntimeException e) {
            reload.run();
            return;
        }
        javafx.application.Platform.runLater(() -> {
            if (!closed) {
                boards.otherDeskMoved(now);
            }
        });
    }

    /**
     * Issue 22: another desk asked for an approval, decided one or posted a notice: the approver's list and the
     * author's composer show it at once.
     */
    private void noticesChanged(java.util.List<org.crisisdesk.store.ChangeFeed.Change> list) {
        java.util.List<Long> ids = list.stream().filter(ch -> ch.kind() == org.crisisdesk.store.ChangeLog.Kind.NOTICE
                && ch.entityId() != null).map(org.crisisdesk.store.ChangeFeed.Change::entityId).distinct().toList();
        if (!ids.isEmpty()) {
            javafx.application.Platform.runLater(() -> {
                if (!closed) {
                    approvals.refresh();
                    composer.noticeChanged(ids);
                }
            });
        }
    }

    /** The category this desk's open composer writes on (null: closed); read by the timer thread. */
    private volatile Long writingOn;

    /**
     * Issue 22: while the composer shows, this desk holds a writing session on its category (renewed every 5 s, on
     * the timer thread, so begin and end keep their order); the other desks' sessions show on the columns, read
     * when the change feed says one changed and every 5 s (a dead desk's runs out).
     */
    private void followWriting() {
        javafx.beans.InvalidationListener changed = x -> {
            org.crisisdesk.triage.Category c = composer.categoryProperty().get();
            Long on = composer.openProperty().get() && c != null ? c.id() : null;
            if (!java.util.Objects.equals(on, writingOn)) {
                writingOn = on;
                services.scheduler().execute(() -> writeSession(on));
            }
        };
        composer.openProperty().addListener(changed);
        composer.categoryProperty().addListener(changed);
        changed.invalidated(null);
        services.scheduler().scheduleWithFixedDelay(() -> {
            Long on = writingOn;
            try {
                if (on != null && !services.notices().writing().heartbeat()) {
                    writeSession(on);
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DeskSession.class).debug("Writing heartbeat: {}", e.toString());
            }
            showOthersWriting();
        }, 0, org.crisisdesk.notice.WritingStore.HEARTBEAT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void writeSession(Long on) {
        try {
            if (on == null) {
                services.notices().writing().end();
            } else {
                services.notices().writing().begin(on, services.person().name());
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DeskSession.class).debug("Writing session: {}", e.toString());
        }
    }

    private void showOthersWriting() {
        try {
            java.util.Map<Long, String> byCategory = new java.util.HashMap<>();
            for (var w : services.notices().writing().others()) {
                byCategory.merge(w.categoryId(), w.person(), (x, y) -> x.equals(y) ? x : x + ", " + y);
            }
            javafx.application.Platform.runLater(() -> {
                if (!closed) {
                    boards.showWriting(byCategory);
                }
            });
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DeskSession.class).debug("Reading writing sessions: {}", e.toString());
        }
    }

    /** The notices waiting for a second person (issue 22). */
    public org.crisisdesk.desk.composer.ApprovalsViewModel approvals() {
        return approvals;
    }

    /**
     * Recovers notices a previous run left mid-post and retries due ones, now and every 20 s, on the outbox's own
     * thread; news reaches the composer as one FX update per round.
     */
    private void startOutbox() {
        services.scheduler().scheduleWithFixedDelay(() -> services.outboxExecutor().execute(() -> {
            try {
                var outcomes = services.notices().outbox().processDue();
                if (!outcomes.isEmpty()) {
                    javafx.application.Platform.runLater(() -> composer.outboxChanged(outcomes));
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DeskSession.class).warn("Outbox round failed: {}", e.toString());
            }
        }), 2, 20, java.util.concurrent.TimeUnit.SECONDS);
    }

    public Services services() {
        return services;
    }

    public DeskContext context() {
        return ctx;
    }

    public Background background() {
        return background;
    }

    public IngestBridge bridge() {
        return bridge;
    }

    public FeedViewModel feed() {
        return feed;
    }

    public BoardsViewModel boards() {
        return boards;
    }

    public StatusViewModel status() {
        return status;
    }

    public ComposerViewModel composer() {
        return composer;
    }

    public AlertsViewModel alerts() {
        return alerts;
    }

    /** Who is on, and who owns which category (issue 22). */
    public org.crisisdesk.desk.people.PeopleViewModel people() {
        return people;
    }

    private org.crisisdesk.desk.people.MineFilter mine;

    /** "Assigned to me" on the boards and the feed (issue 22). */
    public org.crisisdesk.desk.people.MineFilter mine() {
        return mine;
    }

    /** The open shift (toolbar) and shift actions. */
    public ShiftViewModel shifts() {
        return shifts;
    }

    /** The demo replay, or null when a live account feeds the desk. */
    public ReplaySource replay() {
        return replay;
    }

    public Collector collector() {
        return collector;
    }

    public void setReplayPaused(boolean paused) {
        if (replay != null) {
            replay.clock().setPaused(paused);
            collector.nudge();
        }
    }

    public void setReplaySpeed(double speed) {
        if (replay != null) {
            replay.clock().setSpeed(speed);
            collector.nudge();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (javafx.application.Platform.isFxApplicationThread()) {
            cases.stop();
        } else {
            javafx.application.Platform.runLater(cases::stop);
        }
        // JavaFX 21 refuses to stop an animation from another thread
        if (javafx.application.Platform.isFxApplicationThread()) {
            minuteTicker.stop();
        } else {
            javafx.application.Platform.runLater(minuteTicker::stop);
        }
        people.stop(); // leaves the people list at once, and its claims with it
        services.alerts().stop();
        if (writingOn != null) {
            writingOn = null;
            writeSession(null); // the others stop showing "writing" at once, not after the session runs out
        }
        bridge.stop();
        boards.stop();
        if (collector != null) {
            collector.stop(Duration.ofSeconds(10));
        }
        services.close();
    }
}
