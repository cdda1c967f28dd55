package org.crisisdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the change log (issue 21) for one desk: every change other desks committed, in id order, each exactly once,
 * on its own thread. On PostgreSQL it waits on LISTEN/NOTIFY ({@code PGConnection.getNotifications(timeout)}), so a
 * change arrives in milliseconds; on H2 (two desks on one file) it reads every {@link #POLL}. Either way it reads the
 * table by id, so a missed notification costs at most one wait.
 *
 * <p>Ids are handed out before commit, so a transaction that commits later can leave a lower id behind one already
 * read: an id missing below the newest one read is waited for {@link #GAP_GRACE} (long enough for any commit under
 * way) before it is taken as rolled back. A desk that cannot reach the database tells its listeners since when, keeps
 * trying, and catches up on every change when it can again (or, when the changes it missed were pruned, is told to
 * reload everything).
 */
public final class ChangeFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration GAP_GRACE = Duration.ofSeconds(5);
    /** Rows older than this are deleted (by any desk, every {@link #PRUNE_EVERY}). */
    public static final Duration KEEP = Duration.ofHours(1);
    static final Duration PRUNE_EVERY = Duration.ofMinutes(5);

    /**
     * One committed change.
     *
     * @param entityTo the end of the range {@code entityId..entityTo} for {@link ChangeLog.Kind#MENTIONS}, else null
     */
    public record Change(long id, ChangeLog.Kind kind, Long entityId, String desk, Instant at, Long entityTo) {}

    /** Called on the feed's thread. */
    public interface Listener {
        /** Changes other desks made, oldest first. */
        void changes(List<Change> changes);

        /** The database could not be reached since {@code since} (null: reachable again). */
        default void reachability(Instant since) {}

        /** Changes were missed (pruned while this desk was away): reload everything shown. */
        default void reloadAll() {}
    }

    private final Database db;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    /** Every id up to this one was handled. */
    private long watermark;
    private final TreeSet<Long> deliveredAbove = new TreeSet<>();
    private final Map<Long, Instant> gapSince = new HashMap<>();
    private Instant unreachableSince;
    private Instant lastPrune = Instant.MIN;
    private Connection listening;

    private ChangeFeed(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.thread = new Thread(this::run, "change-feed");
        this.thread.setDaemon(true);
    }

    /** Starts reading changes made from now on. */
    public static ChangeFeed start(Database db, Clock clock) {
        ChangeFeed feed = new ChangeFeed(db, clock);
        feed.watermark = db.inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(id) FROM change_log")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        feed.thread.start();
        return feed;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    private void run() {
        while (!closed) {
            try {
                waitForNews();
                List<Change> fresh = readNew();
                if (unreachableSince != null) {
                    unreachableSince = null;
                    listeners.forEach(l -> l.reachability(null));
                }
                List<Change> others = fresh.stream().filter(ch -> !ch.desk().equals(db.deskId())).toList();
                if (!others.isEmpty()) {
                    listeners.forEach(l -> l.changes(others));
                }
                pruneNowAndThen();
            } catch (RuntimeException | SQLException e) {
                closeListening();
                if (closed) {
                    return;
                }
                if (unreachableSince == null) {
                    unreachableSince = clock.instant();
                    log.warn("Change feed: database unreachable ({})", e.getMessage());
                    Instant since = unreachableSince;
                    listeners.forEach(l -> l.reachability(since));
                }
                pause(Duration.ofSeconds(1));
            }
        }
        closeListening();
    }

    /** PostgreSQL: until a NOTIFY or a second; H2: {@link #POLL}. */
    private void waitForNews() throws SQLException {
        if (db.dialect() != SqlDialect.POSTGRESQL) {
            pause(POLL);
            return;
        }
        if (listening == null) {
            Connection c = db.dataSource().getConnection();
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + ChangeLog.CHANNEL);
            }
            listening = c;
        }
        org.postgresql.PGConnection pg = listening.unwrap(org.postgresql.PGConnection.class);
        pg.getNotifications(1000); // returns at the first NOTIFY, or after a second; what changed is read below
    }

    /** The rows after the watermark not yet handed out; advances the watermark over handled ids and old gaps. */
    List<Change> readNew() throws SQLException {
        List<Change> fresh = new ArrayList<>();
        long[] bounds = new long[2];
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, kind, entity_id, desk, at, entity_to FROM change_log "
                    + "WHERE id > ? ORDER BY id")) {
                st.setLong(1, watermark);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (deliveredAbove.add(id)) {
                            fresh.add(new Change(id, kindOf(rs.getString(2)), Jdbc.getLong(rs, "entity_id"),
                                    rs.getString(4), Jdbc.getInstant(rs, "at"), Jdbc.getLong(rs, "entity_to")));
                        }
                    }
                }
            }
            if (fresh.isEmpty() && deliveredAbove.isEmpty() && gapSince.isEmpty()) {
                // were changes pruned while this desk was away? then what it shows is stale: reload
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MIN(id) FROM change_log")) {
                    rs.next();
                    bounds[0] = rs.getLong(1);
                }
            }
        });
        if (bounds[0] > watermark + 1 && watermark > 0) {
            listeners.forEach(Listener::reloadAll);
            watermark = bounds[0] - 1;
        }
        Instant now = clock.instant();
        if (!deliveredAbove.isEmpty()) {
            for (long id = watermark + 1; id < deliveredAbove.last(); id++) {
                if (!deliveredAbove.contains(id)) {
                    gapSince.putIfAbsent(id, now);
                }
            }
        }
        while (true) {
            long next = watermark + 1;
            Instant gap = gapSince.get(next);
            if (deliveredAbove.remove(next)) {
                watermark = next;
            } else if (gap != null && !now.isBefore(gap.plus(GAP_GRACE))) {
                gapSince.remove(next);
                watermark = next;
            } else {
                break;
            }
        }
        // a gap id read later was delivered above: no longer a gap
        gapSince.keySet().removeIf(id -> id <= watermark);
        return fresh;
    }

    private static ChangeLog.Kind kindOf(String s) {
        try {
            return ChangeLog.Kind.valueOf(s);
        } catch (IllegalArgumentException e) {
            return ChangeLog.Kind.NOTE; // a newer desk's kind: treat as "something changed"
        }
    }

    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (lastPrune.plus(PRUNE_EVERY).isAfter(now)) {
            return;
        }
        lastPrune = now;
        prune(db, now.minus(KEEP));
    }

    /**
     * Prunes the log at most every {@link #PRUNE_EVERY} per opened database, for a process that writes changes but
     * may read none (a headless {@code collect} with no desk open): the log stays an hour long whoever is running.
     * Runs in its own transaction; a failure is left to the next time.
     */
    public static void pruneNowAndThen(Database db, Instant now) {
        long last = db.changeLogPrunedAt.get();
        if (now.toEpochMilli() - last < PRUNE_EVERY.toMillis()
                || !db.changeLogPrunedAt.compareAndSet(last, now.toEpochMilli())) {
            return;
        }
        try {
            prune(db, now.minus(KEEP));
        } catch (RuntimeException e) {
            log.debug("Change log not pruned now: {}", e.toString());
        }
    }

    /** Deletes change-log rows older than {@code before}; how many. */
    public static int prune(Database db, Instant before) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM change_log WHERE at < ?")) {
                Jdbc.setInstant(st, 1, before);
                return st.executeUpdate();
            }
        });
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis()); // the feed's own poll period, on its own thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void closeListening() {
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException e) {
                // gone already
            }
            listening = null;
        }
    }

    /** Whether the last read failed, since when (null: reachable). */
    public Instant unreachableSince() {
        return unreachableSince;
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
