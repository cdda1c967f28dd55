package org.crisisdesk.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.crisisdesk.store.Database;

/** Alert settings as namespaced rows of the {@code setting} table ({@code alert.desk.*}, {@code alert.cat.<id>.*}). */
public final class AlertSettingsStore {
    private final Database db;

    public AlertSettingsStore(Database db) {
        this.db = db;
    }

    public AlertSettings load() {
        return db.inTransaction(AlertSettingsStore::load);
    }

    static AlertSettings load(Connection c) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT name, setting_value FROM setting WHERE name LIKE 'alert.%'");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return new AlertSettings(rows);
    }

    /**
     * Stores a value for a category (null: the desk's default).
     *
     * @throws IllegalArgumentException when the value is not allowed, or the key is desk-wide only
     */
    public void put(Long categoryId, AlertKey key, String value) {
        if (categoryId != null && key.deskOnly()) {
            throw new IllegalArgumentException(key.keyName() + " is a desk-wide setting");
        }
        String name = key.settingName(categoryId);
        String normalized = key.normalize(value);
        db.inTransactionVoid(c -> {
            try (PreparedStatement upd = c.prepareStatement("UPDATE setting SET setting_value = ? WHERE name = ?")) {
                upd.setString(1, normalized);
                upd.setString(2, name);
                if (upd.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO setting (name, setting_value) VALUES (?, ?)")) {
                ins.setString(1, name);
                ins.setString(2, normalized);
                ins.executeUpdate();
            }
        });
    }

    /** Removes an override, so the category (or the desk) inherits again. */
    public void reset(Long categoryId, AlertKey key) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM setting WHERE name = ?")) {
                st.setString(1, key.settingName(categoryId));
                st.executeUpdate();
            }
        });
    }
}
