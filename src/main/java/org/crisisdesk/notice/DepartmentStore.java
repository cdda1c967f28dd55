package org.crisisdesk.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * The departments a notice can name. A fresh database starts with a telecom's usual teams; a name used in a posted
 * notice joins the list; removing one only hides it (old notices keep their words). Each method is one transaction.
 */
public final class DepartmentStore {
    static final List<String> DEFAULTS = List.of("물류팀", "고객센터", "네트워크 운영팀", "결제시스템팀", "IT 운영팀",
            "유통 관리팀");

    private final Database db;
    private final Clock clock;

    public DepartmentStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The names in list order. */
    public List<String> active() {
        return db.inTransaction(c -> {
            seedIfEmpty(c);
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT name FROM notice_department WHERE archived = FALSE ORDER BY position, id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Adds a name (or brings a removed one back); blank names are refused. */
    public void add(String name) {
        String clean = clean(name);
        db.inTransactionVoid(c -> {
            seedIfEmpty(c);
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE notice_department SET archived = FALSE WHERE name = ?")) {
                st.setString(1, clean);
                if (st.executeUpdate() > 0) {
                    return;
                }
            }
            insert(c, clean);
        });
    }

    public void remove(String name) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE notice_department SET archived = TRUE WHERE name = ?")) {
                st.setString(1, name == null ? "" : name.strip());
                st.executeUpdate();
            }
        });
    }

    private static String clean(String name) {
        String s = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("A department needs a name");
        }
        if (s.length() > 200) {
            throw new IllegalArgumentException("A department name has at most 200 characters");
        }
        return s;
    }

    private void seedIfEmpty(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM notice_department");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        for (String d : DEFAULTS) {
            insert(c, d);
        }
    }

    private void insert(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO notice_department (name, position, archived, "
                + "created_at) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM notice_department), FALSE, ?)")) {
            st.setString(1, name);
            Jdbc.setInstant(st, 2, clock.instant());
            st.executeUpdate();
        }
    }
}
