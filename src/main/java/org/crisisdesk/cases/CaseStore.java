package org.crisisdesk.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.cases.CaseTicket.FailureKind;
import org.crisisdesk.cases.CaseTicket.State;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * The ticket queue in the database. Each public method is one transaction; state changes are conditional updates, so
 * two desks on one database cannot both send a case, and the claim (SENDING, attempts + 1) is on disk before the HTTP
 * call.
 */
public final class CaseStore {
    private static final String COLUMNS = "id, mention_pk, state, external_id, connector, attempts, ticket_id, "
            + "ticket_number, ticket_url, sent_by, failure_kind, failure, next_attempt_at, sending_started_at, "
            + "queued_by, created_at, updated_at, sent_at";

    private final Database db;
    private final Clock clock;
    private final Clock wall;

    /**
     * @param clock the desk's clock (scenario time in the demo): created, updated and sent times
     * @param wall real time: attempt start and next attempt (compared with HTTP timeouts)
     */
    public CaseStore(Database db, Clock clock, Clock wall) {
        this.db = db;
        this.clock = clock;
        this.wall = wall;
    }

    /** Puts the case in the queue; a case already there (in any state) is returned as it is. */
    public CaseTicket enqueue(long mentionPk, String externalId, String actor) {
        CaseTicket t = db.inTransaction(c -> {
            Optional<CaseTicket> existing = one(c, "SELECT " + COLUMNS + " FROM case_ticket WHERE mention_pk = ?",
                    mentionPk);
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            try (PreparedStatement st = c.prepareStatement("INSERT INTO case_ticket (mention_pk, state, external_id, "
                    + "attempts, queued_by, created_at, updated_at) VALUES (?, 'QUEUED', ?, 0, ?, ?, ?)")) {
                st.setLong(1, mentionPk);
                st.setString(2, externalId);
                st.setString(3, actor);
                Jdbc.setInstant(st, 4, now);
                Jdbc.setInstant(st, 5, now);
                st.executeUpdate();
            }
            return one(c, "SELECT " + COLUMNS + " FROM case_ticket WHERE mention_pk = ?", mentionPk).orElseThrow();
        });
        db.syncToDisk();
        return t;
    }

    public Optional<CaseTicket> find(long id) {
        return db.inTransaction(c -> one(c, "SELECT " + COLUMNS + " FROM case_ticket WHERE id = ?", id));
    }

    public Optional<CaseTicket> byMention(long mentionPk) {
        return db.inTransaction(c -> one(c, "SELECT " + COLUMNS + " FROM case_ticket WHERE mention_pk = ?",
                mentionPk));
    }

    /** The queue rows of these mentions, by mention pk (for cards and columns). */
    public Map<Long, CaseTicket> byMentions(Collection<Long> pks) {
        Map<Long, CaseTicket> out = new HashMap<>();
        if (pks.isEmpty()) {
            return out;
        }
        List<Long> all = new ArrayList<>(pks);
        return db.inTransaction(c -> {
            for (int from = 0; from < all.size(); from += 500) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
                try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM case_ticket WHERE "
                        + "mention_pk IN (" + "?,".repeat(chunk.size() - 1) + "?)")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        st.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            CaseTicket t = read(rs);
                            out.put(t.mentionPk(), t);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Every row, newest first, at most {@code limit}. */
    public List<CaseTicket> recent(int limit) {
        return db.inTransaction(c -> list(c, "SELECT " + COLUMNS + " FROM case_ticket ORDER BY id DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY"));
    }

    /** Rows created (queued) in [from, to) by the desk's clock, oldest first: the handover report's cases. */
    public List<CaseTicket> queuedBetween(Instant from, Instant to) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM case_ticket WHERE "
                    + "(created_at >= ? AND created_at < ?) OR (sent_at >= ? AND sent_at < ?) OR state <> 'SENT' "
                    + "ORDER BY id")) {
                Jdbc.setInstant(st, 1, from);
                Jdbc.setInstant(st, 2, to);
                Jdbc.setInstant(st, 3, from);
                Jdbc.setInstant(st, 4, to);
                List<CaseTicket> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Customer-centre cases never queued and never handed over by file, oldest first: what
     * {@code cases send --all-unsent} queues.
     */
    public List<Long> unqueuedCases() {
        return db.inTransaction(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT m.pk FROM mention m JOIN category k ON "
                    + "k.id = m.category_id WHERE k.kind = 'CUSTOMER_CENTRE' AND m.handed_over_at IS NULL AND NOT "
                    + "EXISTS (SELECT 1 FROM case_ticket t WHERE t.mention_pk = m.pk) ORDER BY m.created_at, m.pk");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** SENDING with one more attempt counted, only if still in {@code expected}; on disk before it returns true. */
    public boolean claim(long id, State expected, String connector) {
        boolean claimed = db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE case_ticket SET state = 'SENDING', attempts = "
                    + "attempts + 1, connector = ?, sending_started_at = ?, next_attempt_at = NULL, updated_at = ? "
                    + "WHERE id = ? AND state = ?")) {
                st.setString(1, connector);
                Jdbc.setInstant(st, 2, wall.instant());
                Jdbc.setInstant(st, 3, clock.instant());
                st.setLong(4, id);
                st.setString(5, expected.name());
                return st.executeUpdate() == 1;
            }
        });
        if (claimed) {
            db.syncToDisk(); // a claim lost to a crash would look like a case never tried
        }
        return claimed;
    }

    /** SENT with the ticket; the mention counts as handed over to the customer centre from now on. */
    public boolean markSent(long id, String connector, Ticket ticket, String sentBy) {
        Instant now = clock.instant();
        boolean changed = db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE case_ticket SET state = 'SENT', connector = ?, "
                    + "ticket_id = ?, ticket_number = ?, ticket_url = ?, sent_by = ?, sent_at = ?, updated_at = ?, "
                    + "failure = NULL, failure_kind = NULL, next_attempt_at = NULL WHERE id = ? AND state <> 'SENT'")) {
                st.setString(1, connector);
                st.setString(2, ticket.id());
                st.setString(3, ticket.number());
                st.setString(4, ticket.url());
                st.setString(5, sentBy);
                Jdbc.setInstant(st, 6, now);
                Jdbc.setInstant(st, 7, now);
                st.setLong(8, id);
                if (st.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE mention SET handed_over_at = ? WHERE "
                    + "handed_over_at IS NULL AND pk = (SELECT mention_pk FROM case_ticket WHERE id = ?)")) {
                Jdbc.setInstant(st, 1, now);
                st.setLong(2, id);
                st.executeUpdate();
            }
            return true;
        });
        db.syncToDisk();
        return changed;
    }

    /** Back to QUEUED for a later attempt, with why this one did not go through. */
    public void requeue(long id, Instant next, FailureKind kind, String failure) {
        update("UPDATE case_ticket SET state = 'QUEUED', next_attempt_at = ?, failure_kind = ?, failure = ?, "
                + "updated_at = ? WHERE id = ? AND state IN ('SENDING', 'QUEUED', 'FAILED')", id, next, kind, failure);
    }

    /** FAILED with the service's words, unless SENT meanwhile. */
    public void fail(long id, FailureKind kind, String failure) {
        update("UPDATE case_ticket SET state = 'FAILED', next_attempt_at = ?, failure_kind = ?, failure = ?, "
                + "updated_at = ? WHERE id = ? AND state <> 'SENT'", id, null, kind, failure);
    }

    /** A FAILED case a person sends again: QUEUED and due now. */
    public boolean retry(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE case_ticket SET state = 'QUEUED', "
                    + "next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'FAILED'")) {
                Jdbc.setInstant(st, 1, clock.instant());
                st.setLong(2, id);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** QUEUED rows due at wall time {@code now}, oldest first. */
    public List<Long> due(Instant now) {
        return ids("SELECT id FROM case_ticket WHERE state = 'QUEUED' AND (next_attempt_at IS NULL OR "
                + "next_attempt_at <= ?) ORDER BY id", now);
    }

    /** SENDING rows whose attempt started before wall time {@code before}: no call can still be running. */
    public List<Long> staleSending(Instant before) {
        return ids("SELECT id FROM case_ticket WHERE state = 'SENDING' AND sending_started_at < ? ORDER BY id",
                before);
    }

    private void update(String sql, long id, Instant next, FailureKind kind, String failure) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                Jdbc.setInstant(st, 1, next);
                st.setString(2, kind == null ? null : kind.name());
                st.setString(3, clip(failure));
                Jdbc.setInstant(st, 4, clock.instant());
                st.setLong(5, id);
                st.executeUpdate();
            }
        });
    }

    private List<Long> ids(String sql, Instant at) {
        return db.inTransaction(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                Jdbc.setInstant(st, 1, at);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    private static Optional<CaseTicket> one(Connection c, String sql, long arg) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static List<CaseTicket> list(Connection c, String sql) throws SQLException {
        List<CaseTicket> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static CaseTicket read(ResultSet rs) throws SQLException {
        String fk = rs.getString("failure_kind");
        return new CaseTicket(rs.getLong("id"), rs.getLong("mention_pk"), State.valueOf(rs.getString("state")),
                rs.getString("external_id"), rs.getString("connector"), rs.getInt("attempts"),
                rs.getString("ticket_id"), rs.getString("ticket_number"), rs.getString("ticket_url"),
                rs.getString("sent_by"), fk == null ? null : FailureKind.valueOf(fk), rs.getString("failure"),
                Jdbc.getInstant(rs, "next_attempt_at"), Jdbc.getInstant(rs, "sending_started_at"),
                rs.getString("queued_by"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"),
                Jdbc.getInstant(rs, "sent_at"));
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
