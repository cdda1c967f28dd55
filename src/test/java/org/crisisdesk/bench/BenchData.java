package org.crisisdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionJson;
import org.crisisdesk.source.replay.Scenario;
import org.crisisdesk.store.Jdbc;

/**
 * Crisis-sized data for the benchmarks, seeded from the demo scenario: its texts and authors, with new ids, times
 * spread over a window and small variations so rows are not identical. Generated per run, never committed.
 */
public final class BenchData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TAILS = {"", " ㅠㅠ", " 언제요?", " !!", " 🙏", " please", " 확인 부탁", " ㅡㅡ", " #노바9", " 2"};

    private BenchData() {}

    /**
     * Fills a desk's database with {@code count} stored mentions by raw JDBC batches (fast, no classifier): demo texts
     * with variations, times spread over {@code spanSeconds} from {@code start}, about two thirds filed into the active
     * categories (with their first history row), the rest unsorted. Authors are recorded as the desk would.
     */
    public static void fill(org.crisisdesk.app.Services s, int count, Instant start, long spanSeconds, long seed) {
        List<Mention> base = Scenario.demo().mentions();
        List<Long> cats = s.categories().active().stream().map(org.crisisdesk.triage.Category::id).toList();
        Random random = new Random(seed);
        long firstPk = s.mentions().count(org.crisisdesk.mention.MentionFilter.ALL);
        java.util.Set<String> authors = new java.util.HashSet<>();
        for (int from = 0; from < count; from += 5000) {
            int n = Math.min(5000, count - from);
            int offset = from;
            s.db().inTransactionVoid(c -> {
                try (java.sql.PreparedStatement st = c.prepareStatement("INSERT INTO mention (source, platform_id, "
                        + "created_at, received_at, author, author_name, lang, text, category_id, assigned_by) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)", new String[] {"pk"});
                        java.sql.PreparedStatement hist = c.prepareStatement("INSERT INTO assignment (mention_pk, "
                                + "from_category, to_category, actor, reason, at) VALUES (?, NULL, ?, 'bench', 'AUTO', ?)");
                        java.sql.PreparedStatement au = c.prepareStatement(
                                "INSERT INTO author (source, handle, name, first_seen) VALUES (?,?,?,?)")) {
                    Long[] filed = new Long[n];
                    org.crisisdesk.mention.CategoryCountStore.Changes counts =
                            new org.crisisdesk.mention.CategoryCountStore.Changes();
                    Instant[] at = new Instant[n];
                    for (int k = 0; k < n; k++) {
                        int i = offset + k;
                        Mention m = base.get(random.nextInt(base.size()));
                        Instant t = start.plusMillis(spanSeconds * 1000L * i / Math.max(1, count));
                        String author = m.author() + (i % 7 == 0 ? "_" + (i % 1000) : "");
                        Long cat = random.nextInt(3) < 2 ? cats.get(random.nextInt(cats.size())) : null;
                        st.setString(1, "x");
                        st.setString(2, Long.toString(1_800_000_000_000_000_000L + firstPk + i));
                        org.crisisdesk.store.Jdbc.setInstant(st, 3, t);
                        org.crisisdesk.store.Jdbc.setInstant(st, 4, t);
                        st.setString(5, author);
                        st.setString(6, m.authorName());
                        st.setString(7, m.lang());
                        st.setString(8, m.text() + TAILS[random.nextInt(TAILS.length)]);
                        org.crisisdesk.store.Jdbc.setLong(st, 9, cat);
                        st.setString(10, cat == null ? null : "AUTO");
                        st.addBatch();
                        filed[k] = cat;
                        counts.added(cat, 1);
                        at[k] = t;
                        if (authors.add(author)) {
                            au.setString(1, "x");
                            au.setString(2, author);
                            au.setString(3, m.authorName());
                            org.crisisdesk.store.Jdbc.setInstant(au, 4, t);
                            au.addBatch();
                        }
                    }
                    st.executeBatch();
                    au.executeBatch();
                    try (java.sql.ResultSet keys = st.getGeneratedKeys()) {
                        int k = 0;
                        while (keys.next()) {
                            if (filed[k] != null) {
                                hist.setLong(1, keys.getLong(1));
                                hist.setLong(2, filed[k]);
                                org.crisisdesk.store.Jdbc.setInstant(hist, 3, at[k]);
                                hist.addBatch();
                            }
                            k++;
                        }
                    }
                    hist.executeBatch();
                    counts.applyTo(c); // plain SQL: keep the board counts as the desk's writers do
                }
            });
        }
    }

    /** Writes {@code count} canonical lines spread evenly over {@code span} seconds from {@code start}. */
    public static Path writeJsonl(Path file, int count, Instant start, long spanSeconds, long seed) throws IOException {
        List<Mention> base = Scenario.demo().mentions();
        Random random = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                Mention m = base.get(random.nextInt(base.size()));
                ObjectNode o = JSON.createObjectNode();
                o.put("id", Long.toString(1_900_000_000_000_000_000L + i));
                o.put("created_at", start.plusMillis(spanSeconds * 1000L * i / Math.max(1, count)).toString());
                o.put("author", m.author() + (i % 7 == 0 ? "_" + (i % 1000) : ""));
                if (m.authorName() != null) {
                    o.put("author_name", m.authorName());
                }
                if (m.lang() != null) {
                    o.put("lang", m.lang());
                }
                o.put("text", m.text() + TAILS[random.nextInt(TAILS.length)]);
                w.write(JSON.writeValueAsString(o));
                w.write('\n');
            }
        }
        return file;
    }

    /** The mentions of a file written by {@link #writeJsonl}, parsed as the importer reads them. */
    public static List<Mention> readJsonl(Path file, int expected) throws IOException {
        List<Mention> parsed = new ArrayList<>(expected);
        for (String line : Files.readAllLines(file)) {
            parsed.addAll(MentionJson.parseLine(line).mentions());
        }
        return parsed;
    }

    /** The ingest benches' baseline: one prepared INSERT per row, batched 1,000 per transaction, nothing else. */
    public static void rawInsert(Services s, List<Mention> rows) {
        Instant now = Instant.now();
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Mention> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            s.db().inTransactionVoid(c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO mention (source, platform_id, created_at, "
                        + "received_at, author, author_name, lang, text) VALUES (?,?,?,?,?,?,?,?)")) {
                    for (Mention m : chunk) {
                        st.setString(1, m.source());
                        st.setString(2, m.platformId());
                        Jdbc.setInstant(st, 3, m.createdAt());
                        Jdbc.setInstant(st, 4, now);
                        st.setString(5, m.author());
                        st.setString(6, m.authorName());
                        st.setString(7, m.lang());
                        st.setString(8, m.text());
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            });
        }
    }
}
