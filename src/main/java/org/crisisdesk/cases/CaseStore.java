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
import org.crisisdesk.store.Sql;

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
            Optional<CaseTicket> existing = one(c, "mention_pk", mentionPk);
            if (existing.isPresent()) {
                return existing.get();
            }
            Sql.on(c, "INSERT INTO case_ticket (mention_pk, state, external_id, attempts, queued_by, created_at, "
                    + "updated_at) VALUES (:mention, 'QUEUED', :external, 0, :actor, :now, :now)")
                    .bind("mention", mentionPk).bindString("external", externalId).bindString("actor", actor)
                    .bind("now", clock.instant()).update();
            return one(c, "mention_pk", mentionPk).orElseThrow();
        });
        db.syncToDisk();
        return t;
    }

    public Optional<CaseTicket> find(long id) {
        return db.inTransaction(c -> one(c, "id", id));
    }

    public Optional<CaseTicket> byMention(long mentionPk) {
        return db.inTransaction(c -> one(c, "mention_pk", mentionPk));
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
        return db.inTransaction(c -> Sql.on(c, "SELECT " + COLUMNS + " FROM case_ticket ORDER BY id DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY").list(CaseStore::read));
    }

    /** Rows created (queued) in [from, to) by the desk's clock, oldest first: the handover report's cases. */
    public List<CaseTicket> queuedBetween(Instant from, Instant to) {
        return db.inTransaction(c -> Sql.on(c, "SELECT " + COLUMNS + " FROM case_ticket WHERE "
                + "(created_at >= :from AND created_at < :to) OR (sent_at >= :from AND sent_at < :to) "
                + "OR state <> 'SENT' ORDER BY id").bind("from", from).bind("to", to).list(CaseStore::read));
    }

    /**
     * Customer-centre cases never queued and never handed over by file, oldest first: what
     * {@code cases send --all-unsent} queues.
     */
    public List<Long> unqueuedCases() {
        return db.inTransaction(c -> Sql.on(c, "SELECT m.pk FROM mention m JOIN category k ON k.id = m.category_id "
                + "WHERE k.kind = 'CUSTOMER_CENTRE' AND m.handed_over_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
                + "case_ticket t WHERE t.mention_pk = m.pk) ORDER BY m.created_at, m.pk").list(rs -> rs.getLong(1)));
    }

    /** SENDING with one more attempt counted, only if still in {@code expected}; on disk before it returns true. */
    public boolean claim(long id, State expected, String connector) {
        boolean claimed = db.inTransaction(c -> Sql.on(c, "UPDATE case_ticket SET state = 'SENDING', attempts = "
                + "attempts + 1, connector = :connector, sending_started_at = :wall, next_attempt_at = NULL, "
                + "updated_at = :now WHERE id = :id AND state = :expected").bindString("connector", connector)
                .bind("wall", wall.instant()).bind("now", clock.instant()).bind("id", id).bind("expected", expected)
                .update() == 1);
        if (claimed) {
            db.syncToDisk(); // a claim lost to a crash would look like a case never tried
        }
        return claimed;
    }

    /** SENT with the ticket; the mention counts as handed over to the customer centre from now on. */
    public boolean markSent(long id, String connector, Ticket ticket, String sentBy) {
        Instant now = clock.instant();
        boolean changed = db.inTransaction(c -> {
            if (Sql.on(c, "UPDATE case_ticket SET state = 'SENT', connector = :connector, ticket_id = :ticket, "
                    + "ticket_number = :number, ticket_url = :url, sent_by = :by, sent_at = :now, updated_at = :now, "
                    + "failure = NULL, failure_kind = NULL, next_attempt_at = NULL WHERE id = :id AND state <> 'SENT'")
                    .bindString("connector", connector).bindString("ticket", ticket.id())
                    .bindString("number", ticket.number()).bindString("url", ticket.url()).bindString("by", sentBy)
                    .bind("now", now).bind("id", id).update() == 0) {
                return false;
            }
            Sql.on(c, "UPDATE mention SET handed_over_at = :now WHERE handed_over_at IS NULL AND pk = "
                    + "(SELECT mention_pk FROM case_ticket WHERE id = :id)").bind("now", now).bind("id", id).update();
            return true;
        });
        db.syncToDisk();
        return changed;
    }

    /** Back to QUEUED for a later attempt, with why this one did not go through. */
    public void requeue(long id, Instant next, FailureKind kind, String failure) {
        update("UPDATE case_ticket SET state = 'QUEUED', next_attempt_at = :next, failure_kind = :kind, "
                + "failure = :failure, updated_at = :now WHERE id = :id AND state IN ('SENDING', 'QUEUED', 'FAILED')",
                id, next, kind, failure);
    }

    /** FAILED with the service's words, unless SENT meanwhile. */
    public void fail(long id, FailureKind kind, String failure) {
        update("UPDATE case_ticket SET state = 'FAILED', next_attempt_at = :next, failure_kind = :kind, "
                + "failure = :failure, updated_at = :now WHERE id = :id AND state <> 'SENT'", id, null, kind, failure);
    }

    /** A FAILED case a person sends again: QUEUED and due now. */
    public boolean retry(long id) {
        return db.inTransaction(c -> Sql.on(c, "UPDATE case_ticket SET state = 'QUEUED', next_attempt_at = NULL, "
                + "updated_at = :now WHERE id = :id AND state = 'FAILED'").bind("now", clock.instant()).bind("id", id)
                .update() == 1);
    }

    /** QUEUED rows due at wall time {@code now}, oldest first. */
    public List<Long> due(Instant now) {
        return ids("SELECT id FROM case_ticket WHERE state = 'QUEUED' AND (next_attempt_at IS NULL OR "
                + "next_attempt_at <= :at) ORDER BY id", now);
    }

    /** SENDING rows whose attempt started before wall time {@code before}: no call can still be running. */
    public List<Long> staleSending(Instant before) {
        return ids("SELECT id FROM case_ticket WHERE state = 'SENDING' AND sending_started_at < :at ORDER BY id",
                before);
    }

    private void update(String sql, long id, Instant next, FailureKind kind, String failure) {
        db.inTransactionVoid(c -> Sql.on(c, sql).bindInstant("next", next)
                .bindString("kind", kind == null ? null : kind.name()).bindString("failure", clip(failure))
                .bind("now", clock.instant()).bind("id", id).update());
    }

    private List<Long> ids(String sql, Instant at) {
        return db.inTransaction(c -> Sql.on(c, sql).bind("at", at).list(rs -> rs.getLong(1)));
    }

    /** The row whose {@code column} is {@code value}. */
    private static Optional<CaseTicket> one(Connection c, String column, long value) throws SQLException {
        return Sql.on(c, "SELECT " + COLUMNS + " FROM case_ticket WHERE " + column + " = :value").bind("value", value)
                .first(CaseStore::read);
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
