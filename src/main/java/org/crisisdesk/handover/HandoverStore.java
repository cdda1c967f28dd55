package org.crisisdesk.handover;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.crisisdesk.handover.HandoverReport.CategoryRef;
import org.crisisdesk.handover.HandoverReport.HandOff;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * The read-only queries behind a handover report, over the V1 tables (mention, category, assignment, notice, alert).
 * Every figure is an SQL aggregate; only the bounded theme sample and the bounded hand-off list read mention text.
 * Each method is one transaction; the queries stay within standard SQL that H2 and PostgreSQL both accept.
 */
public final class HandoverStore {
    private final Database db;

    public HandoverStore(Database db) {
        this.db = db;
    }

    /** A posted notice as the report needs it. */
    record NoticeRow(long id, Long categoryId, Instant postedAt, String department, Integer stageStep,
            Integer stageTotal, String stageLabel, Instant eta, Instant nextUpdate, String text) {}

    record AlertRow(long id, Long categoryId, String reason, String state, String message, Instant raisedAt,
            Instant snoozedUntil) {}

    record CountOldest(long count, Instant oldest) {}

    record HandOffCounts(long filedInWindow, long exportedOfWindow, long waiting, long listed) {}

    /** Every category, archived included, in board order. */
    List<CategoryRef> categories() {
        return db.inTransaction(c -> {
            List<CategoryRef> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, name, color, kind, archived FROM category ORDER BY position, id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new CategoryRef(rs.getLong("id"), rs.getString("name"), rs.getString("color"),
                            "CUSTOMER_CENTRE".equals(rs.getString("kind")), rs.getBoolean("archived")));
                }
            }
            return out;
        });
    }

    /**
     * Mentions per (category, bucket) for {@code created_at} in {@code [from, to)}; bucket {@code i} covers
     * {@code [from + i*size, from + (i+1)*size)}. Unsorted is under key null.
     */
    Map<Long, long[]> bucketCounts(Instant from, Instant to, long bucketSeconds, int buckets) {
        return db.inTransaction(c -> {
            Map<Long, long[]> out = new HashMap<>();
            String sql = "SELECT category_id, b, COUNT(*) AS n FROM (SELECT category_id, "
                    + "FLOOR((EXTRACT(EPOCH FROM created_at) - CAST(? AS BIGINT)) / CAST(? AS BIGINT)) AS b "
                    + "FROM mention WHERE created_at >= ? AND created_at < ?) t GROUP BY category_id, b";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, from.getEpochSecond());
                st.setLong(2, bucketSeconds);
                Jdbc.setInstant(st, 3, from);
                Jdbc.setInstant(st, 4, to);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Long cat = Jdbc.getLong(rs, "category_id");
                        int b = (int) Math.max(0, Math.min(buckets - 1, rs.getLong("b")));
                        out.computeIfAbsent(cat, k -> new long[buckets])[b] += rs.getLong("n");
                    }
                }
            }
            return out;
        });
    }

    /** Mentions per category created in {@code [from, to)}; Unsorted under key null. */
    Map<Long, Long> totals(Instant from, Instant to) {
        return db.inTransaction(c -> {
            Map<Long, Long> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT category_id, COUNT(*) FROM mention "
                    + "WHERE created_at >= ? AND created_at < ? GROUP BY category_id")) {
                Jdbc.setInstant(st, 1, from);
                Jdbc.setInstant(st, 2, to);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(Jdbc.getLong(rs, "category_id"), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** Notices posted in {@code [from, until]}, oldest first. */
    List<NoticeRow> postedBetween(Instant from, Instant until) {
        return db.inTransaction(c -> notices(c, "SELECT * FROM notice WHERE state = 'POSTED' AND posted_at >= ? "
                + "AND posted_at <= ? ORDER BY posted_at, id", from, until));
    }

    /** The latest notice posted at or before {@code at} for each category (and for notices with no category). */
    List<NoticeRow> latestPerCategory(Instant at) {
        return db.inTransaction(c -> notices(c, "SELECT * FROM notice n WHERE n.state = 'POSTED' AND n.posted_at <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM notice n2 WHERE n2.state = 'POSTED' AND n2.posted_at <= ? "
                + "AND n2.category_id IS NOT DISTINCT FROM n.category_id AND (n2.posted_at > n.posted_at "
                + "OR (n2.posted_at = n.posted_at AND n2.id > n.id))) ORDER BY n.posted_at, n.id", at, at));
    }

    /** Mentions of a category created after {@code after} (exclusive; null for all) and before {@code before}. */
    CountOldest countSince(Long categoryId, Instant after, Instant before) {
        return db.inTransaction(c -> {
            String sql = "SELECT COUNT(*), MIN(created_at) AS oldest FROM mention WHERE "
                    + (categoryId == null ? "category_id IS NULL" : "category_id = ?")
                    + (after == null ? "" : " AND created_at > ?") + " AND created_at < ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                if (categoryId != null) {
                    st.setLong(i++, categoryId);
                }
                if (after != null) {
                    Jdbc.setInstant(st, i++, after);
                }
                Jdbc.setInstant(st, i, before);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return new CountOldest(rs.getLong(1), Jdbc.getInstant(rs, "oldest"));
                }
            }
        });
    }

    /** Alerts in state OPEN or SNOOZED, oldest first. */
    List<AlertRow> openAlerts() {
        return db.inTransaction(c -> {
            List<AlertRow> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, category_id, reason, state, message, raised_at, "
                    + "snoozed_until FROM alert WHERE state IN ('OPEN', 'SNOOZED') ORDER BY raised_at, id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new AlertRow(rs.getLong("id"), Jdbc.getLong(rs, "category_id"), rs.getString("reason"),
                            rs.getString("state"), rs.getString("message"), Jdbc.getInstant(rs, "raised_at"),
                            Jdbc.getInstant(rs, "snoozed_until")));
                }
            }
            return out;
        });
    }

    /**
     * Customer-centre hand-offs. A mention's filing time is its latest move into its current (customer-centre)
     * category, or its creation when it arrived there. Listed: filed in {@code [from, to)}, or filed before
     * {@code asOf} and not exported yet.
     */
    HandOffCounts handOffs(List<Long> ccIds, Instant from, Instant to, Instant asOf, int limit, List<HandOff> sink) {
        if (ccIds.isEmpty()) {
            return new HandOffCounts(0, 0, 0, 0);
        }
        return db.inTransaction(c -> {
            String in = "?,".repeat(ccIds.size() - 1) + "?";
            String filed = "SELECT m.pk, m.author, m.author_name, m.text, m.created_at, m.handed_over_at, "
                    + "COALESCE((SELECT MAX(a.at) FROM assignment a WHERE a.mention_pk = m.pk "
                    + "AND a.to_category = m.category_id), m.created_at) AS filed_at "
                    + "FROM mention m WHERE m.category_id IN (" + in + ") AND m.created_at < ?";
            String listed = "(t.filed_at >= ? AND t.filed_at < ?) OR (t.filed_at < ? AND "
                    + "(t.handed_over_at IS NULL OR t.handed_over_at > ?))";
            HandOffCounts counts;
            try (PreparedStatement st = c.prepareStatement("SELECT "
                    + "SUM(CASE WHEN t.filed_at >= ? AND t.filed_at < ? THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN t.filed_at >= ? AND t.filed_at < ? AND t.handed_over_at <= ? THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN t.filed_at < ? AND (t.handed_over_at IS NULL OR t.handed_over_at > ?) "
                    + "THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN " + listed + " THEN 1 ELSE 0 END) FROM (" + filed + ") t")) {
                int i = 1;
                for (Instant x : new Instant[] {from, to, from, to, asOf, asOf, asOf, from, to, asOf, asOf}) {
                    Jdbc.setInstant(st, i++, x);
                }
                i = bindFiled(st, i, ccIds, asOf);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    counts = new HandOffCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM (" + filed + ") t WHERE " + listed
                    + " ORDER BY t.filed_at, t.pk FETCH FIRST " + limit + " ROWS ONLY")) {
                int i = bindFiled(st, 1, ccIds, asOf);
                for (Instant x : new Instant[] {from, to, asOf, asOf}) {
                    Jdbc.setInstant(st, i++, x);
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Instant handed = Jdbc.getInstant(rs, "handed_over_at");
                        sink.add(new HandOff(rs.getLong("pk"), rs.getString("author"), rs.getString("author_name"),
                                rs.getString("text"), Jdbc.getInstant(rs, "created_at"),
                                Jdbc.getInstant(rs, "filed_at"), handed != null && handed.isAfter(asOf) ? null : handed));
                    }
                }
            }
            return counts;
        });
    }

    private static int bindFiled(PreparedStatement st, int i, List<Long> ccIds, Instant asOf) throws SQLException {
        for (Long id : ccIds) {
            st.setLong(i++, id);
        }
        Jdbc.setInstant(st, i++, asOf);
        return i;
    }

    /** Streams the text of the newest {@code limit} unsorted mentions created in {@code [from, to)}. */
    int unsortedTexts(Instant from, Instant to, int limit, Consumer<String> sink) {
        return db.inTransaction(c -> {
            int n = 0;
            try (PreparedStatement st = c.prepareStatement("SELECT text FROM mention WHERE category_id IS NULL AND "
                    + "created_at >= ? AND created_at < ? ORDER BY created_at DESC, pk DESC FETCH FIRST " + limit
                    + " ROWS ONLY")) {
                st.setFetchSize(500);
                Jdbc.setInstant(st, 1, from);
                Jdbc.setInstant(st, 2, to);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getString(1));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    private static List<NoticeRow> notices(Connection c, String sql, Instant a, Instant b) throws SQLException {
        List<NoticeRow> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            Jdbc.setInstant(st, 1, a);
            Jdbc.setInstant(st, 2, b);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new NoticeRow(rs.getLong("id"), Jdbc.getLong(rs, "category_id"),
                            Jdbc.getInstant(rs, "posted_at"), rs.getString("department"),
                            Jdbc.getInt(rs, "stage_step"), Jdbc.getInt(rs, "stage_total"),
                            rs.getString("stage_label"), Jdbc.getInstant(rs, "eta"),
                            Jdbc.getInstant(rs, "next_update"), rs.getString("text")));
                }
            }
        }
        return out;
    }
}
