package org.crisisdesk.triage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * The triage engine's side of the database: the saved classifier, and the labelled mentions it is derived from. A
 * label is a mention's current category when a person (or a labelled import) put it there, i.e. any
 * {@code assigned_by} except AUTO and ACCEPTED (suggestions accepted in bulk). Each method is one transaction; thread-safe.
 */
public final class TriageModelStore {
    /** {@code assigned_by} values that are not a person's (or a labelled file's) decision. */
    static final String NOT_A_LABEL = "AUTO";
    /** Suggestions accepted in bulk are filed but teach nothing ({@link MoveStore#ACCEPTED}). */
    static final String BULK_ACCEPTED = MoveStore.ACCEPTED;

    /** Whether a mention filed with this {@code assigned_by} is a label the engine learns from. */
    static boolean isLabel(String assignedBy) {
        return assignedBy != null && !NOT_A_LABEL.equals(assignedBy) && !BULK_ACCEPTED.equals(assignedBy);
    }

    private final Database db;
    private final Clock clock;

    public TriageModelStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A saved model blob. */
    public record Saved(int format, int labels, byte[] data) {}

    public Optional<Saved> load(String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT format, labels, model_data FROM triage_model WHERE name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Saved(rs.getInt(1), rs.getInt(2), rs.getBytes(3)))
                            : Optional.empty();
                }
            }
        });
    }

    public void save(String name, int format, int labels, byte[] data) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement upd = c.prepareStatement(
                    "UPDATE triage_model SET format = ?, labels = ?, model_data = ?, saved_at = ? WHERE name = ?")) {
                upd.setInt(1, format);
                upd.setInt(2, labels);
                upd.setBytes(3, data);
                Jdbc.setInstant(upd, 4, clock.instant());
                upd.setString(5, name);
                if (upd.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO triage_model (name, format, labels, model_data, saved_at) VALUES (?,?,?,?,?)")) {
                ins.setString(1, name);
                ins.setInt(2, format);
                ins.setInt(3, labels);
                ins.setBytes(4, data);
                Jdbc.setInstant(ins, 5, clock.instant());
                ins.executeUpdate();
            }
        });
    }

    public void delete(String name) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM triage_model WHERE name = ?")) {
                st.setString(1, name);
                st.executeUpdate();
            }
        });
    }

    /** Current labels: mention key ({@link LabelKey#of}) to category id. No texts, so cheap even for many. */
    public Map<String, Long> labels() {
        return db.inTransaction(c -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT source, platform_id, category_id FROM mention "
                    + "WHERE category_id IS NOT NULL AND assigned_by IS NOT NULL AND assigned_by NOT IN (?, ?)")) {
                st.setString(1, NOT_A_LABEL);
                st.setString(2, BULK_ACCEPTED);
                st.setFetchSize(5000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(LabelKey.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
                    }
                }
            }
            return out;
        });
    }

    /** A labelled mention's text, for (re)training. */
    public record Labelled(String key, String text, long categoryId) {}

    /** Streams every labelled mention with its text, oldest first. */
    public int forEachLabelled(java.util.function.Consumer<Labelled> sink) {
        return db.inTransaction(c -> {
            int n = 0;
            try (PreparedStatement st = c.prepareStatement("SELECT source, platform_id, text, category_id FROM mention "
                    + "WHERE category_id IS NOT NULL AND assigned_by IS NOT NULL AND assigned_by NOT IN (?, ?) "
                    + "ORDER BY pk")) {
                st.setString(1, NOT_A_LABEL);
                st.setString(2, BULK_ACCEPTED);
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Labelled(LabelKey.of(rs.getString(1), rs.getString(2)), rs.getString(3),
                                rs.getLong(4)));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    /** Texts of the given mentions (by key); keys of mentions no longer stored are absent from the result. */
    public Map<String, String> texts(Collection<String> keys) {
        Map<String, String> out = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 200) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 200));
            out.putAll(db.inTransaction(c -> {
                Map<String, String> part = new HashMap<>();
                String sql = "SELECT source, platform_id, text FROM mention WHERE "
                        + String.join(" OR ", java.util.Collections.nCopies(chunk.size(),
                                "(source = ? AND platform_id = ?)"));
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    int i = 1;
                    for (String k : chunk) {
                        st.setString(i++, LabelKey.source(k));
                        st.setString(i++, LabelKey.platformId(k));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            part.put(LabelKey.of(rs.getString(1), rs.getString(2)), rs.getString(3));
                        }
                    }
                }
                return part;
            }));
        }
        return out;
    }
}
