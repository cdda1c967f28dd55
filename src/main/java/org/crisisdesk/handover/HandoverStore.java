package org.crisisdesk.handover;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.crisisdesk.handover.HandoverReport.CategoryRef;
import org.crisisdesk.handover.HandoverReport.HandOff;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.store.Sql;

/**
 * The read-only queries behind a handover report, over the V1 tables (mention, category, assignment, notice, alert).
 * Every figure is an SQL aggregate; only the bounded theme sample and the bounded hand-off list read mention text.
 * Each method is one transaction; the queries stay within standard SQL that H2 and PostgreSQL both accept.
 */
public final class HandoverStore {
    /** Moved-in mentions passed as literal parameters; more than this and a subquery finds them. */
    private static final int MAX_LISTED_PKS = 1000;

    private final Database db;

    public HandoverStore(Database db) {
        this.db = db;
    }

    /** A posted notice as the report needs it. */
    record NoticeRow(long id, Long categoryId, Instant postedAt, String department, Integer stageStep,
            Integer stageTotal, String stageLabel, Instant eta, Instant nextUpdate, String text, String author,
            String approvedBy) {}

    /** An approval step (issue 22) with its notice's category, author and text. */
    record DecisionRow(long noticeId, Long categoryId, String action, String person, String comment, Instant at,
            String author, String text) {}

    /** Approvals and sendings back in [from, until), in order ({@code notice_approval}, V117). */
    List<DecisionRow> decisionsBetween(Instant from, Instant until) {
        return db.inTransaction(c -> {
            List<DecisionRow> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT a.notice_id, n.category_id, a.action, a.person, "
                    + "a.comment, a.at, n.author, n.text FROM notice_approval a JOIN notice n ON n.id = a.notice_id "
                    + "WHERE a.action IN ('APPROVED', 'SENT_BACK') AND a.at >= ? AND a.at < ? ORDER BY a.at, a.id")) {
                Jdbc.setInstant(st, 1, from);
                Jdbc.setInstant(st, 2, until);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DecisionRow(rs.getLong(1), Jdbc.getLong(rs, "category_id"), rs.getString(3),
                                rs.getString(4), rs.getString(5), Jdbc.getInstant(rs, "at"), rs.getString(7),
                                rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    record AlertRow(long id, Long categoryId, String reason, int level, String state, String message, String facts,
            Instant raisedAt, Instant snoozedUntil, Long resolvedByNotice) {}

    record CountOldest(long count, Instant oldest) {}

    /** {@code ticketsSent}/{@code ticketsPending}: of the listed cases, sent as tickets / queued or failed. */
    record HandOffCounts(long filedInWindow, long exportedOfWindow, long waiting, long listed, long ticketsSent,
            long ticketsPending) {}

    /** Every category, archived included, in board order. */
    List<CategoryRef> categories() {
        return db.inTransaction(c -> {
            List<CategoryRef> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, name, color, kind, archived FROM category ORDER BY position, id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new CategoryRef(rs.getLong("id"), rs.getString("name"), rs.getString("color"),
                            "CUSTOMER_CENTRE".equals(rs.getString("kind")), rs.getBoolean("archived")));
                }
            }
            return out;
        });
    }

    /**
     * Mentions per category created in {@code [from, to)}, for each of {@code categoryIds} (null stands for Unsorted);
     * categories with none are left out. One index range count per category on {@code (category_id, created_at)}:
     * in H2 that reads the index only, which is many times faster than grouping the rows of a time range.
     */
    Map<Long, Long> totals(List<Long> categoryIds, Instant from, Instant to) {
        return db.inTransaction(c -> {
            Map<Long, Long> out = new HashMap<>();
            for (Long id : categoryIds) {
                long n = count(c, id, from, to);
                if (n > 0) {
                    out.put(id, n);
                }
            }
            return out;
        });
    }

    /**
     * Mentions per bucket for each of {@code categoryIds} (null for Unsorted); bucket {@code i} covers
     * {@code [starts[i], starts[i+1])}, the last one up to {@code to}. Index range counts, as in {@link #totals}.
     */
    Map<Long, long[]> bucketCounts(List<Long> categoryIds, List<Instant> starts, Instant to) {
        return db.inTransaction(c -> {
            Map<Long, long[]> out = new HashMap<>();
            for (Long id : categoryIds) {
                long[] counts = new long[starts.size()];
                for (int i = 0; i < starts.size(); i++) {
                    counts[i] = count(c, id, starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : to);
                }
                out.put(id, counts);
            }
            return out;
        });
    }

    private static long count(Connection c, Long categoryId, Instant from, Instant to) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM mention WHERE "
                + (categoryId == null ? "category_id IS NULL" : "category_id = ?")
                + " AND created_at >= ? AND created_at < ?")) {
            int i = 1;
            if (categoryId != null) {
                st.setLong(i++, categoryId);
            }
            Jdbc.setInstant(st, i++, from);
            Jdbc.setInstant(st, i, to);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Notices posted in {@code [from, until]}, oldest first. */
    List<NoticeRow> postedBetween(Instant from, Instant until) {
        return db.inTransaction(c -> notices(c, "SELECT * FROM notice WHERE state = 'POSTED' AND posted_at >= ? "
                + "AND posted_at <= ? ORDER BY posted_at, id", from, until));
    }

    /** The latest notice posted at or before {@code at} for each category (and for notices with no category). */
    List<NoticeRow> latestPerCategory(Instant at) {
        return db.inTransaction(c -> notices(c, "SELECT * FROM notice n WHERE n.state = 'POSTED' AND n.posted_at <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM notice n2 WHERE n2.state = 'POSTED' AND n2.posted_at <= ? "
                + "AND n2.category_id IS NOT DISTINCT FROM n.category_id AND (n2.posted_at > n.posted_at "
                + "OR (n2.posted_at = n.posted_at AND n2.id > n.id))) ORDER BY n.posted_at, n.id", at, at));
    }

    /**
     * Mentions of a category created after {@code after} (exclusive; null for all, as "new since the last notice"
     * counts everywhere: {@code NoticeCountsStore}) and before {@code before} (the report window's end is exclusive).
     */
    CountOldest countSince(Long categoryId, Instant after, Instant before) {
        return db.inTransaction(c -> {
            String sql = "SELECT COUNT(*), MIN(created_at) AS oldest FROM mention WHERE "
                    + (categoryId == null ? "category_id IS NULL" : "category_id = ?")
                    + (after == null ? "" : " AND created_at > ?") + " AND created_at < ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                if (categoryId != null) {
                    st.setLong(i++, categoryId);
                }
                if (after != null) {
                    Jdbc.setInstant(st, i++, after);
                }
                Jdbc.setInstant(st, i, before);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return new CountOldest(rs.getLong(1), Jdbc.getInstant(rs, "oldest"));
                }
            }
        });
    }

    /**
     * Alerts raised in {@code [from, asOf]}, or with history in it beyond the raise, or OPEN/SNOOZED at {@code asOf}
     * (by their last event by then; alerts stored without history by their current state), oldest first.
     */
    List<AlertRow> alerts(Instant from, Instant asOf) {
        return db.inTransaction(c -> {
            List<AlertRow> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT a.* FROM alert a WHERE a.raised_at <= ? AND ("
                    + "a.raised_at >= ? "
                    + "OR EXISTS (SELECT 1 FROM alert_event e WHERE e.alert_id = a.id AND e.kind <> 'RAISED' "
                    + "AND e.at >= ? AND e.at <= ?) "
                    + "OR COALESCE((SELECT e.state FROM alert_event e WHERE e.alert_id = a.id AND e.at <= ? "
                    + "ORDER BY e.at DESC, e.id DESC FETCH FIRST 1 ROW ONLY), a.state) IN ('OPEN', 'SNOOZED')) "
                    + "ORDER BY a.raised_at, a.id")) {
                Jdbc.setInstant(st, 1, asOf);
                Jdbc.setInstant(st, 2, from);
                Jdbc.setInstant(st, 3, from);
                Jdbc.setInstant(st, 4, asOf);
                Jdbc.setInstant(st, 5, asOf);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AlertRow(rs.getLong("id"), Jdbc.getLong(rs, "category_id"), rs.getString("reason"),
                                rs.getInt("level"), rs.getString("state"), rs.getString("message"),
                                rs.getString("facts"), Jdbc.getInstant(rs, "raised_at"),
                                Jdbc.getInstant(rs, "snoozed_until"), Jdbc.getLong(rs, "resolved_by_notice")));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Customer-centre hand-offs. Filed in the window: mentions now in a customer-centre category that were created in
     * {@code [from, to)} or moved there in it (an {@code assignment} row). Listed: those, and every customer-centre
     * mention created before {@code asOf} that was not exported by then. The filing time shown is the latest move into
     * the customer centre, or the creation when it arrived there.
     */
    HandOffCounts handOffs(List<Long> ccIds, Instant from, Instant to, Instant asOf, int limit, List<HandOff> sink) {
        if (ccIds.isEmpty()) {
            return new HandOffCounts(0, 0, 0, 0, 0, 0);
        }
        return db.inTransaction(c -> {
            String in = "?,".repeat(ccIds.size() - 1) + "?";
            // Moves into the customer centre during the window: few rows, read once through assignment_at_idx.
            List<Long> moved = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT mention_pk FROM assignment WHERE at >= ? "
                    + "AND at < ? AND to_category IN (" + in + ")")) {
                List<Object> args = new ArrayList<>(List.of(from, to));
                args.addAll(ccIds);
                Sql.bindPositional(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        moved.add(rs.getLong(1));
                    }
                }
            }
            String exported = "m.handed_over_at IS NOT NULL AND m.handed_over_at <= ?";
            List<Object> filedArgs = new ArrayList<>(List.of(from, to));
            String filedInWindow;
            if (moved.isEmpty()) {
                filedInWindow = "(m.created_at >= ? AND m.created_at < ?)";
            } else if (moved.size() <= MAX_LISTED_PKS) {
                filedInWindow = "(m.created_at >= ? AND m.created_at < ? OR m.pk IN ("
                        + "?,".repeat(moved.size() - 1) + "?))";
                filedArgs.addAll(moved);
            } else { // a mass move: let the database look the moves up (slower, but no giant parameter list)
                filedInWindow = "(m.created_at >= ? AND m.created_at < ? OR m.pk IN (SELECT a.mention_pk FROM "
                        + "assignment a WHERE a.at >= ? AND a.at < ? AND a.to_category IN (" + in + ")))";
                filedArgs.addAll(List.of(from, to));
                filedArgs.addAll(ccIds);
            }
            String base = " FROM mention m WHERE m.category_id IN (" + in + ") AND m.created_at < ? AND ";
            long filed;
            long exportedOfWindow;
            long waiting;
            long listed;
            // One pass over the customer-centre mentions for all four counts.
            try (PreparedStatement st = c.prepareStatement("SELECT "
                    + "SUM(CASE WHEN " + filedInWindow + " THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN " + filedInWindow + " AND " + exported + " THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN " + exported + " THEN 0 ELSE 1 END), "
                    + "SUM(CASE WHEN " + filedInWindow + " OR NOT (" + exported + ") THEN 1 ELSE 0 END)"
                    + base + "1 = 1")) {
                List<Object> args = new ArrayList<>(filedArgs);
                args.addAll(filedArgs);
                args.add(asOf);
                args.add(asOf);
                args.addAll(filedArgs);
                args.add(asOf);
                args.addAll(ccIds);
                args.add(asOf);
                Sql.bindPositional(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    filed = rs.getLong(1);
                    exportedOfWindow = rs.getLong(2);
                    waiting = rs.getLong(3);
                    listed = rs.getLong(4);
                }
            }
            // Of the listed cases: sent as helpdesk tickets, and queued or failed (issue 25). The ticket's state now,
            // as each listed row shows it: a report on a past window still tells which of its cases have a ticket.
            long ticketsSent;
            long ticketsPending;
            try (PreparedStatement st = c.prepareStatement("SELECT "
                    + "SUM(CASE WHEN t.state = 'SENT' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN t.state = 'SENT' THEN 0 ELSE 1 END) "
                    + "FROM mention m JOIN case_ticket t ON t.mention_pk = m.pk WHERE m.category_id IN (" + in
                    + ") AND m.created_at < ? AND (" + filedInWindow + " OR NOT (" + exported + "))")) {
                List<Object> args = new ArrayList<>(ccIds);
                args.add(asOf);
                args.addAll(filedArgs);
                args.add(asOf);
                Sql.bindPositional(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    ticketsSent = rs.getLong(1);
                    ticketsPending = rs.getLong(2);
                }
            }
            List<HandOff> items = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT m.pk, m.author, m.author_name, m.text, "
                    + "m.created_at, m.handed_over_at" + base + "(" + filedInWindow + " OR NOT (" + exported + ")) "
                    + "ORDER BY m.created_at, m.pk FETCH FIRST " + limit + " ROWS ONLY")) {
                List<Object> args = new ArrayList<>(ccIds);
                args.add(asOf);
                args.addAll(filedArgs);
                args.add(asOf);
                Sql.bindPositional(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Instant handed = Jdbc.getInstant(rs, "handed_over_at");
                        Instant created = Jdbc.getInstant(rs, "created_at");
                        items.add(new HandOff(rs.getLong("pk"), rs.getString("author"), rs.getString("author_name"),
                                rs.getString("text"), created, created,
                                handed != null && handed.isAfter(asOf) ? null : handed));
                    }
                }
            }
            Map<Long, Instant> moves = latestMoves(c, items, ccIds, asOf);
            Map<Long, String[]> tickets = tickets(c, items);
            for (HandOff h : items) {
                Instant movedAt = moves.get(h.pk());
                String[] t = tickets.getOrDefault(h.pk(), new String[2]);
                sink.add(new HandOff(h.pk(), h.author(), h.authorName(), h.text(), h.createdAt(),
                        movedAt == null || movedAt.isBefore(h.createdAt()) ? h.filedAt() : movedAt, h.handedOverAt(),
                        t[0], t[1]));
            }
            sink.sort(java.util.Comparator.comparing(HandOff::filedAt).thenComparing(HandOff::pk));
            return new HandOffCounts(filed, exportedOfWindow, waiting, listed, ticketsSent, ticketsPending);
        });
    }

    /** Each listed case's place in the ticket queue: {state, ticket number once SENT}. */
    private static Map<Long, String[]> tickets(Connection c, List<HandOff> items) throws SQLException {
        Map<Long, String[]> out = new HashMap<>();
        if (items.isEmpty()) {
            return out;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT mention_pk, state, ticket_number FROM case_ticket "
                + "WHERE mention_pk IN (" + "?,".repeat(items.size() - 1) + "?)")) {
            for (int i = 0; i < items.size(); i++) {
                st.setLong(i + 1, items.get(i).pk());
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String state = rs.getString(2);
                    out.put(rs.getLong(1), new String[] {state, "SENT".equals(state) ? rs.getString(3) : null});
                }
            }
        }
        return out;
    }

    /** The latest move into the customer centre (before {@code asOf}) of each listed mention. */
    private static Map<Long, Instant> latestMoves(Connection c, List<HandOff> items, List<Long> ccIds, Instant asOf)
            throws SQLException {
        Map<Long, Instant> out = new HashMap<>();
        if (items.isEmpty()) {
            return out;
        }
        String sql = "SELECT mention_pk, MAX(at) AS at FROM assignment WHERE mention_pk IN ("
                + "?,".repeat(items.size() - 1) + "?) AND to_category IN (" + "?,".repeat(ccIds.size() - 1)
                + "?) AND at < ? GROUP BY mention_pk";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            List<Object> args = new ArrayList<>();
            items.forEach(h -> args.add(h.pk()));
            args.addAll(ccIds);
            args.add(asOf);
            Sql.bindPositional(st, args);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), Jdbc.getInstant(rs, "at"));
                }
            }
        }
        return out;
    }


    /**
     * Streams the text of at most {@code limit} unsorted mentions created in {@code [from, to)}, in no particular
     * order. Callers narrow {@code from} (from the bucket counts) so the newest mentions are the ones read, without
     * making the database sort the window.
     */
    int unsortedTexts(Instant from, Instant to, int limit, Consumer<String> sink) {
        return db.inTransaction(c -> {
            int n = 0;
            try (PreparedStatement st = c.prepareStatement("SELECT text FROM mention WHERE category_id IS NULL AND "
                    + "created_at >= ? AND created_at < ? FETCH FIRST " + limit + " ROWS ONLY")) {
                st.setFetchSize(500);
                Jdbc.setInstant(st, 1, from);
                Jdbc.setInstant(st, 2, to);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getString(1));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    private static List<NoticeRow> notices(Connection c, String sql, Instant a, Instant b) throws SQLException {
        List<NoticeRow> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            Jdbc.setInstant(st, 1, a);
            Jdbc.setInstant(st, 2, b);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new NoticeRow(rs.getLong("id"), Jdbc.getLong(rs, "category_id"),
                            Jdbc.getInstant(rs, "posted_at"), rs.getString("department"),
                            Jdbc.getInt(rs, "stage_step"), Jdbc.getInt(rs, "stage_total"),
                            rs.getString("stage_label"), Jdbc.getInstant(rs, "eta"),
                            Jdbc.getInstant(rs, "next_update"), rs.getString("text"), rs.getString("author"),
                            null));
                }
            }
        }
        Map<Long, String> approvers = approvers(c);
        if (approvers.isEmpty()) {
            return out;
        }
        List<NoticeRow> with = new ArrayList<>(out.size());
        for (NoticeRow n : out) {
            with.add(new NoticeRow(n.id(), n.categoryId(), n.postedAt(), n.department(), n.stageStep(),
                    n.stageTotal(), n.stageLabel(), n.eta(), n.nextUpdate(), n.text(), n.author(),
                    approvers.get(n.id())));
        }
        return with;
    }

    /** Who approved each notice last (issue 22): one read of the (small) approval table. */
    private static Map<Long, String> approvers(Connection c) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT notice_id, person FROM notice_approval "
                + "WHERE action = 'APPROVED' ORDER BY id"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }
}
