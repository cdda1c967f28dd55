package org.crisisdesk.handover;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.store.ChangeLog;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * Shifts in the database (V1 {@code shift} table plus V50). Each method is one transaction; the rules that span
 * several rows (one open shift, no overlaps, adjacent boundaries move together) are checked inside it.
 */
public final class ShiftStore {
    private static final String COLUMNS = "id, manager, started_at, ended_at, scheduled_start, scheduled_end, notes, "
            + "notes_updated_at, acknowledged_by, acknowledged_at, boundary_edited_at";

    private final Database db;

    public ShiftStore(Database db) {
        this.db = db;
    }

    public Optional<Shift> find(long id) {
        return db.inTransaction(c -> find(c, id));
    }

    /** The open shift (no end yet); the newest one should there ever be two. */
    public Optional<Shift> current() {
        return db.inTransaction(ShiftStore::current);
    }

    /** Newest first. */
    public List<Shift> recent(int limit) {
        return db.inTransaction(c -> list(c, "SELECT " + COLUMNS + " FROM shift ORDER BY started_at DESC, id DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY"));
    }

    /** The latest shift that had started before {@code at} and had not ended before it. */
    public Optional<Shift> covering(Instant at) {
        return db.inTransaction(c -> one(c, "SELECT " + COLUMNS + " FROM shift WHERE started_at < ? AND "
                + "(ended_at IS NULL OR ended_at >= ?) ORDER BY started_at DESC, id DESC FETCH FIRST 1 ROWS ONLY",
                at, at));
    }

    /** The shift that started last before {@code shift} did. */
    public Optional<Shift> before(Shift shift) {
        return db.inTransaction(c -> before(c, shift));
    }

    /** Starts a shift at {@code at}; an open shift is ended at the same instant (the desk passes from hand to hand). */
    public Shift start(String manager, Instant at, ShiftSchedule schedule) {
        return db.inTransaction(c -> {
            Optional<Shift> open = current(c);
            if (open.isPresent()) {
                if (!at.isAfter(open.get().startedAt())) {
                    throw new IllegalArgumentException("The open shift started after this moment");
                }
                end(c, open.get().id(), at);
            }
            return changed(c, insert(c, manager, at, null, schedule));
        });
    }

    /** Records a shift that is already over (set after the fact), refusing overlaps with stored shifts. */
    public Shift record(String manager, Instant start, Instant end, ShiftSchedule schedule) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM shift WHERE started_at < ? AND "
                    + "(ended_at IS NULL OR ended_at > ?)")) {
                Jdbc.setInstant(st, 1, end);
                Jdbc.setInstant(st, 2, start);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new IllegalArgumentException("Another shift already covers part of that time");
                    }
                }
            }
            return changed(c, insert(c, manager, start, end, schedule));
        });
    }

    public Shift end(long id, Instant at) {
        return db.inTransaction(c -> {
            Shift s = require(c, id);
            if (!s.current()) {
                throw new IllegalArgumentException("That shift has already ended");
            }
            if (!at.isAfter(s.startedAt())) {
                throw new IllegalArgumentException("A shift must end after it started");
            }
            end(c, id, at);
            return changed(c, require(c, id));
        });
    }

    /**
     * Moves a shift's end after the fact. The next shift, when it started exactly at the old end, moves its start with
     * it; otherwise the new end may not run into the next shift.
     */
    public Shift moveEnd(long id, Instant newEnd, Instant now) {
        return db.inTransaction(c -> changed(c, moveEnd(c, id, newEnd, now)));
    }

    /**
     * Corrects both boundaries in one transaction (either may be unchanged; {@code newEnd} null keeps an open shift
     * open): a refused end also leaves the start as it was. The boundary that makes room is moved first.
     */
    public Shift correct(long id, Instant newStart, Instant newEnd, Instant now) {
        return db.inTransaction(c -> {
            Shift s = require(c, id);
            boolean start = !newStart.equals(s.startedAt());
            boolean end = newEnd != null && s.endedAt() != null && !newEnd.equals(s.endedAt());
            if (end && newEnd.isAfter(s.endedAt())) {
                moveEnd(c, id, newEnd, now);
                end = false;
            }
            if (start) {
                moveStart(c, id, newStart, now);
            }
            if (end) {
                moveEnd(c, id, newEnd, now);
            }
            return changed(c, require(c, id));
        });
    }

    private static Shift moveEnd(Connection c, long id, Instant newEnd, Instant now) throws SQLException {
        Shift s = require(c, id);
        if (!newEnd.isAfter(s.startedAt())) {
            throw new IllegalArgumentException("A shift must end after it started");
        }
        if (newEnd.isAfter(now)) {
            throw new IllegalArgumentException("A shift cannot end in the future");
        }
        Optional<Shift> next = after(c, s);
        if (next.isPresent()) {
            Shift n = next.get();
            boolean adjacent = s.endedAt() != null && s.endedAt().equals(n.startedAt());
            Instant nextEnd = n.endedAt() != null ? n.endedAt() : now;
            if (adjacent) {
                if (!newEnd.isBefore(nextEnd)) {
                    throw new IllegalArgumentException("The next shift would end before it starts");
                }
                setStart(c, n.id(), newEnd, now);
            } else if (newEnd.isAfter(n.startedAt())) {
                throw new IllegalArgumentException("The new end runs into the next shift");
            }
        }
        setEnd(c, id, newEnd, now);
        return require(c, id);
    }

    /** Moves a shift's start after the fact; an adjacent previous shift's end moves with it. */
    public Shift moveStart(long id, Instant newStart, Instant now) {
        return db.inTransaction(c -> changed(c, moveStart(c, id, newStart, now)));
    }

    private static Shift moveStart(Connection c, long id, Instant newStart, Instant now) throws SQLException {
        Shift s = require(c, id);
        Instant end = s.endedAt() != null ? s.endedAt() : now;
        if (!newStart.isBefore(end)) {
            throw new IllegalArgumentException("A shift must start before it ends");
        }
        Optional<Shift> prev = before(c, s);
        if (prev.isPresent()) {
            Shift p = prev.get();
            boolean adjacent = p.endedAt() != null && p.endedAt().equals(s.startedAt());
            if (adjacent) {
                if (!newStart.isAfter(p.startedAt())) {
                    throw new IllegalArgumentException("The previous shift would end before it starts");
                }
                setEnd(c, p.id(), newStart, now);
            } else if (p.endedAt() == null || newStart.isBefore(p.endedAt())) {
                throw new IllegalArgumentException("The new start runs into the previous shift");
            }
        }
        setStart(c, id, newStart, now);
        return require(c, id);
    }

    public void saveNotes(long id, String notes, Instant at) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE shift SET notes = ?, notes_updated_at = ? WHERE id = ?")) {
                st.setString(1, notes);
                Jdbc.setInstant(st, 2, at);
                st.setLong(3, id);
                if (st.executeUpdate() == 0) {
                    throw new IllegalArgumentException("No shift " + id);
                }
            }
            ChangeLog.record(c, db, ChangeLog.Kind.NOTE, id);
        });
    }

    /**
     * "I have the desk": records {@code name} and {@code at} on the reviewed shift and, unless {@code name} already
     * holds the open shift, ends the open shift and starts {@code name}'s, all in one transaction.
     *
     * @return the shift {@code name} now holds
     */
    public Shift takeDesk(long reviewedId, String name, Instant at) {
        return db.inTransaction(c -> {
            Shift reviewed = require(c, reviewedId);
            if (reviewed.acknowledged()) {
                throw new IllegalStateException("This handover was already acknowledged by "
                        + reviewed.acknowledgedBy() + " at " + reviewed.acknowledgedAt());
            }
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE shift SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ?")) {
                st.setString(1, name);
                Jdbc.setInstant(st, 2, at);
                st.setLong(3, reviewedId);
                st.executeUpdate();
            }
            Optional<Shift> open = current(c);
            if (open.isPresent() && open.get().manager().equalsIgnoreCase(name) && open.get().id() != reviewedId) {
                return changed(c, open.get()); // the acknowledgement is news too
            }
            if (open.isPresent()) {
                end(c, open.get().id(), at.isAfter(open.get().startedAt()) ? at : open.get().startedAt().plusMillis(1));
            }
            Instant start = open.isPresent() && !at.isAfter(open.get().startedAt())
                    ? open.get().startedAt().plusMillis(1) : at;
            return changed(c, insert(c, name, start, null, null));
        });
    }

    /** Tells the other desks (issue 21: their toolbar shows who has the desk) in the same transaction. */
    private Shift changed(Connection c, Shift s) throws SQLException {
        ChangeLog.record(c, db, ChangeLog.Kind.SHIFT, s.id());
        return s;
    }

    private static Shift insert(Connection c, String manager, Instant start, Instant end, ShiftSchedule schedule)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO shift (manager, started_at, ended_at, "
                + "scheduled_start, scheduled_end, notes) VALUES (?,?,?,?,?,'')", new String[] {"id"})) {
            st.setString(1, manager);
            Jdbc.setInstant(st, 2, start);
            Jdbc.setInstant(st, 3, end);
            Jdbc.setInstant(st, 4, schedule == null ? null : schedule.start());
            Jdbc.setInstant(st, 5, schedule == null ? null : schedule.end());
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return require(c, keys.getLong(1));
            }
        }
    }

    private static void end(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE shift SET ended_at = ? WHERE id = ?")) {
            Jdbc.setInstant(st, 1, at);
            st.setLong(2, id);
            st.executeUpdate();
        }
    }

    /** A boundary moved by hand: the new end, and when it was corrected (shown in the report). */
    private static void setEnd(Connection c, long id, Instant end, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE shift SET ended_at = ?, boundary_edited_at = ? WHERE id = ?")) {
            Jdbc.setInstant(st, 1, end);
            Jdbc.setInstant(st, 2, now);
            st.setLong(3, id);
            st.executeUpdate();
        }
    }

    private static void setStart(Connection c, long id, Instant start, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "UPDATE shift SET started_at = ?, boundary_edited_at = ? WHERE id = ?")) {
            Jdbc.setInstant(st, 1, start);
            Jdbc.setInstant(st, 2, now);
            st.setLong(3, id);
            st.executeUpdate();
        }
    }

    private static Shift require(Connection c, long id) throws SQLException {
        return find(c, id).orElseThrow(() -> new IllegalArgumentException("No shift " + id));
    }

    private static Optional<Shift> find(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM shift WHERE id = ?", id);
    }

    private static Optional<Shift> current(Connection c) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM shift WHERE ended_at IS NULL ORDER BY started_at DESC, id DESC "
                + "FETCH FIRST 1 ROWS ONLY");
    }

    private static Optional<Shift> before(Connection c, Shift s) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM shift WHERE id <> ? AND (started_at < ? OR (started_at = ? AND "
                + "id < ?)) ORDER BY started_at DESC, id DESC FETCH FIRST 1 ROWS ONLY",
                s.id(), s.startedAt(), s.startedAt(), s.id());
    }

    private static Optional<Shift> after(Connection c, Shift s) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM shift WHERE id <> ? AND (started_at > ? OR (started_at = ? AND "
                + "id > ?)) ORDER BY started_at, id FETCH FIRST 1 ROWS ONLY",
                s.id(), s.startedAt(), s.startedAt(), s.id());
    }

    private static Optional<Shift> one(Connection c, String sql, Object... args) throws SQLException {
        List<Shift> found = list(c, sql, args);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Shift> list(Connection c, String sql, Object... args) throws SQLException {
        List<Shift> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant t) {
                    Jdbc.setInstant(st, i + 1, t);
                } else {
                    st.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static Shift read(ResultSet rs) throws SQLException {
        return new Shift(rs.getLong("id"), rs.getString("manager"), Jdbc.getInstant(rs, "started_at"),
                Jdbc.getInstant(rs, "ended_at"), Jdbc.getInstant(rs, "scheduled_start"),
                Jdbc.getInstant(rs, "scheduled_end"), rs.getString("notes"), Jdbc.getInstant(rs, "notes_updated_at"),
                rs.getString("acknowledged_by"), Jdbc.getInstant(rs, "acknowledged_at"),
                Jdbc.getInstant(rs, "boundary_edited_at"));
    }
}
