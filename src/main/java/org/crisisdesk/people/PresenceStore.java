package org.crisisdesk.people;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * Who has a desk open (issue 22), lease-style as the collector's lease (issue 21): each desk writes its row every
 * {@link #BEAT_EVERY}; a row not seen for {@link #GONE_AFTER} is a desk that is gone and is shown by nobody. With
 * other desks reading every {@link #READ_EVERY}, a killed desk leaves every list within 30 s of its death. A desk
 * whose person gave no keyboard or mouse input for {@link #IDLE_AFTER} is idle. Times are this process's clock (the
 * desks keep theirs synchronised). Any thread; each method one transaction.
 */
public final class PresenceStore {
    public static final Duration BEAT_EVERY = Duration.ofSeconds(10);
    public static final Duration GONE_AFTER = Duration.ofSeconds(25);
    public static final Duration READ_EVERY = Duration.ofSeconds(5);
    public static final Duration IDLE_AFTER = Duration.ofMinutes(10);
    /** Rows of gone desks are deleted once this old (any desk does it while it beats). */
    static final Duration PRUNE_AFTER = Duration.ofMinutes(10);

    /** One open desk as the others see it. */
    public record Present(String deskId, String person, String handle, String host, Instant startedAt,
            Instant lastSeen, Instant lastInput) {
        /** No input for {@link #IDLE_AFTER} at {@code now}. */
        public boolean idle(Instant now) {
            return !lastInput.plus(IDLE_AFTER).isAfter(now);
        }
    }

    private final Database db;
    private final Clock clock;
    private final String deskId;
    private final String host;

    public PresenceStore(Database db, Clock clock, String deskId, String host) {
        this.db = db;
        this.clock = clock;
        this.deskId = deskId;
        this.host = host;
    }

    public String deskId() {
        return deskId;
    }

    /** Writes this desk's row: seen now, as {@code person}, with its person's last input at {@code lastInput}. */
    public void beat(Person person, Instant lastInput) {
        db.inTransactionVoid(c -> {
            Instant now = clock.instant();
            int n;
            try (PreparedStatement st = c.prepareStatement("UPDATE desk_presence SET person = ?, handle = ?, "
                    + "last_seen = ?, last_input = ? WHERE desk_id = ?")) {
                st.setString(1, person.name());
                st.setString(2, person.handle());
                Jdbc.setInstant(st, 3, now);
                Jdbc.setInstant(st, 4, lastInput);
                st.setString(5, deskId);
                n = st.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO desk_presence (desk_id, person, handle, "
                        + "host, started_at, last_seen, last_input) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    st.setString(1, deskId);
                    st.setString(2, person.name());
                    st.setString(3, person.handle());
                    st.setString(4, host);
                    Jdbc.setInstant(st, 5, now);
                    Jdbc.setInstant(st, 6, now);
                    Jdbc.setInstant(st, 7, lastInput);
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM desk_presence WHERE last_seen < ?")) {
                Jdbc.setInstant(st, 1, now.minus(PRUNE_AFTER));
                st.executeUpdate();
            }
        });
    }

    /** A clean close: this desk leaves every list at once (its claims with it). */
    public void leave() {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM desk_presence WHERE desk_id = ?")) {
                st.setString(1, deskId);
                st.executeUpdate();
            }
        });
    }

    /** The desks open now (seen within {@link #GONE_AFTER}), by person, then by when they opened. */
    public List<Present> present() {
        return db.inTransaction(c -> {
            List<Present> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT desk_id, person, handle, host, started_at, "
                    + "last_seen, last_input FROM desk_presence WHERE last_seen > ? ORDER BY person, started_at")) {
                Jdbc.setInstant(st, 1, clock.instant().minus(GONE_AFTER));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Present(rs.getString("desk_id"), rs.getString("person"), rs.getString("handle"),
                                rs.getString("host"), Jdbc.getInstant(rs, "started_at"),
                                Jdbc.getInstant(rs, "last_seen"), Jdbc.getInstant(rs, "last_input")));
                    }
                }
            }
            return out;
        });
    }

    /** The SQL condition "the desk {@code deskColumn} is present", with one instant parameter: now - GONE_AFTER. */
    static String aliveCondition(String deskColumn) {
        return "EXISTS (SELECT 1 FROM desk_presence p WHERE p.desk_id = " + deskColumn + " AND p.last_seen > ?)";
    }
}
