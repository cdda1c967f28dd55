package org.crisisdesk.triage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.crisisdesk.mention.CategoryCountStore;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.store.ChangeLog;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * Moves of mentions between categories, with their history (the assignment table) and the undo stack (the
 * move_group table). Every public method is one transaction, forced to disk before it returns, so a caller that
 * shows the result afterwards never shows a move a crash could take back.
 *
 * <p>Undo model: each gesture is a group. Undo takes the actor's newest DONE group and puts each of its mentions
 * back where it was, if nobody moved it since (UNDO rows); redo takes the actor's most recently undone group (the
 * UNDONE group with the lowest seq, because undone groups always form the newest end of the stack) and applies it
 * again (REDO rows). A new gesture drops the actor's UNDONE groups. Both survive a restart.
 */
public final class MoveStore {
    public static final String MANUAL = "MANUAL";
    public static final String UNDO = "UNDO";
    public static final String REDO = "REDO";
    public static final String MERGE = "MERGE";
    /**
     * {@code assigned_by} of a suggestion accepted in bulk (an ACCEPT gesture of more than one mention): filed like a
     * person's move, but not a label the engine learns from, since nobody looked at each one.
     */
    public static final String ACCEPTED = "ACCEPTED";

    /** Kinds of undoable groups. */
    public static final String KIND_MOVE = "MOVE";
    public static final String KIND_ACCEPT = "ACCEPT";

    private static final int CHUNK = 500;

    private final Database db;

    public MoveStore(Database db) {
        this.db = db;
    }

    /**
     * Files each mention into its target (null: Unsorted) as one gesture.
     *
     * @param targets   mention pk to target category, in the order the person picked them (null values allowed)
     * @param kind      {@link #KIND_MOVE} or {@link #KIND_ACCEPT}; an ACCEPT skips targets that are gone or
     *                  archived instead of refusing the whole gesture
     */
    public MoveResult move(Map<Long, Long> targets, String kind, String actor, Instant now) {
        return move(targets, Map.of(), kind, actor, now);
    }

    /**
     * Files each mention into its target as one gesture, but only those still where the mover saw them (issue 22):
     * a mention someone else moved meanwhile stays where they put it and comes back as a
     * {@link MoveResult.Conflict} naming that move; the others are filed. The check and the move are one
     * transaction on locked rows, and each update is itself conditional on the category checked.
     *
     * @param seen mention pk to the category the mover saw it in (a null value: Unsorted); a pk without an entry
     *             is moved wherever it is
     */
    public MoveResult move(Map<Long, Long> targets, Map<Long, Long> seen, String kind, String actor, Instant now) {
        if (targets.isEmpty()) {
            return MoveResult.NOTHING;
        }
        MoveResult result = db.inTransaction(c -> {
            Map<Long, Current> current = lock(c, targets.keySet());
            Map<Long, Category> cats = categories(c, new TreeSet<>(targets.values().stream()
                    .filter(Objects::nonNull).toList()));
            List<Row> rows = new ArrayList<>();
            List<Long> conflicted = new ArrayList<>();
            int skipped = 0;
            String filedBy = KIND_ACCEPT.equals(kind) && targets.size() > 1 ? ACCEPTED : MANUAL;
            for (Map.Entry<Long, Long> e : targets.entrySet()) {
                Long to = e.getValue();
                Current cur = current.get(e.getKey());
                if (cur != null && seen.containsKey(e.getKey()) && !Objects.equals(cur.category, seen.get(e.getKey()))) {
                    conflicted.add(e.getKey());
                    continue;
                }
                if (to != null) {
                    Category target = cats.get(to);
                    String problem = target == null ? "gone" : target.archived() ? "archived" : null;
                    if (problem != null && KIND_MOVE.equals(kind)) {
                        throw target == null
                                ? new TriageException(TriageException.Problem.NO_SUCH_CATEGORY,
                                        "No category with id " + to)
                                : new TriageException(TriageException.Problem.CATEGORY_ARCHIVED,
                                        "Category \"" + target.name() + "\" is archived", target.name());
                    }
                    if (problem != null) {
                        skipped++;
                        continue;
                    }
                }
                // Accepting only files what is still Unsorted: a suggestion never overrides a later decision.
                boolean decided = KIND_ACCEPT.equals(kind) && cur != null && cur.category != null;
                if (cur == null || Objects.equals(cur.category, to) || decided) {
                    skipped++;
                    continue;
                }
                rows.add(new Row(e.getKey(), cur.category, to, cur.assignedBy, to == null ? null : filedBy));
            }
            List<MoveResult.Conflict> conflicts = conflicts(c, conflicted, seen);
            if (rows.isEmpty()) {
                return new MoveResult(null, List.of(), skipped, conflicts);
            }
            String group = UUID.randomUUID().toString();
            dropRedo(c, actor, now);
            Long single = rows.stream().map(Row::to).distinct().count() == 1 ? rows.get(0).to() : null;
            insertGroup(c, group, actor, kind, single, rows.size(), now);
            apply(c, rows, MANUAL, group, actor, now);
            ChangeLog.record(c, db, ChangeLog.Kind.MOVE, rows.stream().map(Row::pk).toList());
            return new MoveResult(group, readBack(c, rows), skipped, conflicts);
        });
        if (!result.isEmpty()) {
            db.syncToDisk();
        }
        return result;
    }

    /** Undoes the actor's newest gesture that is still done; {@link MoveResult#NOTHING} when there is none. */
    public MoveResult undo(String actor, Instant now) {
        return replay(actor, now, true);
    }

    /** Redoes the actor's most recently undone gesture; {@link MoveResult#NOTHING} when there is none. */
    public MoveResult redo(String actor, Instant now) {
        return replay(actor, now, false);
    }

    private MoveResult replay(String actor, Instant now, boolean undo) {
        MoveResult result = db.inTransaction(c -> {
            String sql = "SELECT seq, id, kind FROM move_group WHERE actor = ? AND state = ? ORDER BY seq "
                    + (undo ? "DESC" : "ASC") + " FETCH FIRST 1 ROWS ONLY FOR UPDATE";
            String group;
            String kind;
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, actor);
                st.setString(2, undo ? "DONE" : "UNDONE");
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return MoveResult.NOTHING;
                    }
                    group = rs.getString("id");
                    kind = rs.getString("kind");
                }
            }
            List<Row> original = originalRows(c, group);
            String redoneBy = KIND_ACCEPT.equals(kind) && original.size() > 1 ? ACCEPTED : MANUAL;
            Map<Long, Current> current = lock(c, original.stream().map(Row::pk).toList());
            Set<Long> wanted = new TreeSet<>();
            original.forEach(r -> {
                if (r.from() != null) {
                    wanted.add(r.from());
                }
                if (r.to() != null) {
                    wanted.add(r.to());
                }
            });
            Map<Long, Category> cats = categories(c, wanted);
            List<Row> rows = new ArrayList<>();
            List<Long> conflicted = new ArrayList<>();
            Map<Long, Long> seen = new HashMap<>();
            int skipped = 0;
            for (Row r : original) {
                Current cur = current.get(r.pk());
                Long expected = undo ? r.to() : r.from();
                Long restore = undo ? r.from() : r.to();
                boolean restorable = restore == null || (cats.containsKey(restore) && !cats.get(restore).archived());
                if (cur != null && !Objects.equals(cur.category, expected)) {
                    // moved on since (by someone else, or by a later gesture): refused and told, never taken back
                    conflicted.add(r.pk());
                    seen.put(r.pk(), expected);
                    continue;
                }
                if (cur == null || !restorable) {
                    skipped++;
                    continue;
                }
                // Undo gives back the exact assigned_by the mention had (AUTO stays AUTO); redo is the gesture again
                // (a person's move, or a bulk accept that teaches nothing).
                String by = restore == null ? null
                        : undo ? Objects.requireNonNullElse(r.fromAssignedBy(), MANUAL) : redoneBy;
                rows.add(new Row(r.pk(), expected, restore, cur.assignedBy, by));
            }
            apply(c, rows, undo ? UNDO : REDO, group, actor, now);
            ChangeLog.record(c, db, ChangeLog.Kind.MOVE, rows.stream().map(Row::pk).toList());
            List<MoveResult.Conflict> conflicts = conflicts(c, conflicted, seen);
            // A gesture of which nothing could be taken back because others moved it all on is dropped: left DONE it
            // would stand in front of every older gesture, and UNDONE it would offer a redo that can do nothing.
            String state = rows.isEmpty() && !conflicts.isEmpty() ? "DROPPED" : undo ? "UNDONE" : "DONE";
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE move_group SET state = ?, changed_at = ? WHERE id = ?")) {
                st.setString(1, state);
                Jdbc.setInstant(st, 2, now);
                st.setString(3, group);
                st.executeUpdate();
            }
            return new MoveResult(group, readBack(c, rows), skipped, conflicts);
        });
        if (result.group() != null) {
            db.syncToDisk();
        }
        return result;
    }

    public UndoState undoState(String actor) {
        return db.inTransaction(c -> {
            int done = 0;
            int undone = 0;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT state, COUNT(*) FROM move_group WHERE actor = ? GROUP BY state")) {
                st.setString(1, actor);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        switch (rs.getString(1)) {
                            case "DONE" -> done = rs.getInt(2);
                            case "UNDONE" -> undone = rs.getInt(2);
                            default -> { }
                        }
                    }
                }
            }
            return new UndoState(done, undone);
        });
    }

    /** Every change of the mention's category, oldest first. */
    public List<HistoryEntry> history(long mentionPk) {
        return db.inTransaction(c -> {
            String sql = "SELECT a.at, a.actor, a.from_category, f.name AS from_name, a.to_category, t.name AS to_name, "
                    + "a.reason, a.move_group, g.kind FROM assignment a "
                    + "LEFT JOIN category f ON f.id = a.from_category "
                    + "LEFT JOIN category t ON t.id = a.to_category "
                    + "LEFT JOIN move_group g ON g.id = a.move_group "
                    + "WHERE a.mention_pk = ? ORDER BY a.at, a.id";
            List<HistoryEntry> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, mentionPk);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String reason = rs.getString("reason");
                        out.add(new HistoryEntry(Jdbc.getInstant(rs, "at"), rs.getString("actor"),
                                Jdbc.getLong(rs, "from_category"), rs.getString("from_name"),
                                Jdbc.getLong(rs, "to_category"), rs.getString("to_name"), reason,
                                rs.getString("move_group"),
                                MANUAL.equals(reason) && KIND_ACCEPT.equals(rs.getString("kind"))));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Merges {@code sourceId} into {@code targetId} in one transaction: every mention moves (one MERGE history row
     * each, earlier rows kept as they were), suggestions follow, the target gets both rule sets, and the source is
     * archived rather than deleted so the history, notices and alerts that name it stay readable.
     *
     * @return how many mentions moved
     */
    public int merge(long sourceId, long targetId, String actor, Instant now) {
        if (sourceId == targetId) {
            throw new TriageException(TriageException.Problem.SAME_CATEGORY, "A category cannot merge into itself");
        }
        int moved = db.inTransaction(c -> {
            Map<Long, Category> cats = categories(c, new TreeSet<>(List.of(sourceId, targetId)));
            Category source = active(cats, sourceId);
            Category target = active(cats, targetId);
            if (source.customerCentre()) {
                throw new TriageException(TriageException.Problem.FIXED_CATEGORY,
                        "The customer centre cannot be merged into another category", source.name());
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT pk, assigned_by FROM mention WHERE category_id = ? ORDER BY pk FOR UPDATE")) {
                st.setLong(1, sourceId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), sourceId, targetId, rs.getString(2), rs.getString(2)));
                    }
                }
            }
            String group = UUID.randomUUID().toString();
            insertHistory(c, rows, MERGE, group, actor, now);
            int updated;
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE mention SET category_id = ? WHERE category_id = ?")) {
                st.setLong(1, targetId);
                st.setLong(2, sourceId);
                updated = st.executeUpdate();
            }
            new CategoryCountStore.Changes().moved(sourceId, targetId, updated).applyTo(c);
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE mention SET suggested_category_id = ? WHERE suggested_category_id = ?")) {
                st.setLong(1, targetId);
                st.setLong(2, sourceId);
                st.executeUpdate();
            }
            CategoryStore.setRules(c, targetId, target.rules().plus(source.rules()));
            CategoryStore.setArchived(c, sourceId);
            ChangeLog.record(c, db, ChangeLog.Kind.MOVE, rows.stream().map(Row::pk).toList());
            ChangeLog.record(c, db, ChangeLog.Kind.CATEGORY, List.of(sourceId, targetId));
            return rows.size();
        });
        db.syncToDisk();
        return moved;
    }

    /** Writes the pending cases out; see {@link #handOver}. */
    @FunctionalInterface
    public interface HandOverWriter {
        /** Writes and commits the file (temp file, fsync, atomic move). Throwing leaves every case pending. */
        void write(List<StoredMention> cases) throws java.io.IOException;
    }

    /**
     * Hands the customer centre its pending cases: in one transaction, locks the cases of customer-centre columns
     * not yet handed over, lets {@code writer} commit the file, then marks exactly those cases handed over and
     * commits. A crash after the file but before the commit leaves the cases pending, so the next export repeats
     * them (ids make the repeat recognisable); a case is never marked without being in a file.
     *
     * @return how many cases were handed over (0: no file was written)
     */
    public int handOver(HandOverWriter writer, Instant now) {
        int n = db.inTransaction(c -> {
            List<StoredMention> cases = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + MentionStore.COLUMNS + " FROM mention "
                    + "WHERE handed_over_at IS NULL AND category_id IN "
                    + "(SELECT id FROM category WHERE kind = 'CUSTOMER_CENTRE') ORDER BY created_at, pk FOR UPDATE")) {
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        cases.add(MentionStore.read(rs));
                    }
                }
            }
            if (cases.isEmpty()) {
                return 0;
            }
            try {
                writer.write(cases);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE mention SET handed_over_at = ? WHERE pk = ?")) {
                for (StoredMention m : cases) {
                    Jdbc.setInstant(st, 1, now);
                    st.setLong(2, m.pk());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return cases.size();
        });
        if (n > 0) {
            db.syncToDisk();
        }
        return n;
    }

    // ---- inside a transaction ------------------------------------------------------------------------------------

    private record Current(Long category, String assignedBy) {}

    /**
     * One change: the mention, its category before and after, and its assigned_by before (kept in the history row so
     * the change can be undone exactly) and after (MANUAL for a person's move; null in Unsorted).
     */
    private record Row(long pk, Long from, Long to, String fromAssignedBy, String newAssignedBy) {}

    private static Map<Long, Current> lock(Connection c, Collection<Long> pks) throws SQLException {
        Map<Long, Current> out = new HashMap<>();
        List<Long> all = new ArrayList<>(pks);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String sql = "SELECT pk, category_id, assigned_by FROM mention WHERE pk IN ("
                    + "?,".repeat(chunk.size() - 1) + "?) FOR UPDATE";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    st.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong("pk"), new Current(Jdbc.getLong(rs, "category_id"),
                                rs.getString("assigned_by")));
                    }
                }
            }
        }
        return out;
    }

    private static Map<Long, Category> categories(Connection c, Set<Long> ids) throws SQLException {
        Map<Long, Category> out = new HashMap<>();
        for (Long id : ids) {
            CategoryStore.byId(c, id).ifPresent(cat -> out.put(id, cat));
        }
        return out;
    }

    private static Category active(Map<Long, Category> cats, long id) {
        Category cat = cats.get(id);
        if (cat == null) {
            throw new TriageException(TriageException.Problem.NO_SUCH_CATEGORY, "No category with id " + id);
        }
        if (cat.archived()) {
            throw new TriageException(TriageException.Problem.CATEGORY_ARCHIVED,
                    "Category \"" + cat.name() + "\" is archived", cat.name());
        }
        return cat;
    }

    private static void dropRedo(Connection c, String actor, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE move_group SET state = 'DROPPED', changed_at = ? WHERE actor = ? AND state = 'UNDONE'")) {
            Jdbc.setInstant(st, 1, now);
            st.setString(2, actor);
            st.executeUpdate();
        }
    }

    private static void insertGroup(Connection c, String group, String actor, String kind, Long to, int count,
            Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO move_group (id, actor, kind, state, to_category, "
                + "mention_count, created_at, changed_at) VALUES (?,?,?,'DONE',?,?,?,?)")) {
            st.setString(1, group);
            st.setString(2, actor);
            st.setString(3, kind);
            Jdbc.setLong(st, 4, to);
            st.setInt(5, count);
            Jdbc.setInstant(st, 6, now);
            Jdbc.setInstant(st, 7, now);
            st.executeUpdate();
        }
    }

    /** Sets each mention's category and assigned_by, and writes its history row. */
    private static void apply(Connection c, List<Row> rows, String reason, String group, String actor, Instant now)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        // conditional on the category the rows were checked against (they are locked, so this always holds; if it
        // ever did not, the gesture rolls back whole rather than overwrite another person's move)
        try (PreparedStatement st = c.prepareStatement("UPDATE mention SET category_id = ?, assigned_by = ? "
                + "WHERE pk = ? AND category_id IS NOT DISTINCT FROM ?")) {
            for (Row r : rows) {
                Jdbc.setLong(st, 1, r.to());
                st.setString(2, r.newAssignedBy());
                st.setLong(3, r.pk());
                Jdbc.setLong(st, 4, r.from());
                st.addBatch();
            }
            int[] counts = st.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new IllegalStateException("Mention " + rows.get(i).pk() + " was moved during the gesture");
                }
            }
        }
        CategoryCountStore.Changes counts = new CategoryCountStore.Changes();
        rows.forEach(r -> counts.moved(r.from(), r.to()));
        counts.applyTo(c);
        insertHistory(c, rows, reason, group, actor, now);
    }

    private static void insertHistory(Connection c, List<Row> rows, String reason, String group, String actor,
            Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO assignment (mention_pk, from_category, "
                + "to_category, actor, reason, move_group, at, from_assigned_by) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Row r : rows) {
                st.setLong(1, r.pk());
                Jdbc.setLong(st, 2, r.from());
                Jdbc.setLong(st, 3, r.to());
                st.setString(4, actor);
                st.setString(5, reason);
                st.setString(6, group);
                Jdbc.setInstant(st, 7, now);
                if (r.fromAssignedBy() == null) {
                    st.setNull(8, Types.VARCHAR);
                } else {
                    st.setString(8, r.fromAssignedBy());
                }
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /**
     * The conflicts of {@code pks}: each mention as stored now, with the newest row of its history (who moved it
     * there and when). {@code seen}: where the mover expected each one.
     */
    private static List<MoveResult.Conflict> conflicts(Connection c, List<Long> pks, Map<Long, Long> seen)
            throws SQLException {
        if (pks.isEmpty()) {
            return List.of();
        }
        Map<Long, StoredMention> now = new HashMap<>();
        for (MoveResult.Moved m : readBack(c, pks.stream().map(pk -> new Row(pk, null, null, null, null)).toList())) {
            if (m.mention() != null) {
                now.put(m.mention().pk(), m.mention());
            }
        }
        List<MoveResult.Conflict> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT actor, at FROM assignment WHERE mention_pk = ? "
                + "ORDER BY at DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
            for (long pk : pks) {
                StoredMention m = now.get(pk);
                if (m == null) {
                    continue;
                }
                String by = null;
                Instant at = null;
                st.setLong(1, pk);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        by = rs.getString("actor");
                        at = Jdbc.getInstant(rs, "at");
                    }
                }
                String name = m.categoryId() == null ? null
                        : CategoryStore.byId(c, m.categoryId()).map(Category::name).orElse(null);
                out.add(new MoveResult.Conflict(m, seen.get(pk), name, by, at));
            }
        }
        return out;
    }

    /** The rows the gesture itself wrote (not its later UNDO/REDO rows), in the order they were written. */
    private static List<Row> originalRows(Connection c, String group) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT mention_pk, from_category, to_category, "
                + "from_assigned_by FROM assignment WHERE move_group = ? AND reason = ? ORDER BY id")) {
            st.setString(1, group);
            st.setString(2, MANUAL);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), Jdbc.getLong(rs, "from_category"),
                            Jdbc.getLong(rs, "to_category"), rs.getString("from_assigned_by"), null));
                }
            }
        }
        return out;
    }

    private static List<MoveResult.Moved> readBack(Connection c, List<Row> rows) throws SQLException {
        Map<Long, StoredMention> byPk = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            String sql = "SELECT " + MentionStore.COLUMNS + " FROM mention WHERE pk IN ("
                    + "?,".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    st.setLong(i + 1, chunk.get(i).pk());
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        StoredMention m = MentionStore.read(rs);
                        byPk.put(m.pk(), m);
                    }
                }
            }
        }
        Map<Long, MoveResult.Moved> ordered = new LinkedHashMap<>();
        for (Row r : rows) {
            ordered.put(r.pk(), new MoveResult.Moved(byPk.get(r.pk()), r.from()));
        }
        return new ArrayList<>(ordered.values());
    }
}
