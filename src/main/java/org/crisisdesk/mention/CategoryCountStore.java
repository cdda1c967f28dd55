package org.crisisdesk.mention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.crisisdesk.store.Database;

/**
 * How many mentions each category holds (the {@code category_count} table, V80), so the board headers and the
 * alert watch never count the whole mention table. Every writer of {@code mention.category_id} adds its difference
 * through {@link Changes#applyTo} inside its own transaction: {@link MentionStore#ingest} (auto-filed and imported
 * mentions) and {@code MoveStore} (moves, accepted suggestions, undo, redo, merge). Archiving a category does not
 * move its mentions. A tool that writes mentions by plain SQL must call {@link #recount} afterwards.
 *
 * <p>Thread-safe; concurrent writers (two desks on one database, the collector) serialize on the rows they change,
 * always in ascending key order, so they cannot deadlock on them. Unsorted is key {@code null} in this API and
 * {@value #UNSORTED_KEY} in the table.
 */
public final class CategoryCountStore {
    static final long UNSORTED_KEY = 0L;

    private final Database db;

    public CategoryCountStore(Database db) {
        this.db = db;
    }

    /** Mentions per category with at least one; Unsorted under {@code null}. One read of a table of a few rows. */
    public Map<Long, Long> totals() {
        return db.inTransaction(CategoryCountStore::totals);
    }

    /** {@link #totals()} inside the caller's transaction. */
    public static Map<Long, Long> totals(Connection c) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT category_key, mentions FROM category_count WHERE mentions <> 0");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long key = rs.getLong(1);
                out.put(key == UNSORTED_KEY ? null : key, rs.getLong(2));
            }
        }
        return out;
    }

    /** Mentions in one category (null: Unsorted). */
    public static long total(Connection c, Long categoryId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT mentions FROM category_count WHERE category_key = ?")) {
            st.setLong(1, key(categoryId));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Gives a new category its row at 0, in the transaction that creates it. */
    public static void created(Connection c, long categoryId) throws SQLException {
        if (update(c, categoryId, 0) == 0) {
            insert(c, categoryId, 0);
        }
    }

    /** Counts everything again from the mention table (one scan): a repair, and for bulk loaders. */
    public void recount() {
        db.inTransactionVoid(CategoryCountStore::recount);
    }

    /** {@link #recount()} inside the caller's transaction. */
    public static void recount(Connection c) throws SQLException {
        Map<Long, Long> fresh = new TreeMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT category_id, COUNT(*) FROM mention GROUP BY category_id");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                fresh.put(rs.wasNull() ? UNSORTED_KEY : id, rs.getLong(2));
            }
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE category_count SET mentions = 0")) {
            st.executeUpdate();
        }
        for (var e : fresh.entrySet()) {
            if (update(c, e.getKey(), e.getValue()) == 0) {
                insert(c, e.getKey(), e.getValue());
            }
        }
    }

    /**
     * The count changes one transaction makes, gathered first and written once at its end: one UPDATE per category
     * touched, in ascending key order, so the rows are locked briefly and always in the same order.
     */
    public static final class Changes {
        private final TreeMap<Long, Long> delta = new TreeMap<>();

        /** {@code n} mentions arrived in {@code categoryId} (null: Unsorted). */
        public Changes added(Long categoryId, long n) {
            delta.merge(key(categoryId), n, Long::sum);
            return this;
        }

        /** One mention went from {@code from} to {@code to} (either may be null: Unsorted). */
        public Changes moved(Long from, Long to) {
            return moved(from, to, 1);
        }

        public Changes moved(Long from, Long to, long n) {
            if (key(from) != key(to)) {
                added(from, -n);
                added(to, n);
            }
            return this;
        }

        public boolean isEmpty() {
            return delta.values().stream().allMatch(v -> v == 0);
        }

        /** Writes the changes in the caller's transaction. */
        public void applyTo(Connection c) throws SQLException {
            for (var e : delta.entrySet()) {
                if (e.getValue() != 0 && update(c, e.getKey(), e.getValue()) == 0) {
                    // a category created before V80's seed or by plain SQL: its row starts here
                    insert(c, e.getKey(), e.getValue());
                }
            }
        }
    }

    private static long key(Long categoryId) {
        return categoryId == null ? UNSORTED_KEY : categoryId;
    }

    private static int update(Connection c, long key, long delta) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE category_count SET mentions = mentions + ? WHERE category_key = ?")) {
            st.setLong(1, delta);
            st.setLong(2, key);
            return st.executeUpdate();
        }
    }

    private static void insert(Connection c, long key, long mentions) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO category_count (category_key, mentions) VALUES (?, ?)")) {
            st.setLong(1, key);
            st.setLong(2, mentions);
            st.executeUpdate();
        }
    }
}
