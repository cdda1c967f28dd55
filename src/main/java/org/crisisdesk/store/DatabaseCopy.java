package org.crisisdesk.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code crisisdesk db copy}: every row of every table of one CrisisDesk database into another (a one-desk H2 file
 * into the team's PostgreSQL, or back), driven by the schema itself, so a table added by a later migration is copied
 * without a change here. Both databases are at this build's schema (opening them migrated them).
 *
 * <p>Nothing is changed on the way: keys, identities, times (as instants), bytes and texts arrive as they were, and
 * the target's identities continue after the highest copied value. The whole copy is one transaction on the target:
 * it is there completely or not at all.
 *
 * <ul>
 *   <li>An empty target (no rows but those a new database's migrations put there) gets everything.</li>
 *   <li>A target that already holds every source row, unchanged, is left alone: a second run does nothing.</li>
 *   <li>Any other target is refused, unless {@code merge}: then the rows it lacks are added, rows it has are kept,
 *   and rows that differ under the same key are counted, not copied (two desks' own crises number their rows from
 *   1 each; those are not merged by key).</li>
 * </ul>
 */
public final class DatabaseCopy {
    private static final int BATCH = 1_000;

    /** What a copy did, per table (in copy order). */
    public record Result(Outcome outcome, Map<String, Long> copied, Map<String, Long> conflicting) {
        public long copiedRows() {
            return copied.values().stream().mapToLong(Long::longValue).sum();
        }

        public long conflictingRows() {
            return conflicting.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public enum Outcome {
        /** The target was empty and now holds everything. */
        COPIED,
        /** The target already held every row: nothing was written. */
        ALREADY_COPIED,
        /** Merge: the missing rows were added. */
        MERGED,
        /** The target holds other data and merge was not asked for: nothing was written. */
        REFUSED_NOT_EMPTY
    }

    private final Database from;
    private final Database to;

    public DatabaseCopy(Database from, Database to) {
        this.from = from;
        this.to = to;
    }

    public Result copy(boolean merge) {
        try (Connection src = from.dataSource().getConnection();
                Connection dst = to.dataSource().getConnection()) {
            src.setAutoCommit(false);
            src.setReadOnly(true);
            src.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            dst.setAutoCommit(false);
            try {
                Result r = copy(src, dst, merge);
                dst.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                dst.rollback();
                throw e;
            } finally {
                src.rollback();
                // pooled: hand it back as it was lent
                src.setReadOnly(false);
                src.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                src.setAutoCommit(true);
                dst.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Copy failed, nothing was written to " + to.displayLocation() + ": "
                    + e.getMessage().split("\n")[0], e);
        }
    }

    private Result copy(Connection src, Connection dst, boolean merge) throws SQLException {
        List<Table> tables = tables(src);
        Map<String, Table> dstTables = new HashMap<>();
        for (Table t : tables(dst)) {
            dstTables.put(t.name, t);
        }
        for (Table t : tables) {
            Table d = dstTables.get(t.name);
            if (d == null || !d.columns.containsAll(t.columns)) {
                throw new StoreException("The target database's table " + t.name + " is not like this one's: are both "
                        + "at the same CrisisDesk version?", null);
            }
        }
        Set<String> seed = seedRows(tables);
        // What the target holds, as key -> digest of the row, per table; and whether that is only a new database's
        Map<String, Map<List<Object>, String>> existing = new LinkedHashMap<>();
        boolean empty = true;
        for (Table t : tables) {
            Map<List<Object>, String> rows = new HashMap<>();
            try (Statement st = dst.createStatement(); ResultSet rs = st.executeQuery(t.select())) {
                while (rs.next()) {
                    Object[] row = t.read(rs);
                    String digest = digest(row);
                    rows.put(t.key(row), digest);
                    if (!seed.contains(t.name + ":" + digest)) {
                        empty = false;
                    }
                }
            }
            existing.put(t.name, rows);
        }
        Map<String, Long> copied = new LinkedHashMap<>();
        Map<String, Long> conflicting = new LinkedHashMap<>();
        boolean anyMissing = false;
        for (Table t : tables) {
            long missing = 0;
            long differ = 0;
            Map<List<Object>, String> there = existing.get(t.name);
            try (Statement st = src.createStatement(); ResultSet rs = st.executeQuery(t.select())) {
                while (rs.next()) {
                    Object[] row = t.read(rs);
                    String has = there.get(t.key(row));
                    if (has == null) {
                        missing++;
                    } else if (!has.equals(digest(row))) {
                        differ++;
                    }
                }
            }
            copied.put(t.name, missing);
            conflicting.put(t.name, differ);
            anyMissing |= missing > 0 || (empty && differ > 0);
        }
        if (!anyMissing && conflicting.values().stream().allMatch(n -> n == 0)) {
            copied.replaceAll((k, v) -> 0L);
            return new Result(Outcome.ALREADY_COPIED, copied, conflicting);
        }
        if (!empty && !merge) {
            copied.replaceAll((k, v) -> 0L);
            return new Result(Outcome.REFUSED_NOT_EMPTY, copied, conflicting);
        }
        for (Table t : tables) {
            Map<List<Object>, String> there = existing.get(t.name);
            long n = write(src, dst, t, there, empty);
            copied.put(t.name, n);
            if (empty) {
                conflicting.put(t.name, 0L);
            }
        }
        for (Table t : tables) {
            continueIdentity(dst, t);
        }
        return new Result(empty ? Outcome.COPIED : Outcome.MERGED, copied, conflicting);
    }

    /** Inserts the rows the target lacks; into an empty target also replaces its seed rows that differ. */
    private long write(Connection src, Connection dst, Table t, Map<List<Object>, String> there, boolean empty)
            throws SQLException {
        long n = 0;
        try (Statement st = src.createStatement(); ResultSet rs = st.executeQuery(t.select());
                PreparedStatement insert = dst.prepareStatement(t.insert());
                PreparedStatement update = t.keys.size() < t.columns.size() ? dst.prepareStatement(t.update()) : null) {
            int pending = 0;
            while (rs.next()) {
                Object[] row = t.read(rs);
                String has = there.get(t.key(row));
                if (has == null) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                    n++;
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                } else if (empty && update != null && !has.equals(digest(row))) {
                    // a new database's own row (e.g. the Unsorted count) gets the source's value
                    int p = 1;
                    for (int i = 0; i < row.length; i++) {
                        if (!t.keys.contains(t.columns.get(i))) {
                            update.setObject(p++, row[i]);
                        }
                    }
                    for (String k : t.keys) {
                        update.setObject(p++, row[t.columns.indexOf(k)]);
                    }
                    update.executeUpdate();
                    n++;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return n;
    }

    /** The target's identity columns continue after the highest value now in them. */
    private void continueIdentity(Connection dst, Table t) throws SQLException {
        for (String col : t.identities) {
            long max;
            try (Statement st = dst.createStatement();
                    ResultSet rs = st.executeQuery("SELECT MAX(" + col + ") FROM " + t.name)) {
                rs.next();
                max = rs.getLong(1);
                if (rs.wasNull()) {
                    continue;
                }
            }
            try (Statement st = dst.createStatement()) {
                if (to.dialect() == SqlDialect.POSTGRESQL) {
                    st.execute("SELECT setval(pg_get_serial_sequence('" + t.name + "', '" + col + "'), " + max + ")");
                } else {
                    st.execute("ALTER TABLE " + t.name + " ALTER COLUMN " + col + " RESTART WITH " + (max + 1));
                }
            }
        }
    }

    /** The rows a freshly migrated database holds (table:digest), from a throwaway in-memory H2 database. */
    private static Set<String> seedRows(List<Table> tables) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        String url = "jdbc:h2:mem:copy-seed-" + System.nanoTime() + ";DB_CLOSE_DELAY=0";
        try (Database fresh = Database.open(url); Connection c = fresh.dataSource().getConnection()) {
            for (Table t : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(t.select())) {
                    while (rs.next()) {
                        out.add(t.name + ":" + digest(t.read(rs)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every table's rows as sorted digests ({@link #digest}), for comparing two databases whatever their kind:
     * equal maps, equal contents.
     */
    public static Map<String, List<String>> contents(Database db) {
        return db.inTransaction(c -> {
            Map<String, List<String>> out = new java.util.TreeMap<>();
            for (Table t : tables(c)) {
                List<String> rows = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(t.select())) {
                    while (rs.next()) {
                        rows.add(digest(t.read(rs)));
                    }
                }
                rows.sort(null);
                out.put(t.name, rows);
            }
            return out;
        });
    }

    /** Every table but Flyway's, parents before the tables whose foreign keys name them. */
    static List<Table> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Table> byName = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase("flyway_schema_history")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        for (String raw : names) {
            List<String> columns = new ArrayList<>();
            List<Boolean> zoned = new ArrayList<>();
            List<String> identities = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, schema, raw, "%")) {
                while (rs.next()) {
                    String col = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    columns.add(col);
                    String type = rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
                    zoned.add(type.contains("TIME ZONE") || type.equals("TIMESTAMPTZ"));
                    if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                        identities.add(col);
                    }
                }
            }
            List<String> keys = new ArrayList<>();
            Map<Short, String> ordered = new java.util.TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, raw)) {
                while (rs.next()) {
                    ordered.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            keys.addAll(ordered.values());
            if (keys.isEmpty()) {
                keys.addAll(columns);
            }
            Set<String> parents = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, raw)) {
                while (rs.next()) {
                    parents.add(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            String name = raw.toLowerCase(Locale.ROOT);
            parents.remove(name);
            byName.put(name, new Table(name, columns, zoned, keys, identities, parents));
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> done = new java.util.HashSet<>();
        while (ordered.size() < byName.size()) {
            boolean progress = false;
            for (Table t : byName.values()) {
                if (!done.contains(t.name) && done.containsAll(t.parents.stream().filter(byName::containsKey).toList())) {
                    ordered.add(t);
                    done.add(t.name);
                    progress = true;
                }
            }
            if (!progress) {
                throw new StoreException("The tables' foreign keys form a cycle; cannot order the copy", null);
            }
        }
        return ordered;
    }

    /** A row's values as text, times as UTC instants, numbers without their Java type: equal rows, equal digests. */
    static String digest(Object[] row) {
        StringBuilder sb = new StringBuilder();
        for (Object v : row) {
            sb.append('|');
            if (v == null) {
                sb.append("\u0000null");
            } else if (v instanceof OffsetDateTime odt) {
                sb.append(odt.toInstant());
            } else if (v instanceof byte[] bytes) {
                sb.append(java.util.HexFormat.of().formatHex(bytes));
            } else if (v instanceof Double || v instanceof Float) {
                sb.append(((Number) v).doubleValue());
            } else if (v instanceof Number num) {
                sb.append(num.longValue());
            } else {
                String s = v.toString();
                sb.append(s.length()).append(':').append(s);
            }
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One table as both databases see it (lower-case names, standard SQL on both). */
    static final class Table {
        final String name;
        final List<String> columns;
        final List<Boolean> zoned;
        final List<String> keys;
        final List<String> identities;
        final Set<String> parents;

        Table(String name, List<String> columns, List<Boolean> zoned, List<String> keys, List<String> identities,
                Set<String> parents) {
            this.name = name;
            this.columns = columns;
            this.zoned = zoned;
            this.keys = keys;
            this.identities = identities;
            this.parents = parents;
        }

        String select() {
            return "SELECT " + String.join(", ", columns) + " FROM " + name;
        }

        String insert() {
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        }

        String update() {
            List<String> sets = new ArrayList<>();
            for (String c : columns) {
                if (!keys.contains(c)) {
                    sets.add(c + " = ?");
                }
            }
            List<String> where = keys.stream().map(k -> k + " = ?").toList();
            return "UPDATE " + name + " SET " + String.join(", ", sets) + " WHERE " + String.join(" AND ", where);
        }

        Object[] read(ResultSet rs) throws SQLException {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = zoned.get(i) ? rs.getObject(i + 1, OffsetDateTime.class) : rs.getObject(i + 1);
                if (row[i] instanceof OffsetDateTime odt) {
                    row[i] = odt.withOffsetSameInstant(java.time.ZoneOffset.UTC);
                }
            }
            return row;
        }

        List<Object> key(Object[] row) {
            List<Object> k = new ArrayList<>(keys.size());
            for (String col : keys) {
                Object v = row[columns.indexOf(col)];
                k.add(v instanceof Number num && !(v instanceof Double) ? (Object) num.longValue()
                        : v instanceof byte[] b ? Arrays.toString(b) : v);
            }
            return k;
        }
    }
}
