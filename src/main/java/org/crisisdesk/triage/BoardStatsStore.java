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
import org.crisisdesk.mention.CategoryCountStore;
import org.crisisdesk.notice.NoticeCountsStore;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * The numbers behind the column headers, read in one transaction: totals, mentions since each category's last
 * posted notice (its posting time, as everywhere: {@link NoticeCountsStore}), per-minute volume of the last hour and pending hand-overs.
 * Volumes count by the mention's {@code created_at}, the time the customer wrote.
 */
public final class BoardStatsStore {
    private final Database db;
    /** Time-windowed counts read the (category_id, created_at) index (H2 may otherwise pick another on category_id). */
    private final String byCreated;

    public BoardStatsStore(Database db) {
        this.db = db;
        this.byCreated = db.dialect().useIndex("mention_category_created_idx");
    }

    public BoardStats stats(Instant now) {
        return db.inTransaction(c -> {
            Map<Long, Long> totals = CategoryCountStore.totals(c);
            Map<Long, Instant> lastNotice = lastNotices(c);
            Set<Long> keys = new HashSet<>(totals.keySet());
            keys.addAll(lastNotice.keySet());
            keys.add(null);
            Map<Long, int[]> perMinute = perMinute(c, keys, now);
            Map<Long, Long> pending = pendingHandOver(c);
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

    /** The last notice time of each category ({@link NoticeCountsStore}: when it was posted). */
    private static Map<Long, Instant> lastNotices(Connection c) throws SQLException {
        Map<Long, Instant> out = new HashMap<>();
        NoticeCountsStore.lastNotices(c, null).forEach((id, n) -> out.put(id, n.postedAt()));
        return out;
    }

    /** New since the last notice ({@link NoticeCountsStore}): a range of the (category_id, created_at) index. */
    private long countSince(Connection c, long categoryId, Instant since) throws SQLException {
        return NoticeCountsStore.newSince(c, categoryId, since, null, byCreated);
    }

    /**
     * Buckets of one minute ending at {@code now}; index 59 holds the current minute. One range of the
     * (category_id, created_at) index per column, bounded to the hour: only created_at is read, from the index.
     */
    private Map<Long, int[]> perMinute(Connection c, Set<Long> categories, Instant now) throws SQLException {
        Map<Long, int[]> out = new HashMap<>();
        Instant from = now.minus(Duration.ofMinutes(ColumnStats.MINUTES));
        try (PreparedStatement byId = c.prepareStatement("SELECT created_at FROM mention" + byCreated
                + " WHERE category_id = ? AND created_at > ? AND created_at <= ?");
                PreparedStatement unsorted = c.prepareStatement("SELECT created_at FROM mention" + byCreated
                        + " WHERE category_id IS NULL AND created_at > ? AND created_at <= ?")) {
            for (Long id : categories) {
                PreparedStatement st = id == null ? unsorted : byId;
                int p = 1;
                if (id != null) {
                    st.setLong(p++, id);
                }
                Jdbc.setInstant(st, p++, from);
                Jdbc.setInstant(st, p, now);
                int[] buckets = null;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Instant at = Jdbc.getInstant(rs, "created_at");
                        long ago = Duration.between(at, now).toSeconds() / 60;
                        int bucket = ColumnStats.MINUTES - 1 - (int) Math.min(ColumnStats.MINUTES - 1, Math.max(0, ago));
                        if (buckets == null) {
                            buckets = new int[ColumnStats.MINUTES];
                        }
                        buckets[bucket]++;
                    }
                }
                if (buckets != null) {
                    out.put(id, buckets);
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
