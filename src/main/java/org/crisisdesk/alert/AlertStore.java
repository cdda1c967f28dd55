package org.crisisdesk.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.store.ChangeLog;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.store.Sql;

/** Alerts and their history. Every change of an alert and its event row are written in one transaction. */
public final class AlertStore {
    private static final String SELECT = "SELECT a.*, c.name AS category_name FROM alert a "
            + "LEFT JOIN category c ON c.id = a.category_id ";
    private static final String ACTIVE = "(a.state IN ('OPEN', 'SNOOZED') OR (a.state = 'DISMISSED' AND a.cleared_at IS NULL))";

    private final Database db;

    public AlertStore(Database db) {
        this.db = db;
    }

    /** Open, snoozed, and dismissed-while-the-condition-holds alerts. */
    public List<Alert> active() {
        return db.inTransaction(AlertStore::active);
    }

    static List<Alert> active(Connection c) throws SQLException {
        return query(c, SELECT + "WHERE " + ACTIVE + " ORDER BY a.id");
    }

    /** Active alerts plus those changed since {@code since}, newest change first, at most {@code limit}. */
    public List<Alert> shown(Instant since, int limit) {
        return db.inTransaction(c -> query(c, SELECT + "WHERE " + ACTIVE + " OR a.updated_at >= ? "
                + "ORDER BY a.updated_at DESC, a.id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", since));
    }

    /** Every alert raised in {@code [from, to)}, oldest first (the handover report's list). */
    public List<Alert> raisedBetween(Instant from, Instant to) {
        return db.inTransaction(c -> query(c, SELECT + "WHERE a.raised_at >= ? AND a.raised_at < ? ORDER BY a.raised_at, a.id",
                from, to));
    }

    public Optional<Alert> byId(long id) {
        return db.inTransaction(c -> query(c, SELECT + "WHERE a.id = ?", id).stream().findFirst());
    }

    /** Stores a new OPEN alert for the finding and its RAISED event. */
    public Alert raise(Finding f, String categoryName, String actor, Instant now) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO alert (category_id, reason, state, message, level, "
                    + "raised_at, updated_at, facts) VALUES (?,?,?,?,?,?,?,?)", new String[] {"id"})) {
                Jdbc.setLong(st, 1, f.categoryId());
                st.setString(2, f.reason().name());
                st.setString(3, AlertState.OPEN.name());
                st.setString(4, clip(f.message(), 2000));
                st.setInt(5, f.level());
                Jdbc.setInstant(st, 6, now);
                Jdbc.setInstant(st, 7, now);
                st.setString(8, clip(f.facts().encode(), 2000));
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            Alert a = new Alert(id, f.categoryId(), categoryName, f.reason(), AlertState.OPEN, f.level(), f.message(),
                    f.facts(), now, now, null, null, null, null);
            event(c, a, EventKind.RAISED, actor, f.message(), null, now);
            ChangeLog.record(c, db, ChangeLog.Kind.ALERT, a.id());
            return a;
        });
    }

    /** Writes the alert's new values and, when {@code kind} is not null, one history line, in one transaction. */
    public Alert update(Alert a, EventKind kind, String actor, String detail, Long noticeId, Instant now) {
        return update(a, null, kind, actor, detail, noticeId, now);
    }

    /**
     * Stores {@code a} only while the stored alert is still in {@code expected} (null: whatever it is). The watch
     * decides from what it read a moment ago; a person at another desk may have dismissed or snoozed the alert since,
     * and writing the watch's copy over that would open it again.
     *
     * @throws ChangedElsewhere when the stored state is no longer {@code expected}; nothing was written
     */
    public Alert update(Alert a, AlertState expected, EventKind kind, String actor, String detail, Long noticeId,
            Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE alert SET state = ?, level = ?, message = ?, facts = ?, "
                    + "updated_at = ?, snoozed_until = ?, resolved_by_notice = ?, quiet_since = ?, cleared_at = ? "
                    + "WHERE id = ?" + (expected == null ? "" : " AND state = ?"))) {
                st.setString(1, a.state().name());
                st.setInt(2, a.level());
                st.setString(3, clip(a.message(), 2000));
                st.setString(4, clip(a.facts().encode(), 2000));
                Jdbc.setInstant(st, 5, a.updatedAt());
                Jdbc.setInstant(st, 6, a.snoozedUntil());
                Jdbc.setLong(st, 7, a.resolvedByNotice());
                Jdbc.setInstant(st, 8, a.quietSince());
                Jdbc.setInstant(st, 9, a.clearedAt());
                st.setLong(10, a.id());
                if (expected != null) {
                    st.setString(11, expected.name());
                }
                if (st.executeUpdate() != 1) {
                    if (expected != null) {
                        throw new ChangedElsewhere(a.id());
                    }
                    throw new IllegalStateException("Alert " + a.id() + " is gone");
                }
            }
            if (kind != null) {
                event(c, a, kind, actor, detail, noticeId, now);
            }
            ChangeLog.record(c, db, ChangeLog.Kind.ALERT, a.id());
            return a;
        });
    }

    /** The alert's stored state moved on (another desk acted on it) after it was read; the next pass reads it anew. */
    public static final class ChangedElsewhere extends RuntimeException {
        ChangedElsewhere(long alertId) {
            super("Alert " + alertId + " was changed elsewhere meanwhile", null, false, false);
        }
    }

    private static void event(Connection c, Alert a, EventKind kind, String actor, String detail, Long noticeId,
            Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_event (alert_id, kind, level, state, actor, "
                + "detail, notice_id, notified, at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            st.setLong(1, a.id());
            st.setString(2, kind.name());
            st.setInt(3, a.level());
            st.setString(4, a.state().name());
            st.setString(5, clip(actor, 200));
            st.setString(6, detail == null ? null : clip(detail, 2000));
            Jdbc.setLong(st, 7, noticeId);
            st.setBoolean(8, kind.notifies());
            Jdbc.setInstant(st, 9, now);
            st.executeUpdate();
        }
    }

    /** One alert's history, oldest first. */
    public List<AlertEvent> events(long alertId) {
        return db.inTransaction(c -> events(c, "WHERE alert_id = ? ORDER BY at, id", alertId));
    }

    /** Every alert event in {@code [from, to)}, oldest first (the handover report reads these). */
    public List<AlertEvent> eventsBetween(Instant from, Instant to) {
        return db.inTransaction(c -> events(c, "WHERE at >= ? AND at < ? ORDER BY at, id", from, to));
    }

    private static List<AlertEvent> events(Connection c, String where, Object... args) throws SQLException {
        List<AlertEvent> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM alert_event " + where)) {
            Sql.bindPositional(st, java.util.Arrays.asList(args));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new AlertEvent(rs.getLong("id"), rs.getLong("alert_id"), EventKind.valueOf(rs.getString("kind")),
                            rs.getInt("level"), AlertState.valueOf(rs.getString("state")), rs.getString("actor"),
                            rs.getString("detail"), Jdbc.getLong(rs, "notice_id"), rs.getBoolean("notified"),
                            Jdbc.getInstant(rs, "at")));
                }
            }
        }
        return out;
    }

    private static List<Alert> query(Connection c, String sql, Object... args) throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            Sql.bindPositional(st, java.util.Arrays.asList(args));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }


    private static Alert read(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong("id"), Jdbc.getLong(rs, "category_id"), rs.getString("category_name"),
                Reason.valueOf(rs.getString("reason")), AlertState.valueOf(rs.getString("state")), rs.getInt("level"),
                rs.getString("message"), Facts.decode(rs.getString("facts")), Jdbc.getInstant(rs, "raised_at"),
                Jdbc.getInstant(rs, "updated_at"), Jdbc.getInstant(rs, "snoozed_until"),
                Jdbc.getLong(rs, "resolved_by_notice"), Jdbc.getInstant(rs, "quiet_since"),
                Jdbc.getInstant(rs, "cleared_at"));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
