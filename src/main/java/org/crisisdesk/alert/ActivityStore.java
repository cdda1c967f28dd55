package org.crisisdesk.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * The read side of the watch: counts of mentions per category and time window (by the {@code (category_id,
 * created_at)} index), the last posted notice per category, and the Unsorted backlog. Never loads mentions.
 */
public final class ActivityStore {
    /** Notices count once posted; the notice outbox may add states, but POSTED keeps this meaning. */
    public static final String POSTED = "POSTED";

    private final Database db;

    public ActivityStore(Database db) {
        this.db = db;
    }

    /** The newest posted notice of every category that has one. */
    public Map<Long, NoticeRef> lastPostedNotices() {
        return db.inTransaction(c -> {
            Map<Long, NoticeRef> out = new HashMap<>();
            // Newest by posted time; a notice posted in the same instant as another wins by id.
            String sql = "SELECT n.id, n.category_id, COALESCE(n.posted_at, n.updated_at) AS posted, n.eta, n.next_update "
                    + "FROM notice n WHERE n.state = ? AND n.category_id IS NOT NULL AND NOT EXISTS ("
                    + "SELECT 1 FROM notice m WHERE m.category_id = n.category_id AND m.state = ? AND ("
                    + "COALESCE(m.posted_at, m.updated_at) > COALESCE(n.posted_at, n.updated_at) OR ("
                    + "COALESCE(m.posted_at, m.updated_at) = COALESCE(n.posted_at, n.updated_at) AND m.id > n.id)))";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, POSTED);
                st.setString(2, POSTED);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        NoticeRef n = readNotice(rs);
                        out.put(n.categoryId(), n);
                    }
                }
            }
            return out;
        });
    }

    /** A posted notice by id (empty when missing or not posted). */
    public Optional<NoticeRef> postedNotice(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT n.id, n.category_id, "
                    + "COALESCE(n.posted_at, n.updated_at) AS posted, n.eta, n.next_update FROM notice n "
                    + "WHERE n.id = ? AND n.state = ?")) {
                st.setLong(1, id);
                st.setString(2, POSTED);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(readNotice(rs)) : Optional.empty();
                }
            }
        });
    }

    private static NoticeRef readNotice(ResultSet rs) throws SQLException {
        return new NoticeRef(rs.getLong("id"), Jdbc.getLong(rs, "category_id"), Jdbc.getInstant(rs, "posted"),
                Jdbc.getInstant(rs, "eta"), Jdbc.getInstant(rs, "next_update"));
    }

    /**
     * Mentions created in each window, per category: one indexed range query per category, all in one transaction.
     *
     * @return for each category, one count per window, in the order asked
     */
    public Map<Long, long[]> counts(Map<Long, List<Window>> windowsByCategory) {
        if (windowsByCategory.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(c -> {
            Map<Long, long[]> out = new HashMap<>();
            for (var e : windowsByCategory.entrySet()) {
                out.put(e.getKey(), count(c, e.getKey(), e.getValue()));
            }
            return out;
        });
    }

    private static long[] count(Connection c, long categoryId, List<Window> windows) throws SQLException {
        long[] result = new long[windows.size()];
        if (windows.isEmpty()) {
            return result;
        }
        Instant lo = windows.get(0).from();
        Instant hi = windows.get(0).to();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            lo = w.from().isBefore(lo) ? w.from() : lo;
            hi = w.to().isAfter(hi) ? w.to() : hi;
            sql.append(i == 0 ? "" : ", ").append("COALESCE(SUM(CASE WHEN created_at > ? AND created_at <= ? THEN 1 ELSE 0 END), 0)");
        }
        sql.append(" FROM mention WHERE category_id = ? AND created_at > ? AND created_at <= ?");
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Window w : windows) {
                Jdbc.setInstant(st, p++, w.from());
                Jdbc.setInstant(st, p++, w.to());
            }
            st.setLong(p++, categoryId);
            Jdbc.setInstant(st, p++, lo);
            Jdbc.setInstant(st, p, hi);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                for (int i = 0; i < windows.size(); i++) {
                    result[i] = rs.getLong(i + 1);
                }
            }
        }
        return result;
    }

    /** What waits in Unsorted. */
    public record Backlog(long count, Instant oldest) {}

    public Backlog unsorted() {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT COUNT(*), MIN(created_at) AS oldest FROM mention WHERE category_id IS NULL");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), Jdbc.getInstant(rs, "oldest"));
            }
        });
    }

    /** The oldest mention on the desk, or null when there is none. */
    public Instant historyFrom() {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT MIN(created_at) AS oldest FROM mention");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return Jdbc.getInstant(rs, "oldest");
            }
        });
    }
}
