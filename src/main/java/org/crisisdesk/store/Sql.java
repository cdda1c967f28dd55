package org.crisisdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One statement with named parameters ({@code :name}), bound and run on a connection the caller owns (usually the
 * one {@link Database#inTransaction} hands out): the query, bind and map loop every repository otherwise writes by
 * hand.
 *
 * <pre>{@code
 * List<Alert> open = Sql.on(c, "SELECT * FROM alert WHERE state = :state AND raised_at >= :since")
 *         .bind("state", "OPEN").bind("since", since).list(AlertStore::read);
 * }</pre>
 *
 * Values: {@link Instant} is stored as a UTC timestamp with time zone, {@code null} needs its SQL type
 * ({@link #bindNull}) because PostgreSQL cannot guess it; everything else goes through {@code setObject}. Not
 * thread-safe; use it for one statement and let it go.
 */
public final class Sql {
    /** Maps the current row of a result set; called once per row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final String jdbcSql;
    private final List<String> order;
    private final Map<String, Binding> values = new HashMap<>();

    private record Binding(Object value, int sqlType) {}

    private Sql(Connection connection, String sql) {
        this.connection = connection;
        this.order = new ArrayList<>();
        this.jdbcSql = parse(sql, order);
    }

    public static Sql on(Connection connection, String sql) {
        return new Sql(connection, sql);
    }

    /** Binds a non-null value, or a null whose SQL type follows from the value's Java type where it can. */
    public Sql bind(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Bind a null with bindNull(\"" + name + "\", Types.X)");
        }
        return put(name, value, Types.OTHER);
    }

    public Sql bindNull(String name, int sqlType) {
        return put(name, null, sqlType);
    }

    /** An instant that may be null. */
    public Sql bindInstant(String name, Instant value) {
        return put(name, value, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** A number that may be null. */
    public Sql bindLong(String name, Long value) {
        return put(name, value, Types.BIGINT);
    }

    /** An integer that may be null. */
    public Sql bindInt(String name, Integer value) {
        return put(name, value, Types.INTEGER);
    }

    /** A string that may be null. */
    public Sql bindString(String name, String value) {
        return put(name, value, Types.VARCHAR);
    }

    private Sql put(String name, Object value, int sqlType) {
        if (!order.contains(name)) {
            throw new IllegalArgumentException("No parameter :" + name + " in " + jdbcSql);
        }
        values.put(name, new Binding(value, sqlType));
        return this;
    }

    public <T> List<T> list(RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement st = prepared(); ResultSet rs = st.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    /** The first row, if any. */
    public <T> Optional<T> first(RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement st = prepared()) {
            st.setMaxRows(1);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /** The number of rows changed. */
    public int update() throws SQLException {
        try (PreparedStatement st = prepared()) {
            return st.executeUpdate();
        }
    }

    /** Runs an INSERT and returns the generated value of {@code keyColumn}. */
    public long insert(String keyColumn) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(jdbcSql, new String[] {keyColumn})) {
            bindAll(st);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No generated " + keyColumn + " from " + jdbcSql);
                }
                return keys.getLong(1);
            }
        }
    }

    private PreparedStatement prepared() throws SQLException {
        PreparedStatement st = connection.prepareStatement(jdbcSql);
        try {
            bindAll(st);
            return st;
        } catch (SQLException | RuntimeException e) {
            st.close();
            throw e;
        }
    }

    private void bindAll(PreparedStatement st) throws SQLException {
        for (int i = 0; i < order.size(); i++) {
            Binding b = values.get(order.get(i));
            if (b == null) {
                throw new IllegalStateException("Parameter :" + order.get(i) + " is not bound in " + jdbcSql);
            }
            set(st, i + 1, b.value(), b.sqlType());
        }
    }

    /**
     * Binds positional arguments in order, for statements whose text is put together at run time (filters): an
     * {@link Instant} as a UTC timestamp, anything else through {@code setObject}. No nulls: a filter leaves an
     * unset condition out instead.
     */
    public static void bindPositional(PreparedStatement st, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a == null) {
                throw new IllegalArgumentException("Argument " + (i + 1) + " is null");
            }
            set(st, i + 1, a, Types.OTHER);
        }
    }

    private static void set(PreparedStatement st, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            st.setNull(index, sqlType);
        } else if (value instanceof Instant t) {
            Jdbc.setInstant(st, index, t);
        } else if (value instanceof Long n) {
            st.setLong(index, n);
        } else if (value instanceof Integer n) {
            st.setInt(index, n);
        } else if (value instanceof String s) {
            st.setString(index, s);
        } else if (value instanceof Enum<?> e) {
            st.setString(index, e.name());
        } else {
            st.setObject(index, value);
        }
    }

    /**
     * Turns {@code :name} into {@code ?} and records the names in order. Quoted strings and identifiers, comments,
     * and PostgreSQL's {@code ::type} casts are left alone.
     */
    static String parse(String sql, List<String> names) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = sql.indexOf(ch, i + 1);
                while (end >= 0 && end + 1 < n && sql.charAt(end + 1) == ch) { // doubled quote inside
                    end = sql.indexOf(ch, end + 2);
                }
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed quote in " + sql);
                }
                out.append(sql, i, end + 1);
                i = end + 1;
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (ch == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (ch == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }
}
