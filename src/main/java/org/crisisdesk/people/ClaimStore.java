package org.crisisdesk.people;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.store.ChangeLog;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * Category ownership (issue 22): a person claims a category from their desk ("배송 지연 — 민지"). A claim holds while
 * the claiming desk is present ({@link PresenceStore}); a desk that dies releases its claims within 30 s. Claiming a
 * category another person holds is refused unless {@code takeOver} (the desk asks first); the same person claiming
 * again (another desk of theirs) just moves the claim. Every change adds a CATEGORY row to the change log, so the
 * other desks redraw the column header. Any thread; each method one transaction.
 */
public final class ClaimStore {
    /** Who holds a category. */
    public record Claim(long categoryId, String person, String handle, String deskId, Instant claimedAt) {}

    /** What a claim attempt did: {@code held} is the other person's live claim when it was refused. */
    public record Outcome(boolean claimed, Optional<Claim> held) {}

    private final Database db;
    private final Clock clock;
    private final String deskId;

    public ClaimStore(Database db, Clock clock, String deskId) {
        this.db = db;
        this.clock = clock;
        this.deskId = deskId;
    }

    /** Claims {@code categoryId} for {@code person} from this desk; see the class comment for who wins. */
    public Outcome claim(long categoryId, Person person, boolean takeOver) {
        return db.inTransaction(c -> {
            Instant now = clock.instant();
            Optional<Claim> current = Optional.empty();
            try (PreparedStatement st = c.prepareStatement("SELECT category_id, person, handle, desk_id, claimed_at "
                    + "FROM category_claim k WHERE category_id = ? AND " + PresenceStore.aliveCondition("k.desk_id"))) {
                st.setLong(1, categoryId);
                Jdbc.setInstant(st, 2, now.minus(PresenceStore.GONE_AFTER));
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        current = Optional.of(read(rs));
                    }
                }
            }
            if (current.isPresent() && !current.get().person().equals(person.name()) && !takeOver) {
                return new Outcome(false, current);
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM category_claim WHERE category_id = ?")) {
                st.setLong(1, categoryId);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO category_claim (category_id, person, handle, "
                    + "desk_id, claimed_at) VALUES (?, ?, ?, ?, ?)")) {
                st.setLong(1, categoryId);
                st.setString(2, person.name());
                st.setString(3, person.handle());
                st.setString(4, deskId);
                Jdbc.setInstant(st, 5, now);
                st.executeUpdate();
            }
            ChangeLog.record(c, db, ChangeLog.Kind.CATEGORY, categoryId);
            return new Outcome(true, current.filter(k -> !k.person().equals(person.name())));
        });
    }

    /** Gives up {@code person}'s claim on the category; false when they held none. */
    public boolean release(long categoryId, Person person) {
        return db.inTransaction(c -> {
            int n;
            try (PreparedStatement st = c.prepareStatement("DELETE FROM category_claim WHERE category_id = ? AND "
                    + "person = ?")) {
                st.setLong(1, categoryId);
                st.setString(2, person.name());
                n = st.executeUpdate();
            }
            if (n > 0) {
                ChangeLog.record(c, db, ChangeLog.Kind.CATEGORY, categoryId);
            }
            return n > 0;
        });
    }

    /** The live claims (their desks present), by category id. */
    public Map<Long, Claim> claims() {
        return db.inTransaction(c -> {
            Map<Long, Claim> out = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT category_id, person, handle, desk_id, claimed_at "
                    + "FROM category_claim k WHERE " + PresenceStore.aliveCondition("k.desk_id")
                    + " ORDER BY category_id")) {
                Jdbc.setInstant(st, 1, clock.instant().minus(PresenceStore.GONE_AFTER));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Claim k = read(rs);
                        out.put(k.categoryId(), k);
                    }
                }
            }
            return out;
        });
    }

    private static Claim read(ResultSet rs) throws java.sql.SQLException {
        return new Claim(rs.getLong("category_id"), rs.getString("person"), rs.getString("handle"),
                rs.getString("desk_id"), Jdbc.getInstant(rs, "claimed_at"));
    }
}
