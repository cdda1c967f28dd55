package org.crisisdesk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every row of every table of a PostgreSQL database (but Flyway's history), to put a test database back as new. */
final class TableRows {
    private final Map<String, List<Object[]>> rows;
    private final List<String> tables;

    private TableRows(List<String> tables, Map<String, List<Object[]>> rows) {
        this.tables = tables;
        this.rows = rows;
    }

    static TableRows read(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            List<String> tables = tables(c);
            Map<String, List<Object[]>> rows = new LinkedHashMap<>();
            for (String t : tables) {
                List<Object[]> out = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        out.add(row);
                    }
                }
                if (!out.isEmpty()) {
                    rows.put(t, out);
                }
            }
            return new TableRows(tables, rows);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties every table (identities restart) and puts the rows back, in one transaction. */
    void restore(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE " + String.join(", ", tables(c)) + " RESTART IDENTITY CASCADE");
            }
            for (Map.Entry<String, List<Object[]>> e : rows.entrySet()) {
                int n = e.getValue().get(0).length;
                String marks = String.join(", ", java.util.Collections.nCopies(n, "?"));
                try (PreparedStatement st = c.prepareStatement("INSERT INTO " + e.getKey() + " VALUES (" + marks
                        + ")")) {
                    for (Object[] row : e.getValue()) {
                        for (int i = 0; i < n; i++) {
                            st.setObject(i + 1, row[i]);
                        }
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables "
                + "WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
            while (rs.next()) {
                out.add("\"" + rs.getString(1) + "\"");
            }
        }
        return out;
    }
}
