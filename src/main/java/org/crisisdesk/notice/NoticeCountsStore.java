package org.crisisdesk.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.crisisdesk.mention.CategoryCountStore;
import org.crisisdesk.store.Jdbc;

/**
 * The numbers about notices that the board columns, the alerts, the composer and the handover report all show, each
 * defined once, here (issue #26: the column, the alert and the composer said three different things about the same
 * notice). Static reads inside the caller's transaction, so each store keeps reading its numbers in one transaction.
 *
 * <ul>
 *   <li><b>Last notice time</b>: when the category's newest POSTED notice was posted ({@code posted_at}; a notice
 *       posted in the same instant as another wins by id). The posting time, not the as-of the text says: that is when
 *       the public saw it.
 *   <li><b>New since the last notice</b>: the category's mentions created after that time (all of them when the
 *       category has no notice), up to the time asked about.
 *   <li><b>Waiting in Unsorted</b>: the kept count of the Unsorted column ({@link CategoryCountStore}), the number the
 *       column shows.
 *   <li><b>Notice ordinal</b> ("notice 2"): the notice's place among its category's posted notices by posting time,
 *       from 1. Database ids count drafts and other categories' notices and are not shown to people.
 * </ul>
 * Overdue promises are {@link Promises}' (pure, over the posted notices).
 */
public final class NoticeCountsStore {
    private static final String POSTED_AT = "COALESCE(n.posted_at, n.updated_at)";

    private NoticeCountsStore() {}

    /** A category's newest posted notice as of some time. */
    public record LastNotice(long id, long categoryId, Instant postedAt, Instant eta, Instant nextUpdate,
            Integer stageStep, Integer stageTotal) {}

    /** Every category's newest notice posted at or before {@code at} (null: any time). */
    public static Map<Long, LastNotice> lastNotices(Connection c, Instant at) throws SQLException {
        String when = at == null ? "" : " AND " + POSTED_AT + " <= ?";
        String whenM = at == null ? "" : " AND COALESCE(m.posted_at, m.updated_at) <= ?";
        String sql = "SELECT n.id, n.category_id, " + POSTED_AT + " AS posted, n.eta, n.next_update, n.stage_step, "
                + "n.stage_total FROM notice n WHERE n.state = 'POSTED' AND n.category_id IS NOT NULL" + when
                + " AND NOT EXISTS (SELECT 1 FROM notice m WHERE m.category_id = n.category_id AND m.state = 'POSTED'"
                + whenM + " AND (COALESCE(m.posted_at, m.updated_at) > " + POSTED_AT
                + " OR (COALESCE(m.posted_at, m.updated_at) = " + POSTED_AT + " AND m.id > n.id)))";
        Map<Long, LastNotice> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            if (at != null) {
                Jdbc.setInstant(st, 1, at);
                Jdbc.setInstant(st, 2, at);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LastNotice n = new LastNotice(rs.getLong("id"), rs.getLong("category_id"),
                            Jdbc.getInstant(rs, "posted"), Jdbc.getInstant(rs, "eta"),
                            Jdbc.getInstant(rs, "next_update"), Jdbc.getInt(rs, "stage_step"),
                            Jdbc.getInt(rs, "stage_total"));
                    out.put(n.categoryId(), n);
                }
            }
        }
        return out;
    }

    /**
     * Mentions of the category created after {@code lastNotice} (exclusive; null: all) and at or before {@code upTo}
     * (null: no bound). {@code indexHint} is the dialect's hint for the (category_id, created_at) index, or "".
     */
    public static long newSince(Connection c, long categoryId, Instant lastNotice, Instant upTo, String indexHint)
            throws SQLException {
        String sql = "SELECT COUNT(*) FROM mention" + indexHint + " WHERE category_id = ?"
                + (lastNotice == null ? "" : " AND created_at > ?") + (upTo == null ? "" : " AND created_at <= ?");
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            st.setLong(i++, categoryId);
            if (lastNotice != null) {
                Jdbc.setInstant(st, i++, lastNotice);
            }
            if (upTo != null) {
                Jdbc.setInstant(st, i, upTo);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Mentions waiting in Unsorted: the column's kept count. */
    public static long waitingInUnsorted(Connection c) throws SQLException {
        return CategoryCountStore.total(c, null);
    }

    /** Each posted notice's ordinal in its category (see the class comment); ids not posted are left out. */
    public static Map<Long, Integer> ordinals(Connection c, Collection<Long> noticeIds) throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM notice n JOIN notice m "
                + "ON m.category_id = n.category_id AND m.state = 'POSTED' AND (COALESCE(m.posted_at, m.updated_at) < "
                + POSTED_AT + " OR (COALESCE(m.posted_at, m.updated_at) = " + POSTED_AT + " AND m.id <= n.id)) "
                + "WHERE n.id = ? AND n.state = 'POSTED'")) {
            for (Long id : noticeIds) {
                if (id == null || out.containsKey(id)) {
                    continue;
                }
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        out.put(id, (int) rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }
}
