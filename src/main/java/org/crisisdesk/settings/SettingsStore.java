package org.crisisdesk.settings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.crisisdesk.store.Database;

/** Desk settings as name/value text in the database (never credentials: those live in twitter4j.properties). */
public final class SettingsStore {
    private final Database db;

    public SettingsStore(Database db) {
        this.db = db;
    }

    public Optional<String> get(String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT setting_value FROM setting WHERE name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** Stores the value and forces it to disk before returning: a setting shown as saved survives a crash. */
    public void put(String name, String value) {
        write(name, value);
        db.syncToDisk();
    }

    private void write(String name, String value) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement upd = c.prepareStatement("UPDATE setting SET setting_value = ? WHERE name = ?")) {
                upd.setString(1, value);
                upd.setString(2, name);
                if (upd.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO setting (name, setting_value) VALUES (?, ?)")) {
                ins.setString(1, name);
                ins.setString(2, value);
                ins.executeUpdate();
            }
        });
    }
}
