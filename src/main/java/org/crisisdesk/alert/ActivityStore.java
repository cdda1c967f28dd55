package org.crisisdesk.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.crisisdesk.notice.NoticeCountsStore;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * The read side of the watch, one transaction per evaluation: the watched categories, the alert settings, the last
 * posted notice per category, counts of mentions per category and time window (one range of the
 * {@code (category_id, created_at)} index per category), the Unsorted backlog (its kept count and one index seek for
 * the oldest) and the active alerts. Never loads mentions, never reads the whole table.
 */
public final class ActivityStore {
    /** Notices count once posted; the notice outbox may add states, but POSTED keeps this meaning. */
    public static final String POSTED = "POSTED";

    private final Database db;
    /** Windowed counts read the (category_id, created_at) index (H2 may otherwise pick another on category_id). */
    private final String byCreated;

    public ActivityStore(Database db) {
        this.db = db;
        this.byCreated = db.dialect().useIndex("mention_category_created_idx");
    }

    /** A category the watch looks at (active, i.e. not archived). */
    public record Watched(long id, String name) {}

    /** What waits in Unsorted. */
    public record Backlog(long count, Instant oldest) {}

    /**
     * Everything one evaluation reads.
     *
     * @param counts per category, one count per window the planner asked for
     * @param historyFrom the desk's oldest mention, or null when there is none
     */
    public record Snapshot(AlertSettings settings, List<Watched> categories, Map<Long, NoticeRef> notices,
            Map<Long, long[]> counts, Backlog backlog, Instant historyFrom, List<Alert> active) {}

    /**
     * Reads a snapshot in one transaction; {@code planner} decides, from the settings and last notices, which windows
     * to count for each category.
     */
    public Snapshot read(WindowPlanner planner) {
        return db.inTransaction(c -> {
            AlertSettings settings = AlertSettingsStore.load(c);
            List<Watched> categories = watched(c);
            Map<Long, NoticeRef> notices = lastPostedNotices(c);
            Map<Long, List<Window>> windows = new HashMap<>();
            for (Watched w : categories) {
                windows.put(w.id(), planner.apply(settings.forCategory(w.id()), notices.get(w.id())));
            }
            return new Snapshot(settings, categories, notices, counts(c, windows), unsorted(c), historyFrom(c),
                    AlertStore.active(c));
        });
    }

    /** Which windows to count for a category, given its rules and its last notice (null when none). */
    @FunctionalInterface
    public interface WindowPlanner extends BiFunction<RuleSettings, NoticeRef, List<Window>> {}

    private static List<Watched> watched(Connection c) throws SQLException {
        List<Watched> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, name FROM category WHERE archived = FALSE ORDER BY position, id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Watched(rs.getLong(1), rs.getString(2)));
            }
        }
        return out;
    }

    /** The newest posted notice of every category that has one. */
    public Map<Long, NoticeRef> lastPostedNotices() {
        return db.inTransaction(ActivityStore::lastPostedNotices);
    }

    /** The last notice of each category by the one definition ({@link NoticeCountsStore}), with its ordinal. */
    private static Map<Long, NoticeRef> lastPostedNotices(Connection c) throws SQLException {
        Map<Long, NoticeRef> out = new HashMap<>();
        Map<Long, NoticeCountsStore.LastNotice> last = NoticeCountsStore.lastNotices(c, null);
        Map<Long, Integer> ordinals = NoticeCountsStore.ordinals(c,
                last.values().stream().map(NoticeCountsStore.LastNotice::id).toList());
        for (NoticeCountsStore.LastNotice n : last.values()) {
            out.put(n.categoryId(), new NoticeRef(n.id(), n.categoryId(), n.postedAt(), n.eta(), n.nextUpdate(),
                    Stage.closes(n.stageStep(), n.stageTotal()), ordinals.getOrDefault(n.id(), 0)));
        }
        return out;
    }

    /** A posted notice by id (empty when missing or not posted). */
    public Optional<NoticeRef> postedNotice(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT n.id, n.category_id, "
                    + "COALESCE(n.posted_at, n.updated_at) AS posted, n.eta, n.next_update, n.stage_step, n.stage_total "
                    + "FROM notice n "
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
                Jdbc.getInstant(rs, "eta"), Jdbc.getInstant(rs, "next_update"),
                Stage.closes(Jdbc.getInt(rs, "stage_step"), Jdbc.getInt(rs, "stage_total")));
    }

    /** Mentions created in each window, per category (see {@link #counts(Connection, Map)}). */
    public Map<Long, long[]> counts(Map<Long, List<Window>> windowsByCategory) {
        return db.inTransaction(c -> counts(c, windowsByCategory));
    }

    /**
     * The windows' ends cut time into a few segments; for each category one range of the (category_id, created_at)
     * index, bounded by the first and last cut, counts its mentions per segment, and each window is the sum of the
     * segments it spans.
     */
    private Map<Long, long[]> counts(Connection c, Map<Long, List<Window>> windowsByCategory)
            throws SQLException {
        TreeSet<Instant> cutSet = new TreeSet<>();
        windowsByCategory.values().forEach(ws -> ws.forEach(w -> {
            cutSet.add(w.from());
            cutSet.add(w.to());
        }));
        List<Instant> cuts = new ArrayList<>(cutSet);
        Map<Long, long[]> segments = cuts.size() < 2 ? Map.of()
                : segmentCounts(c, windowsByCategory.keySet(), cuts);
        Map<Long, long[]> out = new HashMap<>();
        for (var e : windowsByCategory.entrySet()) {
            long[] seg = segments.get(e.getKey());
            long[] counts = new long[e.getValue().size()];
            for (int i = 0; seg != null && i < counts.length; i++) {
                Window w = e.getValue().get(i);
                for (int s = cuts.indexOf(w.from()); s < cuts.indexOf(w.to()); s++) {
                    counts[i] += seg[s];
                }
            }
            out.put(e.getKey(), counts);
        }
        return out;
    }

    /** Per category: mentions created in each segment {@code (cuts[i], cuts[i+1]]}. */
    private Map<Long, long[]> segmentCounts(Connection c, Collection<Long> categories, List<Instant> cuts)
            throws SQLException {
        int n = cuts.size() - 1;
        StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
        for (int i = 0; i < n; i++) {
            sql.append(", SUM(CASE WHEN created_at > ? AND created_at <= ? THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM mention").append(byCreated)
                .append(" WHERE category_id = ? AND created_at > ? AND created_at <= ?");
        Map<Long, long[]> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            for (Long category : categories) {
                int p = 1;
                for (int i = 0; i < n; i++) {
                    Jdbc.setInstant(st, p++, cuts.get(i));
                    Jdbc.setInstant(st, p++, cuts.get(i + 1));
                }
                st.setLong(p++, category);
                Jdbc.setInstant(st, p++, cuts.get(0));
                Jdbc.setInstant(st, p, cuts.get(n));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        long[] seg = new long[n];
                        for (int i = 0; i < n; i++) {
                            seg[i] = rs.getLong(i + 2);
                        }
                        out.put(category, seg);
                    }
                }
            }
        }
        return out;
    }

    public Backlog unsorted() {
        return db.inTransaction(this::unsorted);
    }

    /** The kept count of Unsorted, and its oldest mention: the first entry of the (category_id, created_at) index. */
    private Backlog unsorted(Connection c) throws SQLException {
        long count = NoticeCountsStore.waitingInUnsorted(c);
        if (count == 0) {
            return new Backlog(0, null);
        }
        try (PreparedStatement st = c.prepareStatement("SELECT created_at FROM mention" + byCreated
                + " WHERE category_id IS NULL ORDER BY category_id, created_at FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = st.executeQuery()) {
            return new Backlog(count, rs.next() ? Jdbc.getInstant(rs, "created_at") : null);
        }
    }

    private static Instant historyFrom(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT MIN(created_at) AS oldest FROM mention");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return Jdbc.getInstant(rs, "oldest");
        }
    }
}
