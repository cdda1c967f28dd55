package org.crisisdesk.alert.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.store.Sql;

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
            if (Sql.on(c, "SELECT 1 FROM alert_delivery WHERE alert_id = :alert AND level = :level "
                    + "AND channel = :channel").bind("alert", alertId).bind("level", level).bind("channel", channel)
                    .first(rs -> true).isPresent()) {
                return false;
            }
            try {
                return Sql.on(c, "INSERT INTO alert_delivery (alert_id, level, channel, step, state, attempts, "
                        + "subject, body, next_attempt_at, created_at) VALUES (:alert, :level, :channel, :step, "
                        + "'QUEUED', 0, :subject, :body, :notBefore, :now)")
                        .bind("alert", alertId).bind("level", level).bind("channel", channel).bind("step", step)
                        .bindString("subject", clip(subject, 500)).bindString("body", clip(body, 4000))
                        .bindInstant("notBefore", notBefore).bind("now", wall.instant()).update() == 1;
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
        return list("state = 'QUEUED' AND (next_attempt_at IS NULL OR next_attempt_at <= :at)", "at", now);
    }

    /** SENT deliveries (any alert): candidates for escalation. */
    public List<Delivery> sentSince(Instant since) {
        return list("state = 'SENT' AND sent_at >= :at", "at", since);
    }

    /** Every delivery created since {@code since}, oldest first (the handover report, the alert history). */
    public List<Delivery> since(Instant since) {
        return list("created_at >= :at", "at", since);
    }

    public List<Delivery> forAlert(long alertId) {
        return list("alert_id = :alert", "alert", alertId);
    }

    /** The deliveries of these alerts, oldest first (the desk's alert history). */
    public List<Delivery> forAlerts(java.util.Collection<Long> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(alertIds));
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            marks.append(i == 0 ? ":a" : ", :a").append(i);
        }
        return db.inTransaction(c -> {
            Sql st = Sql.on(c, "SELECT " + COLUMNS + " FROM alert_delivery WHERE alert_id IN (" + marks
                    + ") ORDER BY id");
            for (int i = 0; i < ids.size(); i++) {
                st.bindLong("a" + i, ids.get(i));
            }
            return st.list(DeliveryStore::read);
        });
    }

    public boolean claim(long id) {
        boolean ok = update("UPDATE alert_delivery SET state = 'SENDING', attempts = attempts + 1, "
                + "sending_started_at = :now, next_attempt_at = NULL WHERE id = :id AND state = 'QUEUED'", id, null,
                null) == 1;
        if (ok) {
            db.syncToDisk();
        }
        return ok;
    }

    public void markSent(long id) {
        update("UPDATE alert_delivery SET state = 'SENT', sent_at = :now, failure = NULL WHERE id = :id", id, null,
                null);
        db.syncToDisk();
    }

    public void requeue(long id, Instant next, String failure) {
        update("UPDATE alert_delivery SET state = 'QUEUED', next_attempt_at = :next, failure = :failure WHERE id = :id",
                id, next, failure);
    }

    public void fail(long id, String failure) {
        update("UPDATE alert_delivery SET state = 'FAILED', next_attempt_at = :next, failure = :failure WHERE id = :id",
                id, null, failure);
    }

    /** Queued messages of an alert someone acknowledged: never sent. */
    public int cancelQueued(long alertId, String why) {
        return db.inTransaction(c -> Sql.on(c, "UPDATE alert_delivery SET state = 'CANCELLED', failure = :why "
                + "WHERE alert_id = :alert AND state = 'QUEUED'").bindString("why", why).bind("alert", alertId)
                .update());
    }

    /** SENDING rows whose attempt started before {@code before} (the desk stopped mid-send): queued again. */
    public int requeueStale(Instant before) {
        return db.inTransaction(c -> Sql.on(c, "UPDATE alert_delivery SET state = 'QUEUED', failure = "
                + "'Interrupted while sending; sent again' WHERE state = 'SENDING' AND sending_started_at < :before")
                .bindInstant("before", before).update());
    }

    /** Runs an update of one row {@code :id}, binding {@code :now}, {@code :next} and {@code :failure} where used. */
    private int update(String sql, long id, Instant next, String failure) {
        return db.inTransaction(c -> {
            Sql st = Sql.on(c, sql).bind("id", id);
            if (sql.contains(":now")) {
                st.bind("now", wall.instant());
            }
            if (sql.contains(":next")) {
                st.bindInstant("next", next);
            }
            if (sql.contains(":failure")) {
                st.bindString("failure", clip(failure, 2000));
            }
            return st.update();
        });
    }

    private List<Delivery> list(String where, String name, Object value) {
        return db.inTransaction(c -> Sql.on(c, "SELECT " + COLUMNS + " FROM alert_delivery WHERE " + where
                + " ORDER BY id").bind(name, value).list(DeliveryStore::read));
    }

    private static Delivery read(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("alert_id"), rs.getInt("level"), rs.getString("channel"),
                rs.getInt("step"), rs.getString("state"), rs.getInt("attempts"), rs.getString("subject"),
                rs.getString("body"), rs.getString("failure"), Jdbc.getInstant(rs, "next_attempt_at"),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "sent_at"));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
