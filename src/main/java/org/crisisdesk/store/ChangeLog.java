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
        WRITING
    }

    private ChangeLog() {}

    static String newDeskId() {
        return ProcessHandle.current().pid() + "/" + Long.toHexString(new java.security.SecureRandom().nextLong());
    }

    /** Records that {@code kind} {@code id} changed (null: the kind as a whole, e.g. the category list). */
    public static void record(Connection c, Database db, Kind kind, Long id) throws SQLException {
        record(c, db, kind, id == null ? java.util.Collections.singletonList(null) : List.of(id));
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
        if (db.dialect() == SqlDialect.POSTGRESQL) {
            try (PreparedStatement st = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                st.setString(1, kind.name());
                st.execute();
            }
        }
    }
}
