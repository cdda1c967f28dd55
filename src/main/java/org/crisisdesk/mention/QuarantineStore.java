package org.crisisdesk.mention;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * Posts that could not be stored, kept raw (a canonical JSON line) with the reason, so one poison post never blocks
 * the posts after it and is never lost: the status counts them and each start tries them again.
 */
public final class QuarantineStore {
    private final Database db;
    private final Clock clock;

    public QuarantineStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One quarantined post. */
    public record Held(long id, String source, String platformId, String raw, String error, Instant firstSeen,
            int attempts) {}

    /** Keeps the post (or counts one more attempt for a post already held). */
    public void hold(Mention m, String error) {
        String raw = MentionJson.toCanonicalLine(m);
        String why = error == null ? "unknown" : error.length() > 2000 ? error.substring(0, 1999) + "…" : error;
        Instant now = clock.instant();
        db.inTransactionVoid(c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE quarantine SET error = ?, last_tried = ?, "
                    + "attempts = attempts + 1 WHERE source = ? AND platform_id = ?")) {
                up.setString(1, why);
                Jdbc.setInstant(up, 2, now);
                up.setString(3, cut(m.source(), 32));
                up.setString(4, cut(m.platformId(), 200));
                if (up.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO quarantine (source, platform_id, raw, error, "
                    + "first_seen, last_tried, attempts) VALUES (?,?,?,?,?,?,1)")) {
                st.setString(1, cut(m.source(), 32));
                st.setString(2, cut(m.platformId(), 200));
                st.setString(3, raw);
                st.setString(4, why);
                Jdbc.setInstant(st, 5, now);
                Jdbc.setInstant(st, 6, now);
                st.executeUpdate();
            }
        });
    }

    public long count() {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM quarantine");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public List<Held> all() {
        return list(Integer.MAX_VALUE);
    }

    /** The first {@code limit} held posts, oldest first (what the desk's list and {@code crisisdesk quarantine} show). */
    public List<Held> list(int limit) {
        return db.inTransaction(c -> {
            List<Held> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, source, platform_id, raw, error, first_seen, "
                    + "attempts FROM quarantine ORDER BY id")) {
                st.setMaxRows(limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Held(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Jdbc.getInstant(rs, "first_seen"), rs.getInt(7)));
                    }
                }
            }
            return out;
        });
    }

    /** One more attempt that failed for a held post (it stays). */
    public void tried(long id, String error) {
        String why = error == null ? "unknown" : error.length() > 2000 ? error.substring(0, 1999) + "…" : error;
        Instant now = clock.instant();
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE quarantine SET error = ?, last_tried = ?, "
                    + "attempts = attempts + 1 WHERE id = ?")) {
                st.setString(1, why);
                Jdbc.setInstant(st, 2, now);
                st.setLong(3, id);
                st.executeUpdate();
            }
        });
    }

    /** The post was stored after all (or is stored already): it leaves the quarantine. */
    public void release(long id) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM quarantine WHERE id = ?")) {
                st.setLong(1, id);
                st.executeUpdate();
            }
        });
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
