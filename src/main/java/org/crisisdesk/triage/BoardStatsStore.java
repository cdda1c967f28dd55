package org.crisisdesk.triage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * The numbers behind the column headers, read in one transaction: totals, mentions since each category's last
 * posted notice (the notice table's {@code as_of}), per-minute volume of the last hour and pending hand-overs.
 * Volumes count by the mention's {@code created_at}, the time the customer wrote.
 */
public final class BoardStatsStore {
    private final Database db;

    public BoardStatsStore(Database db) {
        this.db = db;
    }

    public BoardStats stats(Instant now) {
        return db.inTransaction(c -> {
            Map<Long, Long> totals = totals(c);
            Map<Long, Instant> lastNotice = lastNotices(c);
            Map<Long, int[]> perMinute = perMinute(c, now);
            Map<Long, Long> pending = pendingHandOver(c);
            Set<Long> keys = new HashSet<>(totals.keySet());
            keys.addAll(lastNotice.keySet());
            keys.addAll(perMinute.keySet());
            keys.add(null);
            Map<Long, ColumnStats> out = new HashMap<>();
            for (Long id : keys) {
                long total = totals.getOrDefault(id, 0L);
                Instant notice = id == null ? null : lastNotice.get(id);
                long since = notice == null ? total : countSince(c, id, notice);
                out.put(id, new ColumnStats(total, since, notice,
                        perMinute.getOrDefault(id, new int[ColumnStats.MINUTES]), pending.getOrDefault(id, 0L)));
            }
            return new BoardStats(now, out);
        });
    }

    private static Map<Long, Long> totals(Connection c) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT category_id, COUNT(*) FROM mention GROUP BY category_id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.put(Jdbc.getLong(rs, "category_id"), rs.getLong(2));
            }
        }
        return out;
    }

    /** Newest posted notice per category; a notice without an as-of time counts from when it was posted. */
    private static Map<Long, Instant> lastNotices(Connection c) throws SQLException {
        Map<Long, Instant> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT category_id, MAX(COALESCE(as_of, posted_at)) AS last_at "
                + "FROM notice WHERE state = 'POSTED' AND category_id IS NOT NULL GROUP BY category_id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Instant at = Jdbc.getInstant(rs, "last_at");
                if (at != null) {
                    out.put(rs.getLong("category_id"), at);
                }
            }
        }
        return out;
    }

    private static long countSince(Connection c, long categoryId, Instant since) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT COUNT(*) FROM mention WHERE category_id = ? AND created_at > ?")) {
            st.setLong(1, categoryId);
            Jdbc.setInstant(st, 2, since);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Buckets of one minute ending at {@code now}; index 59 holds the current minute. */
    private static Map<Long, int[]> perMinute(Connection c, Instant now) throws SQLException {
        Map<Long, int[]> out = new HashMap<>();
        Instant from = now.minus(Duration.ofMinutes(ColumnStats.MINUTES));
        try (PreparedStatement st = c.prepareStatement(
                "SELECT category_id, created_at FROM mention WHERE created_at > ? AND created_at <= ?")) {
            Jdbc.setInstant(st, 1, from);
            Jdbc.setInstant(st, 2, now);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Instant at = Jdbc.getInstant(rs, "created_at");
                    long ago = Duration.between(at, now).toSeconds() / 60;
                    int bucket = ColumnStats.MINUTES - 1 - (int) Math.min(ColumnStats.MINUTES - 1, Math.max(0, ago));
                    out.computeIfAbsent(Jdbc.getLong(rs, "category_id"), k -> new int[ColumnStats.MINUTES])[bucket]++;
                }
            }
        }
        return out;
    }

    private static Map<Long, Long> pendingHandOver(Connection c) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT m.category_id, COUNT(*) FROM mention m "
                + "JOIN category k ON k.id = m.category_id WHERE k.kind = 'CUSTOMER_CENTRE' "
                + "AND m.handed_over_at IS NULL GROUP BY m.category_id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }
}
