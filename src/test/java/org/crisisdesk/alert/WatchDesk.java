package org.crisisdesk.alert;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;

/** A real desk (H2 temp file, default categories) on a hand-moved clock, with helpers to stage mentions and notices. */
public final class WatchDesk implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-10-17T01:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    final Path home = TempDesk.newHome();
    final List<AlertTick> ticks = new ArrayList<>();
    public Services services;
    private long nextId = 1_000;

    public WatchDesk() {
        open();
    }

    private void open() {
        services = TempDesk.open(home, clock);
        services.alerts().addListener(ticks::add);
    }

    /** Closes the database and opens it again, like a desk restart. */
    void restart() {
        services.close();
        ticks.clear();
        open();
    }

    public AlertService alerts() {
        return services.alerts();
    }

    public long category(String name) {
        return services.categories().byName(name).orElseThrow().id();
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    public void advanceMinutes(long m) {
        clock.advance(Duration.ofMinutes(m));
    }

    /** {@code n} mentions created evenly over the last {@code spread} (the newest now), filed into {@code categoryId}. */
    public void mentions(Long categoryId, int n, Duration spread) {
        Instant now = clock.instant();
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = n == 1 ? now : now.minusMillis(spread.toMillis() * (n - 1 - i) / (n - 1));
            long id = nextId++;
            Mention m = new Mention("test", Long.toString(id), at, "u" + id, null, "ko", "mention " + id, null, null, null);
            batch.add(categoryId == null ? Filing.unsorted(m) : new Filing(m, categoryId, "IMPORT", null, null, null));
        }
        services.mentions().ingest(batch, null, "test");
    }

    /** A posted notice for the category, posted at the clock's time, with optional promises. */
    public long notice(long categoryId, Instant eta, Instant nextUpdate) {
        Instant now = clock.instant();
        return services.db().inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO notice (category_id, state, text, as_of, eta, "
                    + "next_update, created_at, updated_at, posted_at) VALUES (?, 'POSTED', ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                st.setLong(1, categoryId);
                st.setString(2, "notice at " + now);
                Jdbc.setInstant(st, 3, now);
                Jdbc.setInstant(st, 4, eta);
                Jdbc.setInstant(st, 5, nextUpdate);
                Jdbc.setInstant(st, 6, now);
                Jdbc.setInstant(st, 7, now);
                Jdbc.setInstant(st, 8, now);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public long notice(long categoryId) {
        return notice(categoryId, null, null);
    }

    /** Files every Unsorted mention into {@code categoryId} (the boards' move, done directly). */
    void sortAllUnsortedInto(long categoryId) {
        services.db().inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE mention SET category_id = ? WHERE category_id IS NULL")) {
                st.setLong(1, categoryId);
                st.executeUpdate();
            }
            org.crisisdesk.mention.CategoryCountStore.recount(c); // plain SQL bypasses the kept counts
        });
    }

    /** Every alert ever stored, oldest first. */
    List<Alert> all() {
        return services.alerts().store().raisedBetween(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    public List<Alert> active() {
        return services.alerts().store().active();
    }

    List<AlertEvent> events() {
        return services.alerts().store().eventsBetween(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Override
    public void close() {
        services.close();
    }
}
