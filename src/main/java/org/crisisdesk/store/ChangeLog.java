package org.crisisdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Writes the change log (issue 21): one row per changed thing, in the caller's transaction, so another desk sees
 * the change exactly when it is committed and never one that was rolled back. On PostgreSQL a NOTIFY on
 * {@link #CHANNEL} (delivered at commit) wakes the other desks' {@link ChangeFeed} at once.
 */
public final class ChangeLog {
    public static final String CHANNEL = "crisisdesk_changes";

    /** What changed; a desk refreshes what shows that kind of thing. */
    public enum Kind {
        MOVE,
        CATEGORY,
        NOTICE,
        ALERT,
        SHIFT,
        NOTE,
        /** A composer opened or closed on a category (issue 22: "민지 is writing a notice"). */
        WRITING,
        /**
         * New mentions were stored (by the collector, an import): one row per stored batch, naming the batch's
         * primary keys as the range {@code entity_id..entity_to} (see {@link #recordMentions}).
         */
        MENTIONS
    }

    private ChangeLog() {}

    static String newDeskId() {
        return ProcessHandle.current().pid() + "/" + Long.toHexString(new java.security.SecureRandom().nextLong());
    }

    /** Records that {@code kind} {@code id} changed (null: the kind as a whole, e.g. the category list). */
    public static void record(Connection c, Database db, Kind kind, Long id) throws SQLException {
        record(c, db, kind, id == null ? java.util.Collections.singletonList(null) : List.of(id));
    }

    /**
     * Records that mentions with primary keys {@code from..to} (inclusive) were stored in this transaction: one row
     * for a whole batch. The range holds every key the batch got; keys in it that another transaction got are read
     * by the other desks too, which show a mention once whichever change brings it.
     */
    public static void recordMentions(Connection c, Database db, long from, long to) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO change_log (kind, entity_id, entity_to, desk, at) VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, Kind.MENTIONS.name());
            st.setLong(2, from);
            st.setLong(3, to);
            st.setString(4, db.deskId());
            Jdbc.setInstant(st, 5, Instant.now());
            st.executeUpdate();
        }
        notifyDesks(c, db, Kind.MENTIONS);
    }

    public static void record(Connection c, Database db, Kind kind, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO change_log (kind, entity_id, desk, at) VALUES (?, ?, ?, ?)")) {
            for (Long id : ids) {
                st.setString(1, kind.name());
                Jdbc.setLong(st, 2, id);
                st.setString(3, db.deskId());
                Jdbc.setInstant(st, 4, now);
                st.addBatch();
            }
            st.executeBatch();
        }
        notifyDesks(c, db, kind);
    }

    private static void notifyDesks(Connection c, Database db, Kind kind) throws SQLException {
        if (db.dialect() == SqlDialect.POSTGRESQL) {
            try (PreparedStatement st = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                st.setString(1, kind.name());
                st.execute();
            }
        }
    }
}
