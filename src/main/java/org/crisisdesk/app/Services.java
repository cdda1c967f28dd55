package org.crisisdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.settings.SettingsStore;
import org.crisisdesk.source.FileImporter;
import org.crisisdesk.source.IngestPipeline;
import org.crisisdesk.store.Database;
import org.crisisdesk.triage.BoardStatsStore;
import org.crisisdesk.triage.CategoryStore;
import org.crisisdesk.triage.DefaultCategories;
import org.crisisdesk.triage.MoveStore;
import org.crisisdesk.triage.Suggester;
import org.crisisdesk.triage.TriageService;

/**
 * The composition root: builds every service once, by constructor, for the desk and for the CLI. Owns the executors
 * and closes them (and the database) on {@link #close()}.
 */
public final class Services implements AutoCloseable {
    private final Path home;
    private final Database db;
    private final Clock clock;
    private final MentionStore mentions;
    private final CategoryStore categories;
    private final Suggester suggester;
    private final SettingsStore settings;
    private final TriageService triage;
    private final ExecutorService background;
    private final ScheduledExecutorService scheduler;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private Services(Path home, Database db, Clock clock) {
        this.home = home;
        this.db = db;
        this.clock = clock;
        this.mentions = new MentionStore(db, clock);
        this.categories = new CategoryStore(db, clock);
        this.suggester = Suggester.NONE;
        this.settings = new SettingsStore(db);
        // after the suggester: every manual move teaches it
        this.triage = new TriageService(new MoveStore(db), categories, mentions, new BoardStatsStore(db), suggester,
                clock);
        this.background = Executors.newFixedThreadPool(2, named("desk-io"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("desk-schedule"));
    }

    /** Opens (and migrates) the database at {@code dbUrl}, or the home's default H2 file when null. */
    public static Services open(Path home, String dbUrl, Clock clock) {
        Database db = Database.open(dbUrl != null ? dbUrl : Database.fileUrl(home));
        Services s = new Services(home, db, clock);
        if (s.categories.isEmpty()) {
            DefaultCategories.install(s.categories);
        }
        return s;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public Path home() {
        return home;
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

    public CategoryStore categories() {
        return categories;
    }

    public SettingsStore settings() {
        return settings;
    }

    public Suggester suggester() {
        return suggester;
    }

    /** Moves, undo/redo, history, category edits and the customer-centre hand-over. */
    public TriageService triage() {
        return triage;
    }

    /** A fresh pipeline (one per source thread; pipelines are not thread-safe). */
    public IngestPipeline pipeline(String actor) {
        return new IngestPipeline(mentions, categories, suggester, actor);
    }

    public FileImporter importer(String actor) {
        return new FileImporter(pipeline(actor));
    }

    public MentionExporter exporter() {
        return new MentionExporter(mentions);
    }

    /** For JDBC and other blocking work started from the desk. */
    public ExecutorService background() {
        return background;
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
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception ignored) {
                // closing anyway; nothing more to do on the way out
            }
        }
        scheduler.shutdownNow();
        background.shutdown();
        db.close();
    }
}
