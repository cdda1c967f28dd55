package org.crisisdesk.notice;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.store.ChangeLog;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * No collisions (issue 22): who has a composer open on which category, shared by every desk on the database. A desk
 * writing holds one row ({@code writing_session}, keyed by its desk id) that it renews every {@link #HEARTBEAT}; it
 * lasts {@link #TTL} without renewal, so a desk that died is forgotten within that time. Opening and closing add a
 * WRITING change-log row, which wakes the other desks at once. Also: how recent the category's last notice is, for
 * "ask first" before posting. All times are wall-clock times (compared between desks). Blocking: not on the FX thread.
 */
public final class WritingStore {
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration TTL = Duration.ofSeconds(15);
    /** The team setting: minutes in which another notice of the same category asks first (default 10). */
    public static final String WINDOW_SETTING = "notice.collision.minutes";
    public static final int DEFAULT_WINDOW_MINUTES = 10;
    /** The longest window the settings take (a day). */
    public static final int MAX_WINDOW_MINUTES = 1440;

    /** Someone writing a notice on a category. */
    public record Writing(String desk, long categoryId, String person, Instant since) {}

    private final Database db;
    private final Clock wall;

    public WritingStore(Database db, Clock wall) {
        this.db = db;
        this.wall = wall;
    }

    /** This desk writes on {@code categoryId} now (replaces what it wrote on before). */
    public void begin(long categoryId, String person) {
        Instant now = wall.instant();
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM writing_session WHERE desk = ?")) {
                st.setString(1, db.deskId());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO writing_session (desk, category_id, person, "
                    + "started_at, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, db.deskId());
                st.setLong(2, categoryId);
                st.setString(3, person == null || person.isBlank() ? "?" : person.strip());
                Jdbc.setInstant(st, 4, now);
                Jdbc.setInstant(st, 5, now);
                Jdbc.setInstant(st, 6, now.plus(TTL));
                st.executeUpdate();
            }
            ChangeLog.record(c, db, ChangeLog.Kind.WRITING, categoryId);
        });
    }

    /** Still writing: renews this desk's row; false when it has none (ended, or pruned after a long pause). */
    public boolean heartbeat() {
        Instant now = wall.instant();
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE writing_session SET heartbeat_at = ?, expires_at = ? "
                    + "WHERE desk = ?")) {
                Jdbc.setInstant(st, 1, now);
                Jdbc.setInstant(st, 2, now.plus(TTL));
                st.setString(3, db.deskId());
                return st.executeUpdate() == 1;
            }
        });
    }

    /** The composer closed: this desk writes nothing. */
    public void end() {
        db.inTransactionVoid(c -> {
            Long category = null;
            try (PreparedStatement st = c.prepareStatement("SELECT category_id FROM writing_session WHERE desk = ?")) {
                st.setString(1, db.deskId());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        category = rs.getLong(1);
                    }
                }
            }
            if (category == null) {
                return;
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM writing_session WHERE desk = ?")) {
                st.setString(1, db.deskId());
                st.executeUpdate();
            }
            ChangeLog.record(c, db, ChangeLog.Kind.WRITING, category);
        });
    }

    /** Who else writes right now (other desks, not expired), oldest first; expired rows are deleted on the way. */
    public List<Writing> others() {
        Instant now = wall.instant();
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM writing_session WHERE expires_at < ?")) {
                Jdbc.setInstant(st, 1, now.minus(TTL)); // gone for a while: nobody needs the row any more
                st.executeUpdate();
            }
            List<Writing> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT desk, category_id, person, started_at FROM "
                    + "writing_session WHERE desk <> ? AND expires_at > ? ORDER BY started_at")) {
                st.setString(1, db.deskId());
                Jdbc.setInstant(st, 2, now);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Writing(rs.getString(1), rs.getLong(2), rs.getString(3),
                                Jdbc.getInstant(rs, "started_at")));
                    }
                }
            }
            return out;
        });
    }

    /** Minutes in which another notice of the category makes posting ask first (team setting, default 10). */
    public int windowMinutes() {
        String v = db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT setting_value FROM setting WHERE name = ?")) {
                st.setString(1, WINDOW_SETTING);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        try {
            return v == null ? DEFAULT_WINDOW_MINUTES : Math.max(0, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_WINDOW_MINUTES;
        }
    }

    /** Stores the team's window (minutes, 0: never ask for a recent notice); every desk reads it at its next post. */
    public void setWindowMinutes(int minutes) {
        if (minutes < 0 || minutes > MAX_WINDOW_MINUTES) {
            throw new IllegalArgumentException("The window is 0 to " + MAX_WINDOW_MINUTES + " minutes");
        }
        db.inTransactionVoid(c -> {
            try (PreparedStatement upd = c.prepareStatement("UPDATE setting SET setting_value = ? WHERE name = ?")) {
                upd.setString(1, Integer.toString(minutes));
                upd.setString(2, WINDOW_SETTING);
                if (upd.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO setting (name, setting_value) VALUES (?, ?)")) {
                ins.setString(1, WINDOW_SETTING);
                ins.setString(2, Integer.toString(minutes));
                ins.executeUpdate();
            }
        });
        db.syncToDisk();
    }

    /** Why posting a notice on a category should ask first: another recent notice, and who else is writing. */
    public record Collision(StoredNotice recent, List<Writing> writers) {
        public boolean any() {
            return recent != null || !writers.isEmpty();
        }
    }

    /**
     * What posting on {@code categoryId} at desk time {@code now} collides with: the category's newest notice posted,
     * on its way out or waiting for approval within the window, and the other desks writing on it.
     *
     * @param notices the notices (by the desk's clock, as their created/posted times)
     */
    public Collision collision(NoticeStore notices, long categoryId, Instant now) {
        Instant since = now.minus(Duration.ofMinutes(windowMinutes()));
        StoredNotice recent = null;
        for (StoredNotice n : notices.forCategory(categoryId)) {
            boolean out = n.state() == NoticeState.POSTED || n.state() == NoticeState.QUEUED
                    || n.state() == NoticeState.POSTING || n.state() == NoticeState.AWAITING_APPROVAL;
            Instant at = n.postedAt() != null ? n.postedAt() : n.createdAt();
            if (out && at != null && !at.isBefore(since) && (recent == null || n.id() > recent.id())) {
                recent = n;
            }
        }
        List<Writing> writers = others().stream().filter(w -> w.categoryId() == categoryId).toList();
        return new Collision(recent, writers);
    }

    /** This desk's own row, if any (tests, diagnostics). */
    public Optional<Writing> mine() {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT desk, category_id, person, started_at FROM "
                    + "writing_session WHERE desk = ?")) {
                st.setString(1, db.deskId());
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Writing(rs.getString(1), rs.getLong(2), rs.getString(3),
                            Jdbc.getInstant(rs, "started_at"))) : Optional.<Writing>empty();
                }
            }
        });
    }
}
