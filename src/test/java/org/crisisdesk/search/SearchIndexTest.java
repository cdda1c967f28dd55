package org.crisisdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.mention.TextIndex;
import org.crisisdesk.store.Database;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** The index finds exactly what the scan finds, however the index stands (caught up, behind, rebuilt, locked). */
class SearchIndexTest {
    private static final Clock CLOCK = TempDesk.fixed("2026-10-17T03:00:00Z");
    private static final Instant T0 = Instant.parse("2026-10-17T00:00:00Z");
    private static final String[] PIECES = {"유심", "배송", "지연", "배송 지연", "배송지연", "안돼요", "ㅠ", "ㅠㅠ", "개통이",
        "Please", "PLEASE", "please", "help", "HELP me", "😡", "😡😡", "👨\u200d👩\u200d👧", "ΣΑΣ", "σας", "İstanbul",
        "i\u0307s", "50%", "a_b", "\u00a0", "\t", " ", "  ", "문의", "KT", "kt", "e\u0301", "é", "!"};
    private static final String[] QUERIES = {"유심", "배송 지연", "배송지연", "배송  지연", "안돼요 ㅠ", "개통이", "Please",
        "please", "PLEASE", "ease", "LP M", "😡😡", "😡", "👨\u200d👩", "σας", "ΣΑΣ", "İs", "i\u0307s", "is", "50%", "%",
        "a_b", "_b", "없는 말", "zzqx", "유", "a", "p", "kt 유심", "ㅠㅠ", "e\u0301", "é", "  "};

    @Test
    void theIndexFindsExactlyWhatTheScanFindsWithFiltersAndPaging() throws Exception {
        try (Services s = TempDesk.open(TempDesk.newHome(), CLOCK)) {
            long cat = s.categories().ensure("검색").id();
            long last = fill(s, 1, 600, cat, new Random(4));
            assertThat(s.search().awaitCovered(last, Duration.ofSeconds(30))).isTrue();
            MentionStore scan = new MentionStore(s.db(), CLOCK);

            List<MentionFilter> filters = new ArrayList<>();
            filters.add(MentionFilter.ALL);
            filters.add(MentionFilter.category(null));
            filters.add(MentionFilter.category(cat));
            filters.add(MentionFilter.ALL.withLang("en"));
            filters.add(MentionFilter.ALL.withAuthor("user1"));
            filters.add(MentionFilter.ALL.between(T0.plusSeconds(100), T0.plusSeconds(400)));
            filters.add(MentionFilter.ALL.before(last - 250));
            int used = 0;
            for (String q : QUERIES) {
                for (MentionFilter f : filters) {
                    MentionFilter withText = f.withText(q);
                    assertThat(pks(s.mentions().page(withText, 20))).as("first page of %s", withText)
                            .isEqualTo(pks(scan.page(withText, 20)));
                    assertThat(allPages(s.mentions(), withText, 23)).as("all pages of %s", withText)
                            .isEqualTo(allPages(scan, withText, 23));
                }
                try (TextIndex.Snapshot snap = s.search().snapshot(q.strip(), MentionStore.caseless(q.strip()))) {
                    used += snap == null ? 0 : 1;
                }
            }
            assertThat(used).as("queries answered through the index").isGreaterThan(QUERIES.length - 8);
            assertThat(allPages(scan, MentionFilter.ALL.withText("배송 지연"), 7)).isNotEmpty();
            assertThat(allPages(scan, MentionFilter.ALL.withText("please"), 7)).isNotEmpty();
        }
    }

    /** The page really comes from the index: an index that names no candidates finds nothing below what it covers. */
    @Test
    void searchesBelowTheCoveredPkOnlyCheckTheIndexCandidates() {
        try (Services s = TempDesk.open(TempDesk.newHome(), CLOCK)) {
            long last = fill(s, 1, 30, null, new Random(5));
            MentionStore store = new MentionStore(s.db(), CLOCK);
            store.useIndex(fakeIndex(last - 10, (belowPk, n) -> new long[0]));
            MentionFilter f = MentionFilter.ALL.withText("배송");
            List<Long> all = pks(new MentionStore(s.db(), CLOCK).page(f, 100));
            assertThat(all).anyMatch(pk -> pk <= last - 10);
            assertThat(pks(store.page(f, 100))).isEqualTo(all.stream().filter(pk -> pk > last - 10).toList());
        }
    }

    /**
     * An honest but useless index (every pk is a candidate, and it claims to cover pks far above the real ones): after
     * a budget of candidates the store scans the rest instead of checking on, and still finds the same page.
     */
    @Test
    void endlessUselessCandidatesEndInTheScan() {
        try (Services s = TempDesk.open(TempDesk.newHome(), CLOCK)) {
            fill(s, 1, 40, null, new Random(13));
            long[] asked = {0};
            MentionStore store = new MentionStore(s.db(), CLOCK);
            store.useIndex(fakeIndex(1L << 40, (belowPk, n) -> {
                asked[0] += n;
                if (asked[0] > 200_000) {
                    throw new AssertionError("the store keeps asking for candidates");
                }
                long[] pks = new long[n];
                for (int i = 0; i < n; i++) {
                    pks[i] = belowPk - 1 - i;
                }
                return pks;
            }));
            MentionFilter f = MentionFilter.ALL.withText("배송");
            assertThat(pks(store.page(f, 10))).isEqualTo(pks(new MentionStore(s.db(), CLOCK).page(f, 10)))
                    .isNotEmpty();
            assertThat(asked[0]).isLessThan(100_000);
        }
    }

    @Test
    void mentionsTheIndexHasNotReachedAreFoundByTheScanOfTheTail() throws Exception {
        Path home = TempDesk.newHome();
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
        try (Services s = TempDesk.open(home, CLOCK)) {
            long first = fill(s, 1, 100, null, new Random(6));
            MentionStore mine = new MentionStore(s.db(), CLOCK);
            // an index nobody tells about new mentions, that looks for them only once an hour
            SearchIndex index = SearchIndex.open(TempDesk.newHome().resolve("ix"), "test", mine, thread,
                    Duration.ofHours(1));
            mine.useIndex(index);
            assertThat(index.awaitCovered(first, Duration.ofSeconds(30))).isTrue();
            long last = fill(s, 101, 160, null, new Random(7));
            assertThat(index.covered()).isEqualTo(first);
            MentionStore scan = new MentionStore(s.db(), CLOCK);
            for (String q : QUERIES) {
                MentionFilter f = MentionFilter.ALL.withText(q);
                assertThat(allPages(mine, f, 9)).as(q).isEqualTo(allPages(scan, f, 9));
            }
            assertThat(pks(mine.page(MentionFilter.ALL.withText("배송"), 500))).anyMatch(pk -> pk > first)
                    .anyMatch(pk -> pk <= first);
            index.changed();
            assertThat(index.awaitCovered(last, Duration.ofSeconds(30))).isTrue();
            index.close();
        } finally {
            thread.shutdown();
            thread.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRestartReadsOnlyWhatIsNewAndACorruptIndexIsRebuilt() throws Exception {
        Path home = TempDesk.newHome();
        long first;
        try (Services s = TempDesk.open(home, CLOCK)) {
            first = fill(s, 1, 200, null, new Random(9));
            assertThat(s.search().awaitCovered(first, Duration.ofSeconds(30))).isTrue();
        }
        // stored while no index ran (as by a desk that could not open it)
        long last;
        try (Database db = Database.open(Database.fileUrl(home))) {
            MentionStore plain = new MentionStore(db, CLOCK);
            List<Filing> more = new ArrayList<>();
            for (int i = 201; i <= 240; i++) {
                more.add(Filing.unsorted(mention(i, "재시작 후 " + i + " 유심 ㅠ")));
            }
            last = plain.ingest(more, null, "t").get(39).pk();
        }
        try (Services s = TempDesk.open(home, CLOCK)) {
            assertThat(s.search().awaitCovered(last, Duration.ofSeconds(30))).isTrue();
            assertThat(s.search().indexedSinceOpen()).isEqualTo(40);
            assertSameAsScan(s, "재시작 후", "유심 ㅠ", "배송 지연", "Please");
        }

        try (var files = Files.list(home.resolve(SearchIndex.DIR))) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.write(f, new byte[] {1, 2, 3, 4, 5});
                }
            }
        }
        try (Services s = TempDesk.open(home, CLOCK)) {
            assertThat(s.search().awaitCovered(last, Duration.ofSeconds(30))).isTrue();
            assertThat(s.search().indexedSinceOpen()).isEqualTo(240);
            assertSameAsScan(s, "재시작 후", "유심 ㅠ", "배송 지연", "Please");
        }
    }

    /** A restored (older) database reuses pks for other mentions: the index notices and rebuilds. */
    @Test
    void anIndexOfAnotherStateOfTheDatabaseIsRebuilt() throws Exception {
        Path home = TempDesk.newHome();
        Path db = home.resolve("crisisdesk.mv.db");
        Path backup = home.resolve("backup.mv.db");
        try (Services s = TempDesk.open(home, CLOCK)) {
            fill(s, 1, 50, null, new Random(10));
        }
        Files.copy(db, backup);
        try (Services s = TempDesk.open(home, CLOCK)) {
            long last = fill(s, 51, 100, null, new Random(11));
            assertThat(s.search().awaitCovered(last, Duration.ofSeconds(30))).isTrue();
        }
        Files.copy(backup, db, StandardCopyOption.REPLACE_EXISTING);
        // as `crisisdesk restore` does: the damage stamp described the replaced file (an older file copied over a
        // newer one is otherwise refused as cut short)
        Files.deleteIfExists(home.resolve("crisisdesk.mv.db.stamp"));
        try (Services s = TempDesk.open(home, CLOCK)) {
            List<Filing> other = new ArrayList<>();
            for (int i = 1000; i < 1050; i++) {
                other.add(Filing.unsorted(mention(i, "복원 뒤 새 글 " + i)));
            }
            long last = s.mentions().ingest(other, null, "t").get(49).pk();
            assertThat(last).isLessThanOrEqualTo(100); // the same pks as the mentions the index saw before
            assertThat(s.search().awaitCovered(last, Duration.ofSeconds(30))).isTrue();
            assertThat(s.mentions().page(MentionFilter.ALL.withText("복원 뒤"), 100)).hasSize(50);
            assertSameAsScan(s, "복원 뒤", "배송 지연", "유심");
        }
    }

    /** Two desks on one home: the second reads what the first commits, scans the rest, and takes over later. */
    @Test
    void aSecondDeskOnTheSameHomeFollowsTheFirstAndTakesOverWhenItCloses() throws Exception {
        Path home = TempDesk.newHome();
        Services first = TempDesk.open(home, CLOCK);
        try (Services other = TempDesk.open(home, CLOCK)) {
            try {
                long last = fill(first, 1, 80, null, new Random(12));
                assertThat(first.search().awaitCovered(last, Duration.ofSeconds(30))).isTrue();
                // the other desk sees the first one's commit (it commits at most every 5 s)
                assertThat(other.search().awaitCovered(last, Duration.ofSeconds(30))).isTrue();
                fill(other, 81, 120, null, new Random(14)); // above what the first one committed: scanned
                assertSameAsScan(other, "배송 지연", "Please", "유심", "ㅠ");
            } finally {
                first.close();
            }
            long more = fill(other, 121, 150, null, new Random(15));
            assertThat(other.search().awaitCovered(more, Duration.ofSeconds(30))).isTrue();
            assertThat(other.search().indexedSinceOpen()).isPositive();
            assertSameAsScan(other, "배송 지연", "Please", "유심", "ㅠ");
        }
    }

    private static void assertSameAsScan(Services s, String... queries) {
        MentionStore scan = new MentionStore(s.db(), CLOCK);
        for (String q : queries) {
            MentionFilter f = MentionFilter.ALL.withText(q);
            List<Long> expected = allPages(scan, f, 11);
            assertThat(allPages(s.mentions(), f, 11)).as(q).isEqualTo(expected);
        }
    }

    /** Stores mentions {@code from..to} (ids), texts random joins of {@link #PIECES}; returns the last pk. */
    @Test
    void aBulkImportIsNotIndexedWhileItRunsButSearchedCompletelyAndIndexedRightAfter() throws Exception {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
        try (Services s = TempDesk.open(TempDesk.newHome(), CLOCK)) {
            MentionStore mine = new MentionStore(s.db(), CLOCK);
            // any steady stream counts as a bulk import here (more than one mention a second)
            SearchIndex index = SearchIndex.open(TempDesk.newHome().resolve("ix"), "test", mine, thread,
                    Duration.ofMillis(100), 1);
            mine.useIndex(index);
            long last = 0;
            int stored = 0;
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
            for (int i = 1; System.nanoTime() < end; i += 5) {
                List<Filing> batch = new ArrayList<>();
                for (int k = i; k < i + 5; k++) {
                    batch.add(Filing.unsorted(mention(k, "배송 지연 " + k)));
                }
                last = mine.ingest(batch, null, "t").get(4).pk();
                stored += 5;
                Thread.sleep(20);
            }
            assertThat(index.covered()).as("covered while the import runs").isLessThan(last);
            MentionStore scan = new MentionStore(s.db(), CLOCK);
            MentionFilter f = MentionFilter.ALL.withText("배송 지연");
            assertThat(allPages(mine, f, 50)).isEqualTo(allPages(scan, f, 50)).hasSize(stored);
            assertThat(index.awaitCovered(last, Duration.ofSeconds(10))).as("indexed once it ended").isTrue();
            index.close();
        } finally {
            thread.shutdown();
            thread.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** The next candidates below {@code belowPk}, at most {@code n}, newest first. */
    @FunctionalInterface
    private interface Candidates {
        long[] next(long belowPk, int n);
    }

    /** A stand-in index that claims to cover pks up to {@code covered} and offers what {@code candidates} gives. */
    private static TextIndex fakeIndex(long covered, Candidates candidates) {
        return new TextIndex() {
            @Override
            public Snapshot snapshot(String query, boolean caseless) {
                return new Snapshot() {
                    public long covered() {
                        return covered;
                    }

                    public long[] next(long belowPk, int n) {
                        return candidates.next(belowPk, n);
                    }

                    public void close() {}
                };
            }

            @Override
            public void changed() {}
        };
    }

    private static long fill(Services s, int from, int to, Long category, Random random) {
        List<Filing> batch = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int k = 0; k < n; k++) {
                text.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            Mention m = mention(i, text.toString().strip());
            batch.add(category != null && i % 3 == 0 ? new Filing(m, category, "IMPORT", null, null, null)
                    : Filing.unsorted(m));
        }
        long last = 0;
        for (int k = 0; k < batch.size(); k += 50) {
            List<StoredMention> stored = s.mentions().ingest(batch.subList(k, Math.min(batch.size(), k + 50)), null,
                    "t");
            last = stored.get(stored.size() - 1).pk();
        }
        return last;
    }

    private static Mention mention(int i, String text) {
        return new Mention("x", Integer.toString(i), T0.plusSeconds(i), "user" + i, "User " + i,
                i % 4 == 0 ? "en" : "ko", text, null, null, null);
    }

    private static List<Long> pks(List<StoredMention> page) {
        return page.stream().map(StoredMention::pk).toList();
    }

    private static List<Long> allPages(MentionStore store, MentionFilter f, int limit) {
        List<Long> out = new ArrayList<>();
        MentionFilter cur = f;
        while (true) {
            List<StoredMention> page = store.page(cur, limit);
            out.addAll(pks(page));
            if (page.size() < limit) {
                return out;
            }
            cur = f.before(page.get(page.size() - 1).pk());
        }
    }
}
