package org.crisisdesk.people;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisisdesk.store.ChangeLog;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * Who works a customer-centre case (issue 22): at most one assignee per mention, kept until changed (unlike a
 * category claim it outlives the desk). Every change adds a MOVE row for the mention to the change log, so the other
 * desks redraw its card. Any thread; each method one transaction.
 */
public final class CaseAssignmentStore {
    /** One case's assignee. */
    public record Assignment(long mentionPk, String person, String handle, String assignedBy, Instant assignedAt) {}

    private final Database db;
    private final Clock clock;

    public CaseAssignmentStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Assigns the cases to {@code assignee} (null: unassigns them), recorded as done by {@code by}. */
    public void assign(Collection<Long> mentionPks, Person assignee, String by) {
        if (mentionPks.isEmpty()) {
            return;
        }
        db.inTransactionVoid(c -> {
            Instant now = clock.instant();
            try (PreparedStatement st = c.prepareStatement("DELETE FROM case_assignment WHERE mention_pk = ?")) {
                for (long pk : mentionPks) {
                    st.setLong(1, pk);
                    st.addBatch();
                }
                st.executeBatch();
            }
            if (assignee != null) {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO case_assignment (mention_pk, person, "
                        + "handle, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)")) {
                    for (long pk : mentionPks) {
                        st.setLong(1, pk);
                        st.setString(2, assignee.name());
                        st.setString(3, assignee.handle());
                        st.setString(4, by);
                        Jdbc.setInstant(st, 5, now);
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            }
            ChangeLog.record(c, db, ChangeLog.Kind.MOVE, List.copyOf(mentionPks));
        });
    }

    public Optional<Assignment> assignment(long mentionPk) {
        return Optional.ofNullable(assignments(Set.of(mentionPk)).get(mentionPk));
    }

    /** The assignments of these cases (absent: unassigned). */
    public Map<Long, Assignment> assignments(Collection<Long> mentionPks) {
        Map<Long, Assignment> out = new HashMap<>();
        if (mentionPks.isEmpty()) {
            return out;
        }
        List<Long> pks = List.copyOf(mentionPks);
        return db.inTransaction(c -> {
            for (int from = 0; from < pks.size(); from += 500) {
                List<Long> chunk = pks.subList(from, Math.min(pks.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement st = c.prepareStatement("SELECT mention_pk, person, handle, assigned_by, "
                        + "assigned_at FROM case_assignment WHERE mention_pk IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        st.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), read(rs));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Every assignment, by mention. */
    public Map<Long, Assignment> all() {
        return db.inTransaction(c -> {
            Map<Long, Assignment> out = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT mention_pk, person, handle, assigned_by, "
                    + "assigned_at FROM case_assignment");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), read(rs));
                }
            }
            return out;
        });
    }

    private static Assignment read(ResultSet rs) throws java.sql.SQLException {
        return new Assignment(rs.getLong("mention_pk"), rs.getString("person"), rs.getString("handle"),
                rs.getString("assigned_by"), Jdbc.getInstant(rs, "assigned_at"));
    }
}
