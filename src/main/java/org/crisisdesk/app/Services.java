package org.crisisdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.alert.ActivityStore;
import org.crisisdesk.alert.AlertService;
import org.crisisdesk.alert.AlertSettingsStore;
import org.crisisdesk.alert.AlertStore;
import org.crisisdesk.handover.HandoverReportBuilder;
import org.crisisdesk.handover.HandoverStore;
import org.crisisdesk.handover.ShiftService;
import org.crisisdesk.handover.ShiftStore;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.notice.DrillPublisher;
import org.crisisdesk.mention.QuarantineStore;
import org.crisisdesk.notice.NotConnectedPublisher;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.Publisher;
import org.crisisdesk.runtime.WorkerThreads;
import org.crisisdesk.search.SearchIndex;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.settings.DeskSettings;
import org.crisisdesk.settings.SettingsStore;
import org.crisisdesk.source.FileImporter;
import org.crisisdesk.source.IngestPipeline;
import org.crisisdesk.source.replay.ReplayClock;
import org.crisisdesk.store.Backups;
import org.crisisdesk.store.Database;
import org.crisisdesk.triage.BoardStatsStore;
import org.crisisdesk.triage.CategoryStore;
import org.crisisdesk.triage.DefaultCategories;
import org.crisisdesk.triage.MoveStore;
import org.crisisdesk.triage.Suggester;
import org.crisisdesk.triage.TriageEngine;
import org.crisisdesk.triage.TriageModelStore;
import org.crisisdesk.triage.TriageService;

/**
 * The composition root: builds every service once, by constructor, for the desk and for the CLI. Owns the executors
 * and closes them (and the database) on {@link #close()}.
 */
public final class Services implements AutoCloseable {
    /** The drill's own corner of the home: its H2 database, search index, backups and drill outbox. */
    public static final String DRILL_DIR = "demo";
    /** The value of {@link DeskSettings#MODE} that marks a drill database (set when it is made; never cleared). */
    public static final String DRILL = "drill";

    private final Path home;
    /** Where this database's derived files live: the home, or HOME/demo for a drill. */
    private final Path dataHome;
    /** A drill (the demo, a replay): nothing can be posted, whatever keys the home holds. */
    private final boolean drill;
    private final Database db;
    private final Clock clock;
    private final MentionStore mentions;
    private final QuarantineStore quarantine;
    private final CategoryStore categories;
    private final TriageEngine engine;
    private final Suggester suggester;
    private final SettingsStore settings;
    private final org.crisisdesk.people.CurrentPerson person;
    /** Posts read from and created on X per UTC day (issue 23: the usage meter); by the wall clock, never replay time. */
    private final org.crisisdesk.usage.UsageStore usage;
    private final Clock usageClock;
    private final TriageService triage;
    private final AlertService alerts;
    private final ShiftService shifts;
    private final HandoverReportBuilder handover;
    private final ExecutorService background;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService outboxExecutor;
    private final ExecutorService ingestPrepare = Executors.newCachedThreadPool(WorkerThreads.named("ingest-prepare", WorkerThreads.BULK));
    private final NoticeService notices;
    /** The text-search index's own thread: opening, catching up and indexing after ingest, one at a time. */
    /** Slow reads the desk may wait for (a conversation's thread is a scan): never in the way of moves and loads. */
    private final ExecutorService lookups = Executors.newSingleThreadExecutor(
            WorkerThreads.named("desk-lookups", WorkerThreads.BULK));
    private final ScheduledExecutorService searchExecutor = Executors.newSingleThreadScheduledExecutor(
            WorkerThreads.named("search-index", WorkerThreads.BULK));
    private final SearchIndex search;
    private volatile java.util.function.Supplier<Publisher> publisherProvider = () -> NotConnectedPublisher.INSTANCE;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    /** Customer-centre cases sent as helpdesk tickets (issue 25). */
    private final org.crisisdesk.cases.CaseQueue cases;
    private final org.crisisdesk.alert.delivery.AlertDispatcher alertDelivery;
    private boolean alertDeliveryStarted;
    private java.util.function.BooleanSupplier alertDeliverer = () -> false;
    /** Sending tickets: one thread, blocking HTTP allowed, paced. */
    private final ExecutorService caseExecutor = Executors.newSingleThreadExecutor(
            WorkerThreads.named("case-tickets", Thread.NORM_PRIORITY));

    /** The classifier's loading, reconciling and saving: bulk reads and writes, below the screen's reads. */
    private final ExecutorService triageModel = Executors.newSingleThreadExecutor(
            WorkerThreads.named("triage-model", WorkerThreads.BULK));

    private Services(Path home, Database db, Clock clock, boolean holdReconcile, boolean drillAsked) {
        this.home = home;
        this.db = db;
        this.clock = clock;
        this.mentions = new MentionStore(db, clock);
        this.quarantine = new QuarantineStore(db, clock);
        this.categories = new CategoryStore(db, clock);
        this.settings = new SettingsStore(db);
        // issue 22: the person lives in the home; an older home's desk name (setting table) is the fallback
        this.person = org.crisisdesk.people.CurrentPerson.ofHome(home, () -> settings.get(DeskSettings.DESK_NAME));
        // A database made by a drill stays one: opened by any path (the desk, `notice post`, `--db`), it never posts.
        this.drill = drillAsked || DRILL.equals(settings.get(DeskSettings.MODE, null));
        if (drillAsked && !DRILL.equals(settings.get(DeskSettings.MODE, null))) {
            settings.put(DeskSettings.MODE, DRILL);
        }
        this.dataHome = drill ? drillHome(home) : home;
        this.alerts = new AlertService(new AlertStore(db), new ActivityStore(db), new AlertSettingsStore(db),
                clock);
        this.shifts = new ShiftService(new ShiftStore(db), clock);
        // In the demo the desk's clock is scenario time; backups are named and HTTP attempts timed on real time.
        Clock wall = clock instanceof ReplayClock ? Clock.systemUTC() : clock;
        this.usage = new org.crisisdesk.usage.UsageStore(db, wall);
        this.usageClock = wall;
        // A backup of the database whenever a shift ends, before the end is reported done (the desk ends shifts off
        // the FX thread); the newest Backups.KEEP_AUTOMATIC are kept.
        this.shifts.onShiftEnded(ended -> new Backups(dataHome).createAutomatic(db, wall, Backups.KEEP_AUTOMATIC));
        this.handover = new HandoverReportBuilder(new HandoverStore(db), new AlertStore(db), shifts, clock);
        handover.setClaims(() -> claims().claims()); // issue 22: owners in the report
        this.background = Executors.newFixedThreadPool(2, WorkerThreads.named("desk-io", WorkerThreads.SCREEN_IO));
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, WorkerThreads.named("desk-schedule", WorkerThreads.TIMERS));
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // nothing starts after close()
        this.scheduler = timers;
        this.engine = TriageEngine.open(categories, new TriageModelStore(db, clock), settings, triageModel, scheduler,
                holdReconcile);
        this.suggester = engine;
        closeOnExit(engine);
        // after the engine: every manual move teaches it, every category edit reloads its rules
        this.triage = new TriageService(new MoveStore(db), categories, mentions, new BoardStatsStore(db), suggester,
                clock);
        triage.setAssignees(() -> { // issue 22: the customer centre's file names each case's assignee
            java.util.Map<Long, String> names = new java.util.HashMap<>();
            caseAssignments().all().forEach((pk, a) -> names.put(pk, a.person()));
            return names;
        });
        // One thread posts notices, so they go out in order and an HTTP call never holds up other desk work.
        this.outboxExecutor = Executors.newSingleThreadExecutor(WorkerThreads.named("notice-outbox", Thread.NORM_PRIORITY));
        this.notices = new NoticeService(db, clock, wall, this::publisher);
        // issue 22: a notice waiting for a second person longer than 5 minutes raises an alert on its category
        alerts.setExtraFindings(now -> org.crisisdesk.alert.ApprovalCheck.findings(notices.approvals(), now));
        if (drill) {
            // Never the account's keys: what would have been posted goes to HOME/demo/drill-outbox.jsonl.
            DrillPublisher drillOutbox = new DrillPublisher(dataHome.resolve(DrillPublisher.FILE_NAME), wall);
            this.publisherProvider = () -> drillOutbox;
        } else {
            this.publisherProvider = new HomePublisher(home, Clock.systemUTC(), usage);
        }
        this.cases = new org.crisisdesk.cases.CaseQueue(new org.crisisdesk.cases.CaseStore(db, clock, wall), mentions,
                categories, this::caseConnector, wall,
                org.crisisdesk.cases.CaseSettings.load(settings).pace());
        org.crisisdesk.settings.SecretFile alertSecrets = new org.crisisdesk.settings.SecretFile(home,
                org.crisisdesk.alert.delivery.DeliveryConfig.SECRET_FILE);
        java.util.function.Supplier<org.crisisdesk.alert.delivery.DeliveryConfig> deliveryConfig = () -> {
            try {
                return org.crisisdesk.alert.delivery.DeliveryConfig.load(settings);
            } catch (IllegalArgumentException e) {
                return org.crisisdesk.alert.delivery.DeliveryConfig.NONE;
            }
        };
        org.crisisdesk.alert.delivery.WebhookSender hooks = new org.crisisdesk.alert.delivery.WebhookSender(
                k -> alertSecrets.get(k).orElse(null), java.time.Duration.ofSeconds(20));
        this.alertDelivery = new org.crisisdesk.alert.delivery.AlertDispatcher(
                new org.crisisdesk.alert.delivery.DeliveryStore(db, wall), new AlertStore(db), deliveryConfig,
                java.util.Map.of(org.crisisdesk.alert.delivery.AlertChannel.Type.EMAIL,
                        new org.crisisdesk.alert.delivery.EmailSender(() -> deliveryConfig.get().smtp(),
                                () -> alertSecrets.get(org.crisisdesk.alert.delivery.DeliveryConfig.SMTP_PASSWORD)
                                        .orElse(null), 20_000),
                        org.crisisdesk.alert.delivery.AlertChannel.Type.SLACK, hooks,
                        org.crisisdesk.alert.delivery.AlertChannel.Type.WEBHOOK, hooks),
                clock, wall, org.crisisdesk.settings.DeskSettings.zone(settings.get(
                        org.crisisdesk.settings.DeskSettings.ZONE, null)).orElseGet(java.time.ZoneId::systemDefault),
                "en".equals(settings.get(org.crisisdesk.settings.DeskSettings.LANGUAGE, "ko"))
                        ? java.util.Locale.ENGLISH : java.util.Locale.KOREAN, java.time.Duration.ofSeconds(30));
        // the handover report lists each alert's deliveries beside what the desk did about it
        org.crisisdesk.alert.delivery.DeliveryStore deliveries = alertDelivery.store();
        this.handover.setDeliveries(id -> deliveries.forAlert(id).stream()
                .map(d -> new org.crisisdesk.handover.HandoverReport.ReportDelivery(d.channel(), d.level(), d.state(),
                        d.attempts(), d.createdAt(), d.sentAt(), d.nextAttemptAt(), d.failure()))
                .toList());
        // Derived data in HOME/search-index, opened and caught up on its own thread; searches scan until it is ready.
        this.search = SearchIndex.open(dataHome.resolve(SearchIndex.DIR), db.displayLocation(), mentions,
                searchExecutor);
        // The home holds people's words and credentials: owner-only whatever the umask.
        org.crisisdesk.store.OwnerOnly.restrictHome(home);
        mentions.useIndex(search);
        closeOnExit(search);
    }

    /**
     * Opens (and migrates) the database at {@code dbUrl}; when null, the one chosen in the home's desk.properties,
     * else the home's default H2 file.
     */
    public static Services open(Path home, String dbUrl, Clock clock) {
        return open(home, dbUrl, clock, false);
    }

    /**
     * For a desk: as {@link #open(Path, String, Clock)}, but the classifier's check against every label in the
     * database waits for {@code engine().startReconcile()}, which the desk calls once its feed is on screen (on a
     * million mentions the check is seconds of a core, and the window needs both cores to open).
     */
    public static Services openForDesk(Path home, String dbUrl, Clock clock) {
        return open(home, dbUrl, clock, true);
    }

    /**
     * A drill (the demo, a replayed scenario): its own database, by default {@code HOME/demo/crisisdesk.mv.db},
     * never the live one; marked as a drill database; notices go to the drill outbox, never to an account.
     *
     * @param dbUrl another database for the drill; refused when it is a live database that holds mentions or notices
     */
    public static Services openDrill(Path home, String dbUrl, Clock clock) {
        return open(home, dbUrl == null ? Database.fileUrl(drillHome(home)) : dbUrl, clock, false, true);
    }

    /** As {@link #openDrill}, on the home's own drill database, for a desk (see {@link #openForDesk}). */
    public static Services openDrillForDesk(Path home, Clock clock) {
        return open(home, Database.fileUrl(drillHome(home)), clock, true, true);
    }

    /** Where a home's drill keeps its database and files. */
    public static Path drillHome(Path home) {
        return home.resolve(DRILL_DIR);
    }

    private static Services open(Path home, String dbUrl, Clock clock, boolean holdReconcile) {
        // --db wins; else the location chosen in the settings (HOME/desk.properties); else the H2 file in the home
        String url = dbUrl != null ? dbUrl
                : DeskPrefs.dbUrl(home).orElse(Database.fileUrl(home));
        return open(home, url, clock, holdReconcile, false);
    }

    private static Services open(Path home, String url, Clock clock, boolean holdReconcile, boolean drill) {
        url = Database.checkedUrl(url);
        // Only the home's own databases (live, or the drill's) may make their folder: a missing folder named by --db
        // or the settings is refused, as a mistyped path would quietly start a new, empty crisis.
        boolean own = url.equals(Database.fileUrl(home)) || url.equals(Database.fileUrl(drillHome(home)));
        Database db = Database.open(url, home, own);
        if (drill) {
            refuseLiveData(db, url);
        }
        Services s = new Services(home, db, clock, holdReconcile, drill);
        if (s.categories.isEmpty()) {
            DefaultCategories.install(s.categories);
            s.engine.reload();
        }
        // Posts kept in the quarantine by an earlier run are tried again: this version may store them.
        if (s.quarantine.count() > 0) {
            s.pipeline("quarantine").retryQuarantined();
        }
        return s;
    }

    public Path home() {
        return home;
    }

    /** Where this database's backups, search index and drill outbox live: the home, or HOME/demo for a drill. */
    public Path dataHome() {
        return dataHome;
    }

    /** Whether this is a drill database: nothing is ever posted to an account from it. */
    public boolean drill() {
        return drill;
    }

    /** A drill may start on an empty database or a drill database, never on one the live desk has used. */
    private static void refuseLiveData(Database db, String url) {
        try {
            boolean marked = DRILL.equals(new SettingsStore(db).get(DeskSettings.MODE, null));
            if (!marked && (new MentionStore(db, Clock.systemUTC()).count(org.crisisdesk.mention.MentionFilter.ALL) > 0
                    || !new org.crisisdesk.notice.NoticeStore(db, Clock.systemUTC(), Clock.systemUTC()).recent(1).isEmpty())) {
                throw new IllegalStateException("Not a drill database: " + db.displayLocation() + " holds live "
                        + "mentions or notices. A drill or replay runs on a database of its own (leave out --db to use "
                        + "HOME/" + DRILL_DIR + ").");
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }

    }

    /** The X usage counts of this database (posts read and created per UTC day). */
    public org.crisisdesk.usage.UsageStore usageStore() {
        return usage;
    }

    /**
     * Where the X adapter counts what it reads and creates: this database's counts; nothing in a drill, whose posts
     * go to the drill outbox and whose mentions are replayed, so neither costs anything on X.
     */
    public org.crisisdesk.usage.UsageRecorder usageRecorder() {
        return drill ? org.crisisdesk.usage.UsageRecorder.NONE : usage;
    }

    /** The usage meter over {@link #usageStore()} (blocking: off the FX thread). */
    public org.crisisdesk.usage.UsageMeter usageMeter() {
        return new org.crisisdesk.usage.UsageMeter(usage, usageClock);
    }

    /** Posts that could not be stored, kept raw (see {@link QuarantineStore}). */
    public QuarantineStore quarantine() {
        return quarantine;
    }

    public Database db() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    public MentionStore mentions() {
        return mentions;
    }

    /** The text-search index behind {@link MentionStore#page} searches. */
    public SearchIndex search() {
        return search;
    }

    public CategoryStore categories() {
        return categories;
    }

    public SettingsStore settings() {
        return settings;
    }

    private volatile org.crisisdesk.people.PresenceStore presence;
    private volatile org.crisisdesk.people.ClaimStore claims;
    private volatile org.crisisdesk.people.CaseAssignmentStore caseAssignments;

    /** Which desks are open on this database (issue 22); wall-clock times, whatever the demo's clock. */
    public org.crisisdesk.people.PresenceStore presence() {
        if (presence == null) {
            presence = new org.crisisdesk.people.PresenceStore(db, Clock.systemUTC(), db.deskId(),
                    org.crisisdesk.source.CollectorLeaseStore.host());
        }
        return presence;
    }

    /** Category claims (issue 22), held through this desk's presence. */
    public org.crisisdesk.people.ClaimStore claims() {
        if (claims == null) {
            claims = new org.crisisdesk.people.ClaimStore(db, Clock.systemUTC(), db.deskId());
        }
        return claims;
    }

    /** Customer-centre case assignees (issue 22). */
    public org.crisisdesk.people.CaseAssignmentStore caseAssignments() {
        if (caseAssignments == null) {
            caseAssignments = new org.crisisdesk.people.CaseAssignmentStore(db, Clock.systemUTC());
        }
        return caseAssignments;
    }

    /** Who this desk or command is (issue 22): every action that records a person asks this. */
    public org.crisisdesk.people.CurrentPerson person() {
        return person;
    }

    /** The category watch (not scheduled until the desk starts it). */
    public AlertService alerts() {
        return alerts;
    }

    public ShiftService shifts() {
        return shifts;
    }

    /** Builds handover reports (blocking: run off the FX thread). */
    public HandoverReportBuilder handover() {
        return handover;
    }

    public Suggester suggester() {
        return suggester;
    }

    /** The triage engine behind {@link #suggester()}: call {@code reload()} after editing categories or rules. */
    public TriageEngine engine() {
        return engine;
    }

    /** Moves, undo/redo, history, category edits and the customer-centre hand-over. */
    public TriageService triage() {
        return triage;
    }

    public NoticeService notices() {
        return notices;
    }

    /**
     * Where notices are posted: the X adapter once connected; until then a not-connected publisher; in a drill,
     * always the drill outbox.
     */
    public Publisher publisher() {
        Publisher p = publisherProvider.get();
        return p != null ? p : NotConnectedPublisher.INSTANCE;
    }

    /** The hook the X connector uses to plug its publisher in (or tests, a fake one). */
    public void setPublisherProvider(java.util.function.Supplier<Publisher> provider) {
        if (drill) {
            throw new IllegalStateException("A drill database never posts to an account");
        }
        this.publisherProvider = provider == null ? () -> NotConnectedPublisher.INSTANCE : provider;
    }

    /** Posting notices: one thread, blocking HTTP allowed. */
    public ExecutorService outboxExecutor() {
        return outboxExecutor;
    }

    /** One useful reply to a customer, through the notice outbox (blocking: run on {@link #outboxExecutor()}). */
    public org.crisisdesk.reply.ReplyService replies() {
        return new org.crisisdesk.reply.ReplyService(mentions, categories, notices.store(), cases.store(),
                notices.outbox(), clock);
    }

    /** Alert deliveries (e-mail, webhooks) for people away from the desk. */
    public org.crisisdesk.alert.delivery.AlertDispatcher alertDelivery() {
        return alertDelivery;
    }

    /**
     * Hands every alert change to the delivery queue and sends due messages every 30 s, on the queue's own thread.
     * Started by the desk and by {@code collect} (a headless watch), never by one-shot commands.
     */
    public synchronized void startAlertDelivery() {
        startAlertDelivery(() -> true);
    }

    /**
     * As {@link #startAlertDelivery()}, but messages are sent (and escalated) only while {@code deliverer} says this
     * process is the one that delivers (the holder of the collector lease, so that on a shared database exactly one
     * process tells people). Every process queues what its own watch raised: the queue is unique per (alert, level,
     * channel), so a queued message is the same row whoever queued it, and the deliverer sends it.
     */
    public synchronized void startAlertDelivery(java.util.function.BooleanSupplier deliverer) {
        if (alertDeliveryStarted || drill) {
            return; // a drill e-mails and pages nobody
        }
        alertDeliveryStarted = true;
        this.alertDeliverer = deliverer;
        alerts.addListener(tick -> caseExecutor.execute(() -> {
            try {
                alertDelivery.onTick(tick);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Services.class).warn("Alert delivery: {}", e.toString());
            }
        }));
        scheduler.scheduleWithFixedDelay(() -> caseExecutor.execute(() -> {
            try {
                alertDeliveryRound();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Services.class).warn("Alert delivery round: {}", e.toString());
            }
        }), 5, 30, TimeUnit.SECONDS);
    }

    /**
     * One delivery round: escalates and sends what is due, if this process is the deliverer now; otherwise nothing
     * (another process holds the collector lease). Blocking: the scheduler runs it on {@link #caseExecutor()}.
     */
    public List<org.crisisdesk.alert.delivery.Delivery> alertDeliveryRound() {
        if (!deliversAlerts()) {
            return List.of();
        }
        return alertDelivery.processDue();
    }

    /** Whether this process sends alert messages now (it started delivery and holds the collector lease). */
    public boolean deliversAlerts() {
        return alertDeliveryStarted && alertDeliverer.getAsBoolean();
    }

    /** The customer-centre ticket queue (blocking: run on {@link #caseExecutor()}). */
    public org.crisisdesk.cases.CaseQueue cases() {
        return cases;
    }

    public ExecutorService caseExecutor() {
        return caseExecutor;
    }

    private Object caseConnectorKey;
    private org.crisisdesk.cases.TicketConnector caseConnector;

    /** The connector as configured now (settings + HOME/customer-centre.properties), or null; rebuilt on change. */
    private synchronized org.crisisdesk.cases.TicketConnector caseConnector() {
        if (drill) {
            return null; // a drill never files tickets at the real helpdesk: its cases stay unsent
        }
        java.time.ZoneId zone = org.crisisdesk.settings.DeskSettings.zone(settings.get(
                org.crisisdesk.settings.DeskSettings.ZONE, null)).orElseGet(java.time.ZoneId::systemDefault);
        org.crisisdesk.cases.CaseSettings cs = org.crisisdesk.cases.CaseSettings.load(settings);
        org.crisisdesk.settings.SecretFile secrets = org.crisisdesk.cases.CaseSettings.secrets(home);
        Object key = java.util.List.of(cs, zone, secrets.get(org.crisisdesk.cases.CaseSettings.SECRET_KEY).orElse(""));
        if (!key.equals(caseConnectorKey)) {
            caseConnector = cs.connector(secrets, zone, Clock.systemUTC());
            caseConnectorKey = key;
        }
        return caseConnector;
    }

    /** A fresh pipeline (one per source thread; pipelines are not thread-safe). */
    public IngestPipeline pipeline(String actor) {
        return new IngestPipeline(mentions, categories, suggester, actor, quarantine);
    }

    public FileImporter importer(String actor) {
        // reading and classifying on a second thread while the caller's thread writes (issue #8: ingest rate)
        return new FileImporter(pipeline(actor), ingestPrepare);
    }

    public MentionExporter exporter() {
        return new MentionExporter(mentions);
    }

    /** For JDBC and other blocking work started from the desk. */
    public ExecutorService background() {
        return background;
    }

    /** One low-priority thread for slow reads the desk shows when they come (see {@link #lookups}). */
    public ExecutorService lookups() {
        return lookups;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Closed (in reverse order) before the database. */
    public void closeOnExit(AutoCloseable c) {
        closeables.add(c);
    }

    @Override
    public void close() {
        alerts.stop();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception ignored) {
                // closing anyway; nothing more to do on the way out
            }
        }
        // shutdown(), never shutdownNow(): an interrupt inside H2's file I/O closes the database file under
        // everyone. Work under way finishes (a post in flight records its outcome) before the database closes.
        List<ExecutorService> executors = List.of(scheduler, ingestPrepare, background, lookups, outboxExecutor,
                searchExecutor, triageModel, caseExecutor);
        executors.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (ExecutorService e : executors) {
                e.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
    }
}
