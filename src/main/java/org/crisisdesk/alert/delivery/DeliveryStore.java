package org.crisisdesk.alert.delivery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * Alert deliveries in the database: unique per (alert, level, channel), so however often the watch evaluates, an
 * alert level is told once per channel; claims are conditional updates committed before the network call.
 */
public final class DeliveryStore {
    private static final String COLUMNS = "id, alert_id, level, channel, step, state, attempts, subject, body, "
            + "failure, next_attempt_at, created_at, sent_at";
    private final Database db;
    private final Clock wall;

    public DeliveryStore(Database db, Clock wall) {
        this.db = db;
        this.wall = wall;
    }

    /** Queues the message unless this alert level was already queued for this channel; true when it is new. */
    public boolean enqueue(long alertId, int level, String channel, int step, String subject, String body,
            Instant notBefore) {
        boolean created = db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM alert_delivery WHERE alert_id = ? AND "
                    + "level = ? AND channel = ?")) {
                st.setLong(1, alertId);
                st.setInt(2, level);
                st.setString(3, channel);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_delivery (alert_id, level, channel, "
                    + "step, state, attempts, subject, body, next_attempt_at, created_at) VALUES "
                    + "(?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?, ?)")) {
                st.setLong(1, alertId);
                st.setInt(2, level);
                st.setString(3, channel);
                st.setInt(4, step);
                st.setString(5, clip(subject, 500));
                st.setString(6, clip(body, 4000));
                Jdbc.setInstant(st, 7, notBefore);
                Jdbc.setInstant(st, 8, wall.instant());
                return st.executeUpdate() == 1;
            } catch (SQLException raced) {
                return false; // another desk queued the same (alert, level, channel) a moment ago: the unique key
            }
        });
        if (created) {
            db.syncToDisk();
        }
        return created;
    }

    public List<Delivery> due(Instant now) {
        return list("SELECT " + COLUMNS + " FROM alert_delivery WHERE state = 'QUEUED' AND (next_attempt_at IS NULL "
                + "OR next_attempt_at <= ?) ORDER BY id", now);
    }

    /** SENT deliveries (any alert): candidates for escalation. */
    public List<Delivery> sentSince(Instant since) {
        return list("SELECT " + COLUMNS + " FROM alert_delivery WHERE state = 'SENT' AND sent_at >= ? ORDER BY id",
                since);
    }

    /** Every delivery created since {@code since}, oldest first (the handover report, the alert history). */
    public List<Delivery> since(Instant since) {
        return list("SELECT " + COLUMNS + " FROM alert_delivery WHERE created_at >= ? ORDER BY id", since);
    }

    public List<Delivery> forAlert(long alertId) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_delivery WHERE "
                    + "alert_id = ? ORDER BY id")) {
                st.setLong(1, alertId);
                return read(st);
            }
        });
    }

    /** The deliveries of these alerts, oldest first (the desk's alert history). */
    public List<Delivery> forAlerts(java.util.Collection<Long> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(alertIds));
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_delivery WHERE "
                    + "alert_id IN (" + marks + ") ORDER BY id")) {
                for (int i = 0; i < ids.size(); i++) {
                    st.setLong(i + 1, ids.get(i));
                }
                return read(st);
            }
        });
    }

    public boolean claim(long id) {
        boolean ok = update("UPDATE alert_delivery SET state = 'SENDING', attempts = attempts + 1, "
                + "sending_started_at = ?, next_attempt_at = NULL WHERE id = ? AND state = 'QUEUED'", id,
                wall.instant(), null);
        if (ok) {
            db.syncToDisk();
        }
        return ok;
    }

    public void markSent(long id) {
        update("UPDATE alert_delivery SET state = 'SENT', sent_at = ?, failure = NULL WHERE id = ?", id,
                wall.instant(), null);
        db.syncToDisk();
    }

    public void requeue(long id, Instant next, String failure) {
        update("UPDATE alert_delivery SET state = 'QUEUED', next_attempt_at = ?, failure = ? WHERE id = ?", id, next,
                failure);
    }

    public void fail(long id, String failure) {
        update("UPDATE alert_delivery SET state = 'FAILED', next_attempt_at = ?, failure = ? WHERE id = ?", id, null,
                failure);
    }

    /** Queued messages of an alert someone acknowledged: never sent. */
    public int cancelQueued(long alertId, String why) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE alert_delivery SET state = 'CANCELLED', failure = ? "
                    + "WHERE alert_id = ? AND state = 'QUEUED'")) {
                st.setString(1, why);
                st.setLong(2, alertId);
                return st.executeUpdate();
            }
        });
    }

    /** SENDING rows whose attempt started before {@code before} (the desk stopped mid-send): queued again. */
    public int requeueStale(Instant before) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE alert_delivery SET state = 'QUEUED', failure = "
                    + "'Interrupted while sending; sent again' WHERE state = 'SENDING' AND sending_started_at < ?")) {
                Jdbc.setInstant(st, 1, before);
                return st.executeUpdate();
            }
        });
    }

    private boolean update(String sql, long id, Instant at, String text) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                Jdbc.setInstant(st, i++, at);
                if (text != null || sql.contains("failure = ?")) {
                    st.setString(i++, clip(text, 2000));
                }
                st.setLong(i, id);
                return st.executeUpdate() == 1;
            }
        });
    }

    private List<Delivery> list(String sql, Instant at) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                Jdbc.setInstant(st, 1, at);
                return read(st);
            }
        });
    }

    private static List<Delivery> read(PreparedStatement st) throws SQLException {
        List<Delivery> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Delivery(rs.getLong("id"), rs.getLong("alert_id"), rs.getInt("level"),
                        rs.getString("channel"), rs.getInt("step"), rs.getString("state"), rs.getInt("attempts"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("failure"),
                        Jdbc.getInstant(rs, "next_attempt_at"), Jdbc.getInstant(rs, "created_at"),
                        Jdbc.getInstant(rs, "sent_at")));
            }
        }
        return out;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
