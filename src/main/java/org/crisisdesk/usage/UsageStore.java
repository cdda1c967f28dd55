package org.crisisdesk.usage;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts read from and created on X per UTC day (table {@code x_usage}, V113). Every desk and {@code collect} on a
 * shared database adds to the same rows, so the counts are the team's. Thread-safe.
 */
public final class UsageStore implements UsageRecorder {
    private static final Logger log = LoggerFactory.getLogger(UsageStore.class);

    /** One UTC day's counts. */
    public record Day(LocalDate day, long read, long created, long createdWithUrl, long usersRead) {}

    private final Database db;
    private final Clock clock;

    public UsageStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds {@code posts} to today's (UTC) count of {@code kind}; a failure is logged, never thrown. */
    @Override
    public void record(UsageKind kind, long posts) {
        if (posts <= 0) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            add(day, kind, posts);
        } catch (StoreException first) {
            // another desk inserted today's row between our UPDATE and INSERT: the UPDATE finds it now
            try {
                add(day, kind, posts);
            } catch (StoreException e) {
                log.warn("Usage: could not count {} {} posts: {}", posts, kind, e.getMessage());
            }
        }
    }

    private void add(LocalDate day, UsageKind kind, long posts) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE x_usage SET posts = posts + ? WHERE usage_day = ? AND kind = ?")) {
                up.setLong(1, posts);
                up.setDate(2, Date.valueOf(day));
                up.setString(3, kind.name());
                if (up.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement in = c.prepareStatement("INSERT INTO x_usage (usage_day, kind, posts) VALUES (?, ?, ?)")) {
                in.setDate(1, Date.valueOf(day));
                in.setString(2, kind.name());
                in.setLong(3, posts);
                in.executeUpdate();
            }
        });
    }

    /** Totals per kind over the UTC days {@code from} (inclusive) to {@code to} (exclusive); every kind present. */
    public Map<UsageKind, Long> totals(LocalDate from, LocalDate to) {
        return db.inTransaction(c -> {
            Map<UsageKind, Long> out = new EnumMap<>(UsageKind.class);
            for (UsageKind k : UsageKind.values()) {
                out.put(k, 0L);
            }
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT kind, SUM(posts) FROM x_usage WHERE usage_day >= ? AND usage_day < ? GROUP BY kind")) {
                st.setDate(1, Date.valueOf(from));
                st.setDate(2, Date.valueOf(to));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        kind(rs.getString(1)).ifPresent(k -> put(out, k, rs));
                    }
                }
            }
            return out;
        });
    }

    private static void put(Map<UsageKind, Long> out, UsageKind k, ResultSet rs) {
        try {
            out.put(k, rs.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each UTC day from {@code from} (inclusive) to {@code to} (exclusive) that has counts, oldest first. */
    public List<Day> days(LocalDate from, LocalDate to) {
        return db.inTransaction(c -> days(c, from, to));
    }

    private static List<Day> days(Connection c, LocalDate from, LocalDate to) throws SQLException {
        Map<LocalDate, long[]> byDay = new java.util.TreeMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT usage_day, kind, posts FROM x_usage WHERE usage_day >= ? AND usage_day < ? ORDER BY usage_day")) {
            st.setDate(1, Date.valueOf(from));
            st.setDate(2, Date.valueOf(to));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDate d = rs.getDate(1).toLocalDate();
                    var k = kind(rs.getString(2));
                    if (k.isPresent()) {
                        byDay.computeIfAbsent(d, x -> new long[UsageKind.values().length])[k.get().ordinal()] += rs.getLong(3);
                    }
                }
            }
        }
        List<Day> out = new ArrayList<>();
        byDay.forEach((d, n) -> out.add(new Day(d, n[UsageKind.READ.ordinal()], n[UsageKind.CREATE.ordinal()],
                n[UsageKind.CREATE_URL.ordinal()], n[UsageKind.USER_READ.ordinal()])));
        return out;
    }

    private static java.util.Optional<UsageKind> kind(String name) {
        try {
            return java.util.Optional.of(UsageKind.valueOf(name));
        } catch (IllegalArgumentException newer) {
            return java.util.Optional.empty(); // a kind written by a newer CrisisDesk
        }
    }
}
