package org.crisisdesk.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisisdesk.notice.StoredNotice.FailureKind;
import org.crisisdesk.notice.StoredNotice.Part;
import org.crisisdesk.store.ChangeLog;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;

/**
 * Notices, their parts and what they covered, in the database. Each public method is one transaction, so every state
 * change is committed before the caller goes on (the outbox relies on POSTING being committed before the HTTP call).
 * State changes are conditional updates ({@code WHERE state = ...}): two desks on one database cannot both claim a
 * notice.
 */
public final class NoticeStore {
    private static final String COLUMNS = "id, category_id, category_name, state, text, lang, as_of, department, "
            + "stage_step, stage_total, stage_label, eta, next_update, done_line, next_line, link, platform_id, "
            + "platform_url, failure, failure_kind, created_at, updated_at, posted_at, mention_count, template_name, "
            + "attempts, idempotency_key, next_attempt_at, posting_started_at, posted_by, wall_created_at, author";
    /** A mention counts as covered for its category when a notice of that same category covered it. */
    private static final String UNCOVERED = "NOT EXISTS (SELECT 1 FROM notice_coverage nc JOIN notice cn "
            + "ON cn.id = nc.notice_id WHERE nc.mention_pk = m.pk AND cn.category_id = m.category_id)";

    private final Database db;
    private final Clock clock;
    private final Clock wall;

    /**
     * @param clock the desk's clock (scenario time in the demo): created, updated and posted times
     * @param wall real time: when an attempt started and when the next is due (compared with HTTP timeouts)
     */
    public NoticeStore(Database db, Clock clock, Clock wall) {
        this.db = db;
        this.clock = clock;
        this.wall = wall;
    }

    /**
     * Stores a new notice in {@code state} (DRAFT or QUEUED) with its parts. When {@code idempotencyKey} is already
     * known, nothing is written and the existing notice is returned.
     */
    public StoredNotice insert(Notice n, List<String> parts, NoticeState state, String idempotencyKey,
            String templateName) {
        return insert(n, parts, state, idempotencyKey, templateName, (String) null);
    }

    /** As {@link #insert(Notice, List, NoticeState, String, String)}, written by {@code author} (a person's name). */
    public StoredNotice insert(Notice n, List<String> parts, NoticeState state, String idempotencyKey,
            String templateName, String author) {
        return insert(n, parts, state, idempotencyKey, templateName, author, null);
    }

    /**
     * Stores a new notice AWAITING_APPROVAL and records that {@code author} asks for approval, in one transaction
     * ({@link ApprovalStore}). The same key returns the notice already stored under it.
     */
    public StoredNotice insertAwaitingApproval(Notice n, List<String> parts, String idempotencyKey,
            String templateName, String author) {
        return insert(n, parts, NoticeState.AWAITING_APPROVAL, idempotencyKey, templateName, author,
                (c, id) -> ApprovalStore.record(c, db, id, ApprovalStore.Action.REQUESTED, author, null, clock.instant()));
    }

    /**
     * DRAFT to AWAITING_APPROVAL (a draft posted while approval is required), recording who asked; false when it was
     * no longer a draft.
     */
    public boolean draftToApproval(long id, String author) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE notice SET state = 'AWAITING_APPROVAL', "
                    + "next_attempt_at = NULL, updated_at = ?, author = COALESCE(?, author) WHERE id = ? "
                    + "AND state = 'DRAFT'")) {
                Jdbc.setInstant(st, 1, clock.instant());
                st.setString(2, person(author));
                st.setLong(3, id);
                if (st.executeUpdate() == 0) {
                    return false;
                }
            }
            String who = author;
            if (who == null) { // a draft keeps the person who wrote it
                who = find(c, id).map(StoredNotice::author).orElse(null);
            }
            ApprovalStore.record(c, db, id, ApprovalStore.Action.REQUESTED, who, null, clock.instant());
            return true;
        });
    }

    /** Work done in the transaction that inserted notice {@code id}. */
    interface AfterInsert {
        void run(Connection c, long id) throws SQLException;
    }

    private StoredNotice insert(Notice n, List<String> parts, NoticeState state, String idempotencyKey,
            String templateName, String author, AfterInsert after) {
        Instant now = clock.instant();
        StoredNotice stored = db.inTransaction(c -> {
            if (idempotencyKey != null) {
                Optional<Long> existing = idByKey(c, idempotencyKey);
                if (existing.isPresent()) {
                    return find(c, existing.get()).orElseThrow();
                }
            }
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO notice (category_id, category_name, state, "
                    + "text, lang, as_of, department, stage_step, stage_total, stage_label, eta, next_update, "
                    + "done_line, next_line, link, mention_count, template_name, idempotency_key, attempts, "
                    + "created_at, updated_at, wall_created_at, author) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?)", new String[] {"id"})) {
                bindFacts(st, n, state);
                st.setString(17, templateName);
                st.setString(18, idempotencyKey);
                Jdbc.setInstant(st, 19, now);
                Jdbc.setInstant(st, 20, now);
                Jdbc.setInstant(st, 21, wall.instant());
                st.setString(22, person(author));
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            writeParts(c, id, parts);
            if (state != NoticeState.DRAFT) {
                ChangeLog.record(c, db, ChangeLog.Kind.NOTICE, id); // a draft is its writer's until queued
            }
            if (after != null) {
                after.run(c, id);
            }
            return find(c, id).orElseThrow();
        });
        if (state == NoticeState.QUEUED || state == NoticeState.AWAITING_APPROVAL) {
            db.syncToDisk(); // a notice reported queued survives a crash a moment later
        }
        return stored;
    }

    /** A reply recorded on a mention: the notice that carries it, and when and by whom it was asked for. */
    public record ReplyRecord(long mentionPk, long noticeId, String author, String actor, Instant createdAt) {}

    /**
     * Stores a reply QUEUED, as a reply to {@code inReplyTo}, and records it on the mention, in one transaction (the
     * outbox never sees it without its reply target). The same key returns the reply already stored.
     *
     * @throws IllegalStateException when the mention already has another reply
     */
    public StoredNotice insertReply(Notice n, String text, String idempotencyKey, String inReplyTo, long mentionPk,
            String source, String author, String actor) {
        Instant now = clock.instant();
        StoredNotice stored = db.inTransaction(c -> {
            Optional<Long> existing = idByKey(c, idempotencyKey);
            if (existing.isPresent()) {
                return find(c, existing.get()).orElseThrow();
            }
            try (PreparedStatement st = c.prepareStatement("SELECT notice_id FROM mention_reply WHERE mention_pk = ?")) {
                st.setLong(1, mentionPk);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalStateException("This mention was already replied to (notice #"
                                + rs.getLong(1) + ")");
                    }
                }
            }
            long id;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO notice (category_id, category_name, state, "
                    + "text, lang, as_of, department, stage_step, stage_total, stage_label, eta, next_update, "
                    + "done_line, next_line, link, mention_count, template_name, idempotency_key, attempts, "
                    + "created_at, updated_at, wall_created_at, in_reply_to, author) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?,?)", new String[] {"id"})) {
                bindFacts(st, n, NoticeState.QUEUED);
                st.setString(17, "reply");
                st.setString(18, idempotencyKey);
                Jdbc.setInstant(st, 19, now);
                Jdbc.setInstant(st, 20, now);
                Jdbc.setInstant(st, 21, wall.instant());
                st.setString(22, inReplyTo);
                st.setString(23, person(actor));
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            writeParts(c, id, List.of(text));
            try (PreparedStatement st = c.prepareStatement("INSERT INTO mention_reply (mention_pk, notice_id, source, "
                    + "author, actor, created_at) VALUES (?,?,?,?,?,?)")) {
                st.setLong(1, mentionPk);
                st.setLong(2, id);
                st.setString(3, source);
                st.setString(4, author);
                st.setString(5, actor);
                Jdbc.setInstant(st, 6, now);
                st.executeUpdate();
            }
            ChangeLog.record(c, db, ChangeLog.Kind.NOTICE, id);
            return find(c, id).orElseThrow();
        });
        db.syncToDisk();
        return stored;
    }

    /** The post a notice answers (a reply to a customer), or null for an ordinary notice. */
    public String inReplyTo(long noticeId) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT in_reply_to FROM notice WHERE id = ?")) {
                st.setLong(1, noticeId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** The replies recorded on these mentions, by mention pk. */
    public Map<Long, ReplyRecord> replies(Collection<Long> mentionPks) {
        Map<Long, ReplyRecord> out = new HashMap<>();
        if (mentionPks.isEmpty()) {
            return out;
        }
        List<Long> all = new ArrayList<>(mentionPks);
        return db.inTransaction(c -> {
            for (int from = 0; from < all.size(); from += 500) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
                try (PreparedStatement st = c.prepareStatement("SELECT mention_pk, notice_id, author, actor, created_at "
                        + "FROM mention_reply WHERE mention_pk IN (" + "?,".repeat(chunk.size() - 1) + "?)")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        st.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), new ReplyRecord(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                    rs.getString(4), Jdbc.getInstant(rs, "created_at")));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** When this author (of this source) was last replied to since {@code since}, if at all. */
    public Optional<Instant> lastReplyTo(String source, String author, Instant since) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT MAX(created_at) AS last_at FROM mention_reply WHERE source = ? "
                    + "AND author = ? AND created_at >= ?")) {
                st.setString(1, source);
                st.setString(2, author);
                Jdbc.setInstant(st, 3, since);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(Jdbc.getInstant(rs, "last_at")) : Optional.<Instant>empty();
                }
            }
        });
    }

    /** Replaces a draft's facts and text; only while it is a DRAFT. */
    public StoredNotice updateDraft(long id, Notice n, List<String> parts, String templateName) {
        return updateDraft(id, n, parts, templateName, null);
    }

    /** As {@link #updateDraft(long, Notice, List, String)}; a non-null {@code author} becomes the draft's author. */
    public StoredNotice updateDraft(long id, Notice n, List<String> parts, String templateName, String author) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE notice SET category_id = ?, category_name = ?, "
                    + "state = ?, text = ?, lang = ?, as_of = ?, department = ?, stage_step = ?, stage_total = ?, "
                    + "stage_label = ?, eta = ?, next_update = ?, done_line = ?, next_line = ?, link = ?, "
                    + "mention_count = ?, template_name = ?, updated_at = ?, author = COALESCE(?, author) "
                    + "WHERE id = ? AND state = 'DRAFT'")) {
                bindFacts(st, n, NoticeState.DRAFT);
                st.setString(17, templateName);
                Jdbc.setInstant(st, 18, clock.instant());
                st.setString(19, person(author));
                st.setLong(20, id);
                if (st.executeUpdate() == 0) {
                    throw new IllegalStateException("Notice #" + id + " is no longer a draft");
                }
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM notice_part WHERE notice_id = ?")) {
                st.setLong(1, id);
                st.executeUpdate();
            }
            writeParts(c, id, parts);
            return find(c, id).orElseThrow();
        });
    }

    private static void bindFacts(PreparedStatement st, Notice n, NoticeState state) throws SQLException {
        Jdbc.setLong(st, 1, n.categoryId());
        st.setString(2, n.category());
        st.setString(3, state.name());
        st.setString(4, n.text() == null ? "" : n.text());
        st.setString(5, n.lang().tag());
        Jdbc.setInstant(st, 6, n.asOf());
        st.setString(7, n.department());
        if (n.stage() == null) {
            st.setNull(8, Types.INTEGER);
            st.setNull(9, Types.INTEGER);
            st.setString(10, null);
        } else {
            st.setInt(8, n.stage().step());
            st.setInt(9, n.stage().total());
            st.setString(10, n.stage().label());
        }
        Jdbc.setInstant(st, 11, n.eta());
        Jdbc.setInstant(st, 12, n.nextUpdate());
        st.setString(13, n.doneLine());
        st.setString(14, n.nextLine());
        st.setString(15, n.link());
        st.setLong(16, n.count());
    }

    private static void writeParts(Connection c, long id, List<String> parts) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO notice_part (notice_id, part_no, text) VALUES (?,?,?)")) {
            for (int i = 0; i < parts.size(); i++) {
                st.setLong(1, id);
                st.setInt(2, i + 1);
                st.setString(3, parts.get(i));
                st.addBatch();
            }
            if (!parts.isEmpty()) {
                st.executeBatch();
            }
        }
    }

    public Optional<StoredNotice> find(long id) {
        return db.inTransaction(c -> find(c, id));
    }

    public Optional<StoredNotice> byKey(String idempotencyKey) {
        return db.inTransaction(c -> {
            Optional<Long> id = idByKey(c, idempotencyKey);
            return id.isPresent() ? find(c, id.get()) : Optional.empty();
        });
    }

    /** DRAFT to QUEUED. */
    public boolean queue(long id) {
        return update("UPDATE notice SET state = 'QUEUED', next_attempt_at = NULL, updated_at = ? "
                + "WHERE id = ? AND state = 'DRAFT'", id);
    }

    /**
     * Marks the notice POSTING (committed) and counts the attempt, only if it is still in {@code expected}: the
     * caller that gets {@code true} is the only one allowed to call the platform.
     */
    public boolean claim(long id, NoticeState expected) {
        Instant now = wall.instant();
        boolean claimed = db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE notice SET state = 'POSTING', attempts = attempts + 1, "
                    + "posting_started_at = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = ?")) {
                Jdbc.setInstant(st, 1, now);
                Jdbc.setInstant(st, 2, clock.instant());
                st.setLong(3, id);
                st.setString(4, expected.name());
                if (st.executeUpdate() != 1) {
                    return false;
                }
            }
            ChangeLog.record(c, db, ChangeLog.Kind.NOTICE, id);
            return true;
        });
        if (claimed) {
            // On disk before the HTTP call: a claim lost to a crash would look like a notice never tried, and be
            // sent again without checking the account first (H2 writes commits up to ~0.5 s later on its own).
            db.syncToDisk();
        }
        return claimed;
    }

    /** A part went out (or was found on the platform): committed at once, so a crash mid-thread keeps it. */
    public void recordPart(long id, int partNo, String platformId, String platformUrl, Instant postedAt) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE notice_part SET platform_id = ?, platform_url = ?, "
                    + "posted_at = ? WHERE notice_id = ? AND part_no = ?")) {
                st.setString(1, platformId);
                st.setString(2, platformUrl);
                Jdbc.setInstant(st, 3, postedAt);
                st.setLong(4, id);
                st.setInt(5, partNo);
                st.executeUpdate();
            }
        });
        db.syncToDisk();
    }

    /**
     * POSTED, with the first part's id and URL, and in the same transaction the category's mentions up to the as-of
     * time marked as covered by this notice.
     *
     * @return the notice, or empty when it was already POSTED (nothing changed)
     */
    public Optional<StoredNotice> markPosted(long id, String platformId, String platformUrl, String postedBy) {
        Instant now = clock.instant();
        return synced(db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE notice SET state = 'POSTED', platform_id = ?, "
                    + "platform_url = ?, posted_by = ?, posted_at = ?, updated_at = ?, failure = NULL, "
                    + "failure_kind = NULL, next_attempt_at = NULL WHERE id = ? AND state <> 'POSTED'")) {
                st.setString(1, platformId);
                st.setString(2, platformUrl);
                st.setString(3, postedBy);
                Jdbc.setInstant(st, 4, now);
                Jdbc.setInstant(st, 5, now);
                st.setLong(6, id);
                if (st.executeUpdate() == 0) {
                    return Optional.<StoredNotice>empty();
                }
            }
            // the author's desk hears that the notice it waited on (e.g. approved elsewhere) is out (issue 22)
            org.crisisdesk.store.ChangeLog.record(c, db, org.crisisdesk.store.ChangeLog.Kind.NOTICE, id);
            StoredNotice n = find(c, id).orElseThrow();
            if (n.notice().categoryId() != null) {
                Instant upTo = n.notice().asOf() != null ? n.notice().asOf() : now;
                try (PreparedStatement st = c.prepareStatement("INSERT INTO notice_coverage (notice_id, mention_pk) "
                        + "SELECT ?, m.pk FROM mention m WHERE m.category_id = ? AND m.created_at <= ? AND "
                        + UNCOVERED)) {
                    st.setLong(1, id);
                    st.setLong(2, n.notice().categoryId());
                    Jdbc.setInstant(st, 3, upTo);
                    st.executeUpdate();
                }
            }
            ChangeLog.record(c, db, ChangeLog.Kind.NOTICE, id);
            return Optional.of(n);
        }));
    }

    private Optional<StoredNotice> synced(Optional<StoredNotice> changed) {
        if (changed.isPresent()) {
            db.syncToDisk(); // "posted" is shown only once it survives a crash
        }
        return changed;
    }

    /** Back to QUEUED for a later attempt (from POSTING, QUEUED or FAILED), with why the last one did not go through. */
    public void requeue(long id, Instant nextAttemptAt, FailureKind kind, String failure) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE notice SET state = 'QUEUED', next_attempt_at = ?, "
                    + "failure_kind = ?, failure = ?, updated_at = ? WHERE id = ? AND state IN "
                    + "('POSTING', 'QUEUED', 'FAILED')")) {
                Jdbc.setInstant(st, 1, nextAttemptAt);
                st.setString(2, kind == null ? null : kind.name());
                st.setString(3, clip(failure));
                Jdbc.setInstant(st, 4, clock.instant());
                st.setLong(5, id);
                if (st.executeUpdate() == 1) {
                    ChangeLog.record(c, db, ChangeLog.Kind.NOTICE, id);
                }
            }
        });
    }

    /** FAILED with a reason, unless it was POSTED meanwhile. */
    public void fail(long id, FailureKind kind, String failure) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE notice SET state = 'FAILED', failure_kind = ?, "
                    + "failure = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state <> 'POSTED'")) {
                st.setString(1, kind.name());
                st.setString(2, clip(failure));
                Jdbc.setInstant(st, 3, clock.instant());
                st.setLong(4, id);
                if (st.executeUpdate() == 1) {
                    ChangeLog.record(c, db, ChangeLog.Kind.NOTICE, id);
                }
            }
        });
    }

    /** QUEUED notices whose next attempt is due (or never set) at wall time {@code now}, oldest first. */
    public List<Long> due(Instant now) {
        return ids("SELECT id FROM notice WHERE state = 'QUEUED' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) "
                + "ORDER BY id", now);
    }

    /** POSTING notices whose attempt started before wall time {@code before}: no HTTP call can still be running. */
    public List<Long> stalePosting(Instant before) {
        return ids("SELECT id FROM notice WHERE state = 'POSTING' AND posting_started_at < ? ORDER BY id", before);
    }

    /** Every notice of a category, by as-of then id (the timeline). */
    public List<StoredNotice> forCategory(long categoryId) {
        return db.inTransaction(c -> list(c, "SELECT " + COLUMNS + " FROM notice WHERE category_id = ? "
                + "ORDER BY as_of, id", categoryId));
    }

    /** The newest notices first, any category. */
    public List<StoredNotice> recent(int limit) {
        return db.inTransaction(c -> list(c, "SELECT " + COLUMNS + " FROM notice ORDER BY id DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", null));
    }

    /** Notices that need a person: FAILED, or QUEUED/POSTING (in the outbox). */
    public List<StoredNotice> open() {
        return db.inTransaction(c -> list(c, "SELECT " + COLUMNS + " FROM notice WHERE state IN "
                + "('QUEUED', 'POSTING', 'FAILED') ORDER BY id", null));
    }

    /**
     * The category's newest notice still in the outbox (QUEUED, POSTING, or FAILED other than cancelled) that is newer
     * than its last posted one: what a person should finish after a restart.
     */
    public Optional<StoredNotice> pending(long categoryId) {
        List<StoredNotice> all = forCategory(categoryId);
        StoredNotice found = null;
        for (StoredNotice n : all) {
            if (n.state() == NoticeState.POSTED) {
                found = null;
            } else if (n.state() != NoticeState.DRAFT && n.failureKind() != FailureKind.CANCELLED) {
                if (found == null || n.id() > found.id()) {
                    found = n;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The category's newest DRAFT written since its last posted notice: what the composer was writing when it closed.
     */
    public Optional<StoredNotice> draft(long categoryId) {
        StoredNotice found = null;
        for (StoredNotice n : forCategory(categoryId)) {
            if (n.state() == NoticeState.POSTED) {
                found = null;
            } else if (n.state() == NoticeState.DRAFT && (found == null || n.id() > found.id())) {
                found = n;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Removes a draft and its parts (it became a queued notice); anything no longer a DRAFT is left alone. */
    public void deleteDraft(long id) {
        db.inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM notice_part WHERE notice_id = ? AND EXISTS "
                    + "(SELECT 1 FROM notice WHERE id = ? AND state = 'DRAFT')")) {
                st.setLong(1, id);
                st.setLong(2, id);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM notice WHERE id = ? AND state = 'DRAFT'")) {
                st.setLong(1, id);
                st.executeUpdate();
            }
        });
    }

    /** The category's most recent POSTED notice (by as-of). */
    public Optional<StoredNotice> lastPosted(long categoryId) {
        return db.inTransaction(c -> {
            List<StoredNotice> l = list(c, "SELECT " + COLUMNS + " FROM notice WHERE category_id = ? AND state = "
                    + "'POSTED' ORDER BY as_of DESC, id DESC FETCH FIRST 1 ROWS ONLY", categoryId);
            return l.isEmpty() ? Optional.<StoredNotice>empty() : Optional.of(l.get(0));
        });
    }

    /** New since the category's last notice ({@link NoticeCountsStore}, the number every place shows). */
    public long uncovered(long categoryId) {
        return summary(categoryId).newSince();
    }

    /** Mentions a notice covered. */
    public long coveredBy(long noticeId) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM notice_coverage WHERE notice_id = ?")) {
                st.setLong(1, noticeId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Every category's summary (categories with mentions or notices): its last notice and what is new since, by the
     * definitions of {@link NoticeCountsStore}, so the composer says what the column says.
     */
    public Map<Long, CoverageSummary> summaries() {
        String hint = db.dialect().useIndex("mention_category_created_idx");
        return db.inTransaction(c -> {
            Map<Long, Long> totals = org.crisisdesk.mention.CategoryCountStore.totals(c);
            Map<Long, NoticeCountsStore.LastNotice> last = NoticeCountsStore.lastNotices(c, null);
            Map<Long, CoverageSummary> out = new LinkedHashMap<>();
            java.util.Set<Long> ids = new java.util.TreeSet<>(last.keySet());
            totals.forEach((id, n) -> {
                if (id != null && n > 0) {
                    ids.add(id);
                }
            });
            for (long cat : ids) {
                NoticeCountsStore.LastNotice n = last.get(cat);
                if (n == null) {
                    out.put(cat, new CoverageSummary(cat, null, null, null, totals.getOrDefault(cat, 0L)));
                } else {
                    Instant asOf = find(c, n.id()).map(x -> x.notice().asOf()).orElse(null);
                    out.put(cat, new CoverageSummary(cat, n.id(), asOf, n.postedAt(),
                            NoticeCountsStore.newSince(c, cat, n.postedAt(), null, hint)));
                }
            }
            return out;
        });
    }

    public CoverageSummary summary(long categoryId) {
        CoverageSummary s = summaries().get(categoryId);
        return s != null ? s : new CoverageSummary(categoryId, null, null, null, 0);
    }

    // ---- reading ----

    private boolean update(String sql, long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                Jdbc.setInstant(st, 1, clock.instant());
                st.setLong(2, id);
                if (st.executeUpdate() != 1) {
                    return false;
                }
            }
            ChangeLog.record(c, db, ChangeLog.Kind.NOTICE, id);
            return true;
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

    private static Optional<Long> idByKey(Connection c, String key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM notice WHERE idempotency_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Optional<StoredNotice> find(Connection c, long id) throws SQLException {
        List<StoredNotice> l = list(c, "SELECT " + COLUMNS + " FROM notice WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static List<StoredNotice> list(Connection c, String sql, Long arg) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            if (arg != null) {
                st.setLong(1, arg);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong("id"), new Row(rs));
                }
            }
        }
        Map<Long, List<Part>> parts = parts(c, rows.keySet());
        List<StoredNotice> out = new ArrayList<>(rows.size());
        for (var e : rows.entrySet()) {
            out.add(e.getValue().toNotice(parts.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    private static Map<Long, List<Part>> parts(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, List<Part>> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String sql = "SELECT notice_id, part_no, text, platform_id, platform_url, posted_at FROM notice_part "
                    + "WHERE notice_id IN (" + "?,".repeat(chunk.size() - 1) + "?) ORDER BY notice_id, part_no";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    st.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong("notice_id"), k -> new ArrayList<>()).add(new Part(
                                rs.getInt("part_no"), rs.getString("text"), rs.getString("platform_id"),
                                rs.getString("platform_url"), Jdbc.getInstant(rs, "posted_at")));
                    }
                }
            }
        }
        return out;
    }

    /** One row read while the result set is open; parts are attached afterwards. */
    private static final class Row {
        final long id;
        final Notice notice;
        final NoticeState state;
        final int attempts;
        final String key;
        final String platformId;
        final String platformUrl;
        final FailureKind failureKind;
        final String failure;
        final Instant nextAttemptAt;
        final Instant postingStartedAt;
        final String postedBy;
        final String templateName;
        final Instant createdAt;
        final Instant updatedAt;
        final Instant postedAt;
        final Instant wallCreatedAt;
        final String author;

        Row(ResultSet rs) throws SQLException {
            id = rs.getLong("id");
            Integer step = Jdbc.getInt(rs, "stage_step");
            Integer total = Jdbc.getInt(rs, "stage_total");
            Stage stage = step == null || total == null ? null : new Stage(step, total, rs.getString("stage_label"));
            notice = new Notice(Jdbc.getLong(rs, "category_id"), rs.getString("category_name"),
                    Jdbc.getInstant(rs, "as_of"), rs.getString("department"), stage, Jdbc.getInstant(rs, "eta"),
                    Jdbc.getInstant(rs, "next_update"), rs.getString("done_line"), rs.getString("next_line"),
                    rs.getString("link"), NoticeLang.parse(rs.getString("lang")), rs.getLong("mention_count"),
                    rs.getString("text"));
            state = NoticeState.valueOf(rs.getString("state"));
            attempts = rs.getInt("attempts");
            key = rs.getString("idempotency_key");
            platformId = rs.getString("platform_id");
            platformUrl = rs.getString("platform_url");
            String fk = rs.getString("failure_kind");
            failureKind = fk == null ? null : FailureKind.valueOf(fk);
            failure = rs.getString("failure");
            nextAttemptAt = Jdbc.getInstant(rs, "next_attempt_at");
            postingStartedAt = Jdbc.getInstant(rs, "posting_started_at");
            postedBy = rs.getString("posted_by");
            templateName = rs.getString("template_name");
            createdAt = Jdbc.getInstant(rs, "created_at");
            updatedAt = Jdbc.getInstant(rs, "updated_at");
            postedAt = Jdbc.getInstant(rs, "posted_at");
            wallCreatedAt = Jdbc.getInstant(rs, "wall_created_at");
            author = rs.getString("author");
        }

        StoredNotice toNotice(List<Part> parts) {
            return new StoredNotice(id, notice, state, List.copyOf(parts), attempts, key, platformId, platformUrl,
                    failureKind, failure, nextAttemptAt, postingStartedAt, postedBy, templateName, createdAt,
                    updatedAt, postedAt, wallCreatedAt, author);
        }
    }

    /** A person's name as stored: stripped, at most 200 characters, blank as null. */
    private static String person(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String p = name.strip();
        return p.length() > 200 ? p.substring(0, 200) : p;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
