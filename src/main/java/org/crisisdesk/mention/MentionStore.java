package org.crisisdesk.mention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.crisisdesk.store.Database;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.store.Sql;
import org.crisisdesk.store.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mentions in the database: loss-free ingest (mentions + checkpoint in one transaction) and the queries views need. */
public final class MentionStore {
    /** The columns {@link #read} expects, for other stores that select mentions inside their own transactions. */
    public static final String COLUMNS = "pk, source, platform_id, created_at, received_at, author, author_name, lang, "
            + "text, conversation_id, category_id, assigned_by, suggested_category_id, suggestion_confidence, "
            + "suggestion_reason, handed_over_at";

    private static final Logger log = LoggerFactory.getLogger(MentionStore.class);
    private static final int KNOWN_AUTHORS = 200_000;
    /**
     * Candidates checked at first, beyond the page's size (most candidates of a two-character-or-longer query are
     * matches); each further round takes four times as many, up to the cap.
     */
    private static final int FIRST_CANDIDATES = 64;
    private static final int MAX_CANDIDATES = 16_384;
    /**
     * Candidates checked before the rest of a search goes back to the scan: when a query's grams are common but the
     * text itself (or the other filters) rare, checking candidates one by one would cost more than scanning.
     */
    static final int CANDIDATE_BUDGET = 65_536;
    private static final String NO_NAME = "\u0000";

    private final Database db;
    private final Clock clock;
    /**
     * Authors this store has written (or found) since it opened, with the name stored for them, newest use last. A
     * crisis brings the same few thousand accounts again and again; their rows need no write unless the name changed.
     * Filled only after a commit, so a rolled-back batch leaves nothing behind.
     */
    private final Map<String, String> knownAuthors = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KNOWN_AUTHORS;
        }
    };

    private volatile TextIndex index = TextIndex.NONE;

    public MentionStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Text searches ({@link #page}) look candidates up here first; {@link TextIndex#NONE} scans. */
    public void useIndex(TextIndex textIndex) {
        this.index = textIndex == null ? TextIndex.NONE : textIndex;
    }

    /**
     * Stores the new mentions of a batch and moves the source's checkpoint, all in one transaction. Mentions already
     * stored (same source and id) are skipped, so a re-delivered batch is harmless.
     *
     * @return the mentions that were new, as stored, in batch order
     */
    public List<StoredMention> ingest(List<Filing> batch, Checkpoint checkpoint, String actor) {
        Instant now = clock.instant();
        Map<String, Mention> authors = new LinkedHashMap<>();
        List<StoredMention> result = db.inTransaction(c -> {
            authors.clear(); // a retried transaction starts again
            List<Filing> fresh = withoutStored(c, batch);
            List<StoredMention> stored = fresh.isEmpty() ? List.of() : insert(c, fresh, now);
            recordFilings(c, stored, actor, now);
            CategoryCountStore.Changes counts = new CategoryCountStore.Changes();
            stored.forEach(m -> counts.added(m.categoryId(), 1));
            counts.applyTo(c);
            upsertAuthors(c, changedAuthors(fresh, authors), now);
            if (checkpoint != null) {
                saveCheckpoint(c, checkpoint, now);
            }
            if (!stored.isEmpty()) {
                // the other desks on this database show them live (issue 21): one change-log row for the batch
                long from = stored.stream().mapToLong(StoredMention::pk).min().getAsLong();
                long to = stored.stream().mapToLong(StoredMention::pk).max().getAsLong();
                org.crisisdesk.store.ChangeLog.recordMentions(c, db, from, to);
            }
            return stored;
        });
        synchronized (knownAuthors) {
            for (var e : authors.entrySet()) {
                String name = e.getValue().authorName();
                knownAuthors.put(e.getKey(), name == null ? NO_NAME : name);
            }
        }
        if (!result.isEmpty()) {
            // a collector alone on a team database (no desk open) keeps the change log short itself
            org.crisisdesk.store.ChangeFeed.pruneNowAndThen(db, Instant.now()); // wall time, as the log's rows
            try {
                index.stored(result.size()); // after the commit; the index reads the new rows on its own thread
            } catch (RuntimeException e) {
                log.warn("The search index was not told about new mentions ({}); it catches up on its next pass",
                        e.getMessage());
            }
        }
        return result;
    }

    /** The authors of {@code fresh} that are not known to be stored with the same name (last mention wins). */
    private Map<String, Mention> changedAuthors(List<Filing> fresh, Map<String, Mention> out) {
        for (Filing f : fresh) {
            out.put(f.mention().source() + '\u0000' + f.mention().author(), f.mention());
        }
        synchronized (knownAuthors) {
            out.entrySet().removeIf(e -> {
                String known = knownAuthors.get(e.getKey());
                String name = e.getValue().authorName();
                return known != null && known.equals(name == null ? NO_NAME : name);
            });
        }
        return out;
    }

    private static List<Filing> withoutStored(Connection c, List<Filing> batch) throws SQLException {
        Map<String, Set<String>> idsBySource = new HashMap<>();
        for (Filing f : batch) {
            idsBySource.computeIfAbsent(f.mention().source(), s -> new HashSet<>()).add(f.mention().platformId());
        }
        Set<String> existing = new HashSet<>();
        for (var e : idsBySource.entrySet()) {
            if (!storedInRange(c, e.getKey(), e.getValue(), existing)) {
                storedOneByOne(c, e.getKey(), e.getValue(), existing);
            }
        }
        // Also drop repeats inside the batch itself (a page boundary can repeat a post).
        Map<String, Filing> unique = new LinkedHashMap<>();
        for (Filing f : batch) {
            String key = f.mention().source() + '\u0000' + f.mention().platformId();
            if (!existing.contains(key)) {
                unique.putIfAbsent(key, f);
            }
        }
        return new ArrayList<>(unique.values());
    }

    /**
     * The usual case in one index seek: a batch's ids are new and close together, so the stored ids between its
     * smallest and largest are few (none when new mentions arrive; the batch itself when it is delivered again).
     * Gives up (returns false) when that range holds many more stored rows than the batch has ids.
     */
    private static boolean storedInRange(Connection c, String source, Set<String> ids, Set<String> existing)
            throws SQLException {
        String min = null;
        String max = null;
        for (String id : ids) {
            min = min == null || id.compareTo(min) < 0 ? id : min;
            max = max == null || id.compareTo(max) > 0 ? id : max;
        }
        int limit = 2 * ids.size() + 16;
        List<String> found = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT platform_id FROM mention WHERE source = ? "
                + "AND platform_id >= ? AND platform_id <= ? FETCH FIRST " + (limit + 1) + " ROWS ONLY")) {
            st.setString(1, source);
            st.setString(2, min);
            st.setString(3, max);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (found.size() == limit) {
                        return false;
                    }
                    found.add(rs.getString(1));
                }
            }
        }
        for (String id : found) {
            if (ids.contains(id)) {
                existing.add(source + '\u0000' + id);
            }
        }
        return true;
    }

    /**
     * One point lookup per id on the (source, platform_id) unique index, through one reused statement. (An IN list or
     * = ANY on platform_id cannot use that index in H2, only on an index's first column: it scanned every stored row
     * of the source, so ingest slowed down as the table grew.)
     */
    private static void storedOneByOne(Connection c, String source, Set<String> ids, Set<String> existing)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM mention WHERE source = ? AND platform_id = ?")) {
            st.setString(1, source);
            for (String id : ids) {
                st.setString(2, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        existing.add(source + '\u0000' + id);
                    }
                }
            }
        }
    }

    private static List<StoredMention> insert(Connection c, List<Filing> fresh, Instant now) throws SQLException {
        String sql = "INSERT INTO mention (source, platform_id, created_at, received_at, author, author_name, lang, text, "
                + "conversation_id, category_id, assigned_by, suggested_category_id, suggestion_confidence, "
                + "suggestion_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        List<StoredMention> stored = new ArrayList<>(fresh.size());
        try (PreparedStatement st = c.prepareStatement(sql, new String[] {"pk"})) {
            for (Filing f : fresh) {
                Mention m = f.mention();
                st.setString(1, m.source());
                st.setString(2, m.platformId());
                Jdbc.setInstant(st, 3, m.createdAt());
                Jdbc.setInstant(st, 4, now);
                st.setString(5, m.author());
                st.setString(6, m.authorName());
                st.setString(7, m.lang());
                st.setString(8, m.text());
                st.setString(9, m.conversationId());
                Jdbc.setLong(st, 10, f.categoryId());
                st.setString(11, f.categoryId() == null ? null : f.assignedBy());
                Jdbc.setLong(st, 12, f.suggestedCategoryId());
                if (f.confidence() == null) {
                    st.setNull(13, java.sql.Types.DOUBLE);
                } else {
                    st.setDouble(13, f.confidence());
                }
                st.setString(14, f.reason());
                st.addBatch();
            }
            st.executeBatch();
            try (ResultSet keys = st.getGeneratedKeys()) {
                int i = 0;
                while (keys.next()) {
                    Filing f = fresh.get(i++);
                    stored.add(new StoredMention(keys.getLong(1), f.mention(), now, f.categoryId(),
                            f.categoryId() == null ? null : f.assignedBy(), f.suggestedCategoryId(), f.confidence(),
                            f.reason(), null));
                }
            }
        }
        return stored;
    }

    /** Auto-filed and imported mentions get their first history row, so every category change is explained. */
    private static void recordFilings(Connection c, List<StoredMention> stored, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO assignment (mention_pk, from_category, to_category, "
                + "actor, reason, move_group, at) VALUES (?, NULL, ?, ?, ?, NULL, ?)")) {
            int n = 0;
            for (StoredMention m : stored) {
                if (m.categoryId() != null) {
                    st.setLong(1, m.pk());
                    st.setLong(2, m.categoryId());
                    st.setString(3, actor);
                    st.setString(4, m.assignedBy());
                    Jdbc.setInstant(st, 5, now);
                    st.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                st.executeBatch();
            }
        }
    }

    private static void upsertAuthors(Connection c, Map<String, Mention> byKey, Instant now) throws SQLException {
        if (byKey.isEmpty()) {
            return;
        }
        // Portable upsert: update the name where the author exists, insert the rest.
        Set<String> known = new HashSet<>();
        try (PreparedStatement upd = c.prepareStatement("UPDATE author SET name = ? WHERE source = ? AND handle = ?")) {
            for (var e : byKey.entrySet()) {
                Mention m = e.getValue();
                upd.setString(1, m.authorName());
                upd.setString(2, m.source());
                upd.setString(3, m.author());
                upd.addBatch();
            }
            int[] counts = upd.executeBatch();
            int i = 0;
            for (String key : byKey.keySet()) {
                if (counts[i++] > 0) {
                    known.add(key);
                }
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO author (source, handle, name, first_seen) VALUES (?,?,?,?)")) {
            int n = 0;
            for (var e : byKey.entrySet()) {
                if (!known.contains(e.getKey())) {
                    Mention m = e.getValue();
                    ins.setString(1, m.source());
                    ins.setString(2, m.author());
                    ins.setString(3, m.authorName());
                    Jdbc.setInstant(ins, 4, now);
                    ins.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                ins.executeBatch();
            }
        }
    }

    private static void saveCheckpoint(Connection c, Checkpoint cp, Instant now) throws SQLException {
        try (PreparedStatement upd = c.prepareStatement(
                "UPDATE source_checkpoint SET position = ?, updated_at = ? WHERE source_key = ?")) {
            upd.setString(1, cp.position());
            Jdbc.setInstant(upd, 2, now);
            upd.setString(3, cp.sourceKey());
            if (upd.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO source_checkpoint (source_key, position, updated_at) VALUES (?,?,?)")) {
            ins.setString(1, cp.sourceKey());
            ins.setString(2, cp.position());
            Jdbc.setInstant(ins, 3, now);
            ins.executeUpdate();
        }
    }

    public Optional<String> checkpoint(String sourceKey) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT position FROM source_checkpoint WHERE source_key = ?")) {
                st.setString(1, sourceKey);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Newest first (by arrival), at most {@code limit}; page on with {@link MentionFilter#before}. */
    public List<StoredMention> page(MentionFilter filter, int limit) {
        String q = searchText(filter);
        if (q != null && limit > 0) {
            try (TextIndex.Snapshot snapshot = index.snapshot(q, caseless(q))) {
                if (snapshot != null) {
                    return indexedPage(filter, limit, snapshot);
                }
            } catch (TextIndex.Unavailable e) {
                log.warn("Text search scans the database: {}", e.getMessage());
            }
        }
        return pageWhere(filter, null, true, limit);
    }

    /**
     * The same page as the scan, found through the index: first the mentions above what the index covers (a scan of
     * the few newest rows), then the index's candidates below, newest first, each checked by the same SQL condition
     * as the scan (so the results are exactly the scan's), in growing rounds until the page is full.
     */
    private List<StoredMention> indexedPage(MentionFilter filter, int limit, TextIndex.Snapshot snapshot) {
        long covered = snapshot.covered();
        Long before = filter.beforePk();
        List<StoredMention> out = new ArrayList<>();
        if (before == null || before > covered + 1) {
            out.addAll(pageWhere(filter, "pk > " + covered, true, limit));
        }
        long below = before == null ? covered + 1 : Math.min(before, covered + 1);
        int n = limit + limit / 4 + FIRST_CANDIDATES;
        int checked = 0;
        while (out.size() < limit) {
            if (checked >= CANDIDATE_BUDGET) {
                out.addAll(pageWhere(filter, "pk < " + below, true, limit - out.size()));
                break;
            }
            long[] candidates = snapshot.next(below, n);
            if (candidates.length == 0) {
                break;
            }
            StringBuilder in = new StringBuilder("pk IN (");
            for (int i = 0; i < candidates.length; i++) {
                in.append(i == 0 ? "" : ",").append(candidates[i]);
            }
            out.addAll(pageWhere(filter, in.append(')').toString(), false, limit - out.size()));
            if (candidates.length < n) {
                break;
            }
            checked += candidates.length;
            below = candidates[candidates.length - 1];
            n = Math.min(4 * n, MAX_CANDIDATES);
        }
        return out;
    }

    /**
     * The page query, newest first, with one more condition when {@code condition} is not null (built here from
     * numbers only). A column (one category, or Unsorted) read as a range takes its newest rows straight off the
     * (category_id, pk) index, the order naming both columns so the index order is the result order (V70); a pk list
     * is looked up by primary key.
     */
    private List<StoredMention> pageWhere(MentionFilter filter, String condition, boolean range, int limit) {
        return db.inTransaction(c -> {
            List<Object> args = new ArrayList<>();
            String where = where(filter, args);
            boolean byCategory = range && (filter.unsortedOnly() || filter.categoryId() != null);
            String sql = "SELECT " + COLUMNS + " FROM mention"
                    + (byCategory ? db.dialect().useIndex("mention_category_pk_idx") : "") + where
                    + (condition == null ? "" : (where.isEmpty() ? " WHERE " : " AND ") + condition)
                    + (byCategory ? " ORDER BY category_id DESC, pk DESC" : " ORDER BY pk DESC")
                    + " FETCH FIRST " + limit + " ROWS ONLY";
            List<StoredMention> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                Sql.bindPositional(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The search text as {@link #where} uses it, or null when the filter has none. */
    private static String searchText(MentionFilter f) {
        return f.text() == null || f.text().isBlank() ? null : f.text().strip();
    }

    /**
     * Whether a search compares the raw text (true: the query has no case, e.g. Hangul, digits, emoji) or
     * {@code LOWER(text)} with {@code LOWER(query)} (false).
     */
    public static boolean caseless(String q) {
        return q.toLowerCase(java.util.Locale.ROOT).equals(q.toUpperCase(java.util.Locale.ROOT));
    }

    /** A mention's pk and text, for the search index. */
    public record IndexRow(long pk, String text) {}

    /** Mentions stored after {@code afterPk}, lowest pk first, at most {@code limit}: the search index's catch-up. */
    public List<IndexRow> textsAfter(long afterPk, int limit) {
        return db.inTransaction(c -> {
            List<IndexRow> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT pk, text FROM mention WHERE pk > ? ORDER BY pk "
                    + "FETCH FIRST " + limit + " ROWS ONLY")) {
                st.setLong(1, afterPk);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new IndexRow(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Mentions with {@code from <= pk <= to}, lowest first, at most {@code limit}: rows that turned up in a gap of the
     * pk sequence.
     */
    public List<IndexRow> textsBetween(long from, long to, int limit) {
        return db.inTransaction(c -> {
            List<IndexRow> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT pk, text FROM mention WHERE pk >= ? AND pk <= ? "
                    + "ORDER BY pk FETCH FIRST " + limit + " ROWS ONLY")) {
                st.setLong(1, from);
                st.setLong(2, to);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new IndexRow(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Who the mention with this pk is (source and platform id), or empty when there is none: the search index checks
     * that the newest row it holds is still the same one, i.e. that the database was not replaced under it.
     */
    public Optional<String> identity(long pk) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT source, platform_id FROM mention WHERE pk = ?")) {
                st.setLong(1, pk);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1) + "\t" + rs.getString(2)) : Optional.empty();
                }
            }
        });
    }

    /** Streams every matching mention oldest first, for exports; never holds them all in memory. */
    public int forEach(MentionFilter filter, Consumer<StoredMention> sink) {
        return db.inTransaction(c -> {
            List<Object> args = new ArrayList<>();
            String sql = "SELECT " + COLUMNS + " FROM mention" + where(filter, args) + " ORDER BY created_at, pk";
            int n = 0;
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setFetchSize(1000);
                Sql.bindPositional(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(read(rs));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    public long count(MentionFilter filter) {
        return db.inTransaction(c -> {
            List<Object> args = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM mention" + where(filter, args))) {
                Sql.bindPositional(st, args);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Mentions per category (those with any); the Unsorted count is under key {@code null}. Read from the kept
     * counts ({@link CategoryCountStore}), not by counting the mentions.
     */
    public Map<Long, Long> countsByCategory() {
        return db.inTransaction(CategoryCountStore::totals);
    }

    public Optional<StoredMention> find(long pk) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM mention WHERE pk = ?")) {
                st.setLong(1, pk);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** One stored post by its (source, platform id) key, if the desk has it. */
    public Optional<StoredMention> post(String source, String platformId) {
        return db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM mention WHERE source = ? AND "
                    + "platform_id = ?")) {
                st.setString(1, source);
                st.setString(2, platformId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The newest {@code limit} stored mentions of one conversation, oldest first: those whose conversation id is
     * {@code conversationId} and the conversation's first post itself (its platform id is the conversation id), from
     * the same source. The first post comes from the (source, platform_id) key. conversation_id has no index (every
     * insert would pay for one more b-tree, issue #8), so the rest is a scan, which the desk runs on a thread of its
     * own once a mention stays open.
     */
    public List<StoredMention> conversation(String source, String conversationId, int limit) {
        if (conversationId == null || conversationId.isBlank() || limit <= 0) {
            return List.of();
        }
        return db.inTransaction(c -> {
            Map<Long, StoredMention> byPk = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM mention WHERE source = ? AND "
                    + "conversation_id = ? ORDER BY created_at DESC, pk DESC FETCH FIRST " + limit + " ROWS ONLY")) {
                st.setString(1, source);
                st.setString(2, conversationId);
                readInto(st, byPk);
            }
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM mention WHERE source = ? AND "
                    + "platform_id = ?")) {
                st.setString(1, source);
                st.setString(2, conversationId);
                readInto(st, byPk);
            }
            List<StoredMention> out = new ArrayList<>(byPk.values());
            out.sort(java.util.Comparator.comparing((StoredMention m) -> m.mention().createdAt())
                    .thenComparingLong(StoredMention::pk));
            return out.size() > limit ? List.copyOf(out.subList(out.size() - limit, out.size())) : out;
        });
    }

    private void readInto(PreparedStatement st, Map<Long, StoredMention> byPk) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                StoredMention m = read(rs);
                byPk.put(m.pk(), m);
            }
        }
    }

    /**
     * The mentions with primary keys {@code from..to} (inclusive), oldest first: what another desk stored in one batch
     * (issue 21). Tells the search index that they were stored, as an ingest here would.
     */
    public List<StoredMention> storedElsewhere(long from, long to) {
        List<StoredMention> out = db.inTransaction(c -> {
            List<StoredMention> found = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM mention WHERE pk >= ? AND pk <= ? ORDER BY pk")) {
                st.setLong(1, from);
                st.setLong(2, to);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(read(rs));
                    }
                }
            }
            return found;
        });
        if (!out.isEmpty()) {
            try {
                index.stored(out.size());
            } catch (RuntimeException e) {
                log.warn("The search index was not told about new mentions ({}); it catches up on its next pass",
                        e.getMessage());
            }
        }
        return out;
    }

    public List<StoredMention> find(List<Long> pks) {
        if (pks.isEmpty()) {
            return List.of();
        }
        return db.inTransaction(c -> {
            List<StoredMention> out = new ArrayList<>();
            String sql = "SELECT " + COLUMNS + " FROM mention WHERE pk IN (" + "?,".repeat(pks.size() - 1) + "?)";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < pks.size(); i++) {
                    st.setLong(i + 1, pks.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    private String where(MentionFilter f, List<Object> args) {
        List<String> parts = new ArrayList<>();
        if (f.unsortedOnly()) {
            parts.add("category_id IS NULL");
        } else if (f.categoryId() != null) {
            parts.add("category_id = ?");
            args.add(f.categoryId());
        }
        SqlDialect d = db.dialect();
        if (f.text() != null && !f.text().isBlank()) {
            String q = f.text().strip();
            // Hangul (and digits, punctuation) have no case: a plain LIKE then finds the same rows without
            // lower-casing every stored text first.
            parts.add(caseless(q) ? "text LIKE ? ESCAPE '\\'" : d.containsIgnoreCase("text"));
            args.add(SqlDialect.likeContains(q));
        }
        if (f.author() != null && !f.author().isBlank()) {
            parts.add("(" + d.containsIgnoreCase("author") + " OR " + d.containsIgnoreCase("author_name") + ")");
            String like = SqlDialect.likeContains(f.author().strip().replaceFirst("^@", ""));
            args.add(like);
            args.add(like);
        }
        if (f.lang() != null && !f.lang().isBlank()) {
            parts.add("lang = ?");
            args.add(f.lang());
        }
        if (f.from() != null) {
            parts.add("created_at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            parts.add("created_at < ?");
            args.add(f.to());
        }
        if (f.beforePk() != null) {
            parts.add("pk < ?");
            args.add(f.beforePk());
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }


    public static StoredMention read(ResultSet rs) throws SQLException {
        Mention m = new Mention(rs.getString("source"), rs.getString("platform_id"), Jdbc.getInstant(rs, "created_at"),
                rs.getString("author"), rs.getString("author_name"), rs.getString("lang"), rs.getString("text"),
                rs.getString("conversation_id"), null, null);
        return new StoredMention(rs.getLong("pk"), m, Jdbc.getInstant(rs, "received_at"),
                Jdbc.getLong(rs, "category_id"), rs.getString("assigned_by"), Jdbc.getLong(rs, "suggested_category_id"),
                Jdbc.getDouble(rs, "suggestion_confidence"), rs.getString("suggestion_reason"),
                Jdbc.getInstant(rs, "handed_over_at"));
    }
}
