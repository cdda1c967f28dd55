package org.crisisdesk.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crisisdesk.store.ChangeLog;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.store.SqlDialect;

/**
 * A second pair of eyes before a notice posts (issue 22). With the team setting {@link #SETTING} on, the outbox stores
 * a queued notice AWAITING_APPROVAL ({@link Outbox#queue(Notice, List, String, String, String)}); another person
 * approves it (then it is QUEUED and the outbox posts it exactly once, as any notice: a crash between the approval and
 * the post leaves a committed QUEUED notice that the next outbox round posts) or sends it back with a comment (FAILED,
 * {@link StoredNotice.FailureKind#SENT_BACK}, never posted). The author cannot approve their own notice.
 *
 * <p>The setting is a row of the {@code setting} table, so every desk on one database shares it. Without a row it is
 * on for a PostgreSQL (team) database and off for a desk's own H2 file. Each step is a {@code notice_approval} row and
 * a NOTICE change-log row, written in the transaction that changes the notice's state, so the author's desk hears of
 * the decision at once. Blocking: never on the FX thread.
 */
public final class ApprovalStore {
    /** The team setting: {@code true} or {@code false}. */
    public static final String SETTING = "notice.approval.required";
    /** A notice waiting longer than this raises an alert. */
    public static final Duration ALERT_AFTER = Duration.ofMinutes(5);

    public enum Action {
        REQUESTED,
        APPROVED,
        SENT_BACK
    }

    /** One step: asked by the author, or decided by a second person. */
    public record Event(long noticeId, Action action, String person, String comment, Instant at) {}

    /** A notice waiting for a second person, with who wrote it and since when. */
    public record Waiting(StoredNotice notice, String author, Instant since) {}

    /** The approver is the author, or the notice is no longer waiting: nothing was changed. */
    public static final class RefusedException extends IllegalStateException {
        public RefusedException(String message) {
            super(message);
        }
    }

    private final Database db;
    private final NoticeStore store;
    private final Clock clock;

    /** @param clock the desk's clock (scenario time in the demo), as the notices' own times */
    public ApprovalStore(Database db, NoticeStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    /** Whether notices need a second person: the stored team setting, else on for PostgreSQL, off for H2. */
    public boolean required() {
        String v = db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT setting_value FROM setting WHERE name = ?")) {
                st.setString(1, SETTING);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return v == null ? requiredByDefault(db.dialect()) : Boolean.parseBoolean(v.strip());
    }

    /** A new team database (PostgreSQL) asks for approval; a desk on its own does not. */
    public static boolean requiredByDefault(SqlDialect dialect) {
        return dialect == SqlDialect.POSTGRESQL;
    }

    /** Stores the team setting (all desks on the database follow it from their next notice). */
    public void setRequired(boolean on) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement upd = c.prepareStatement("UPDATE setting SET setting_value = ? WHERE name = ?")) {
                upd.setString(1, Boolean.toString(on));
                upd.setString(2, SETTING);
                if (upd.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO setting (name, setting_value) VALUES (?, ?)")) {
                ins.setString(1, SETTING);
                ins.setString(2, Boolean.toString(on));
                ins.executeUpdate();
            }
        });
        db.syncToDisk();
    }

    /**
     * Approves a waiting notice: QUEUED from now on (the caller or the outbox's next round posts it). Committed and
     * forced to disk before it returns.
     *
     * @throws RefusedException when {@code approver} wrote it, or it is not waiting (already decided, cancelled)
     */
    public StoredNotice approve(long noticeId, String approver, String comment) {
        decide(noticeId, approver, comment, Action.APPROVED);
        return store.find(noticeId).orElseThrow();
    }

    /** Sends a waiting notice back to its author with a comment: FAILED (SENT_BACK), never posted. */
    public StoredNotice sendBack(long noticeId, String approver, String comment) {
        decide(noticeId, approver, comment, Action.SENT_BACK);
        return store.find(noticeId).orElseThrow();
    }

    private void decide(long id, String approver, String comment, Action action) {
        String who = clean(approver);
        if (who == null) {
            throw new IllegalArgumentException("Say who decides (a person's name)");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        Instant now = clock.instant();
        db.inTransactionVoid(c -> {
            String state;
            try (PreparedStatement st = c.prepareStatement("SELECT state FROM notice WHERE id = ?")) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("No notice #" + id);
                    }
                    state = rs.getString(1);
                }
            }
            if (!NoticeState.AWAITING_APPROVAL.name().equals(state)) {
                throw new RefusedException("Notice #" + id + " is not waiting for approval (it is " + state + ")");
            }
            String author = author(c, id).orElse(null);
            if (author != null && same(author, who)) {
                throw new RefusedException("Notice #" + id + " was written by " + author
                        + ": a second person approves it");
            }
            String sql = action == Action.APPROVED
                    ? "UPDATE notice SET state = 'QUEUED', next_attempt_at = NULL, updated_at = ? "
                            + "WHERE id = ? AND state = 'AWAITING_APPROVAL'"
                    : "UPDATE notice SET state = 'FAILED', failure_kind = 'SENT_BACK', failure = ?, "
                            + "next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'AWAITING_APPROVAL'";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                if (action == Action.SENT_BACK) {
                    st.setString(i++, "Sent back by " + who + (note == null ? "" : ": " + note));
                }
                Jdbc.setInstant(st, i++, now);
                st.setLong(i, id);
                if (st.executeUpdate() != 1) {
                    throw new RefusedException("Notice #" + id + " was decided meanwhile");
                }
            }
            record(c, db, id, action, who, note, now);
        });
        db.syncToDisk(); // "approved" is shown only once it survives a crash
    }

    /** Notices waiting for a second person, oldest first, with their author. */
    public List<Waiting> waiting() {
        List<Long> ids = new ArrayList<>();
        List<Event> asked = new ArrayList<>();
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM notice WHERE state = 'AWAITING_APPROVAL' "
                    + "ORDER BY id"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                asked.add(last(c, id, Action.REQUESTED).orElse(null));
            }
        });
        List<Waiting> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Event e = asked.get(i);
            store.find(ids.get(i)).filter(n -> n.state() == NoticeState.AWAITING_APPROVAL).ifPresent(n -> out.add(
                    new Waiting(n, e == null ? null : e.person(), e == null ? n.createdAt() : e.at())));
        }
        return out;
    }

    /** Those waiting since before {@code now} less {@link #ALERT_AFTER}. */
    public List<Waiting> overdue(Instant now) {
        return waiting().stream().filter(w -> w.since() != null && !w.since().isAfter(now.minus(ALERT_AFTER))).toList();
    }

    /** Who asked for approval of the notice (its author), if anyone did. */
    public Optional<String> author(long noticeId) {
        return db.inTransaction(c -> author(c, noticeId));
    }

    /** Every step of one notice, in order. */
    public List<Event> events(long noticeId) {
        return db.inTransaction(c -> read(c, "SELECT notice_id, action, person, comment, at FROM notice_approval "
                + "WHERE notice_id = ? ORDER BY id", st -> st.setLong(1, noticeId)));
    }

    /** The steps of a category's notices, in order. */
    public List<Event> forCategory(long categoryId) {
        return db.inTransaction(c -> read(c, "SELECT a.notice_id, a.action, a.person, a.comment, a.at FROM "
                + "notice_approval a JOIN notice n ON n.id = a.notice_id WHERE n.category_id = ? ORDER BY a.id",
                st -> st.setLong(1, categoryId)));
    }

    /** The steps taken in [from, to), in order (the handover report's window). */
    public List<Event> between(Instant from, Instant to) {
        return db.inTransaction(c -> read(c, "SELECT notice_id, action, person, comment, at FROM notice_approval "
                + "WHERE at >= ? AND at < ? ORDER BY id", st -> {
                    Jdbc.setInstant(st, 1, from);
                    Jdbc.setInstant(st, 2, to);
                }));
    }

    // ---- in the caller's transaction ----

    /** Writes one step and tells the other desks (a NOTICE change), in the caller's transaction. */
    static void record(Connection c, Database db, long noticeId, Action action, String person, String comment,
            Instant at) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO notice_approval (notice_id, action, person, "
                + "comment, at) VALUES (?, ?, ?, ?, ?)")) {
            st.setLong(1, noticeId);
            st.setString(2, action.name());
            st.setString(3, clean(person));
            st.setString(4, comment == null ? null : comment.length() > 2000 ? comment.substring(0, 2000) : comment);
            Jdbc.setInstant(st, 5, at);
            st.executeUpdate();
        }
        ChangeLog.record(c, db, ChangeLog.Kind.NOTICE, noticeId);
    }

    private static Optional<String> author(Connection c, long id) throws SQLException {
        return last(c, id, Action.REQUESTED).map(Event::person);
    }

    private static Optional<Event> last(Connection c, long id, Action action) throws SQLException {
        List<Event> l = read(c, "SELECT notice_id, action, person, comment, at FROM notice_approval WHERE notice_id = ? "
                + "AND action = ? ORDER BY id DESC", st -> {
                    st.setLong(1, id);
                    st.setString(2, action.name());
                });
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private static List<Event> read(Connection c, String sql, Binder binder) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong(1), Action.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), Jdbc.getInstant(rs, "at")));
                }
            }
        }
        return out;
    }

    private static String clean(String person) {
        if (person == null) {
            return null;
        }
        String p = person.strip();
        return p.isEmpty() ? null : p.length() > 200 ? p.substring(0, 200) : p;
    }

    /** One person under two spellings of case and surrounding blanks. */
    static boolean same(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
