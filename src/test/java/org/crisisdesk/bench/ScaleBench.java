package org.crisisdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #8 figure 4: a desk over 1,000,000 stored mentions. The database is generated on the first run into
 * target/bench/scale-N (raw JDBC batches, about 3-4 minutes on a shared 2-vCPU machine) and reused afterwards;
 * delete the folder to generate it again. The desk itself opens in a fresh JVM ({@code DeskStartupProbe}), so "after
 * the JVM starts" means just that; it starts as an installed desk does ({@link DeskLaunch}).
 */
@Tag("bench")
class ScaleBench {
    static final int ROWS = Integer.getInteger("bench.scale.rows", 1_000_000);
    /** Common, mid-frequency, a phrase with a space, absent Korean, English. */
    static final String[] QUERIES = {"유심", "개통이", "배송 지연", "안돼요 ㅠ", "Please"};

    /** The bench's database, generated on the first run and reused. */
    static Path filledHome() throws Exception {
        Path home = Path.of("target", "bench", "scale-" + ROWS).toAbsolutePath();
        Path marker = home.resolve("filled");
        if (!Files.exists(marker)) {
            deleteTree(home);
            Files.createDirectories(home);
            try (Services s = Services.open(home, null, Clock.systemUTC())) {
                long t0 = System.nanoTime();
                BenchData.fill(s, ROWS, Instant.parse("2026-10-10T00:00:00Z"), 7 * 24 * 3600, 1);
                System.out.printf("generated %,d mentions in %.0f s%n", ROWS, (System.nanoTime() - t0) / 1e9);
            }
            Files.writeString(marker, Integer.toString(ROWS));
        }
        return home;
    }

    /**
     * Issue 26: the installed desk's start over the same database while another program keeps one core busy (a
     * {@link CpuBurner} child spinning through all four starts). Same limit for the painted feed: 2 s.
     */
    @Test
    void aMillionMentionDeskOpensInTimeWithOneCoreBusyByAnotherProgram() throws Exception {
        Path home = filledHome();
        DeskLaunch launch = DeskLaunch.prepare();
        List<String> archive = List.of("-XX:SharedArchiveFile=" + launch.dumpArchive(DeskLaunch.CLASS_LIST));
        List<Map<String, String>> probes = new ArrayList<>();
        try (CpuBurner burner = CpuBurner.start(1)) {
            System.out.println("scale bench: one core kept busy by process " + burner.pids());
            for (int i = 0; i < 4; i++) {
                Map<String, String> probe = launch.probe(home, archive);
                System.out.println("desk startup probe (one core busy): " + probe);
                if (i > 0) {
                    probes.add(probe);
                }
            }
            assertThat(burner.alive()).as("the other program kept its core busy to the end").isTrue();
        }
        probes.sort(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getOrDefault("PAINTED_MS", "99999"))));
        Map<String, String> probe = probes.get(1);
        long painted = Long.parseLong(probe.getOrDefault("PAINTED_MS", "-1"));
        boolean open = BenchReport.figure("Painted feed after JVM start (" + ROWS + " rows, one core busy)", painted,
                "ms", "<=", 2000);
        BenchReport.figure("  same, process CPU time until then (one core busy)", Long.parseLong(probe.getOrDefault(
                "PAINTED_CPU_MS", "-1")), "ms", "<=", 4000);
        assertThat(painted).as("painted feed").isPositive();
        assertThat(open).as("startup %d ms with one core busy", painted).isTrue();
    }

    @Test
    void aMillionMentionDeskOpensFastAndFindsText() throws Exception {
        Path home = filledHome();

        Map<String, Long> searchMs = new HashMap<>();
        long worstColumn;
        long totalsMs;
        long indexMs;
        long indexed;
        try (Services s = Services.open(home, null, Clock.systemUTC())) {
            assertThat(s.mentions().count(MentionFilter.ALL)).isGreaterThanOrEqualTo(ROWS);
            // The search index builds itself (first run) or catches up (later runs) in HOME/search-index on its own
            // thread from the moment the services open; delete that folder to time a full build again.
            long top = s.mentions().page(MentionFilter.ALL, 1).get(0).pk();
            long t0 = System.nanoTime();
            assertThat(s.search().awaitCovered(top, Duration.ofMinutes(30))).as("index caught up").isTrue();
            indexMs = (System.nanoTime() - t0) / 1_000_000;
            indexed = s.search().indexedSinceOpen();
            System.out.printf("search index: %,d mentions indexed in %,d ms after open%n", indexed, indexMs);
            // and the triage engine's start-up scan of every filed mention (seconds at 1M) is over, so the search
            // figures time searches, not the start-up work beside them (that belongs to the startup figure)
            s.engine().ready().get(5, TimeUnit.MINUTES);
            MentionStore scan = new MentionStore(s.db(), Clock.systemUTC()); // no index: the plain LIKE scan
            for (String q : QUERIES) {
                MentionFilter f = MentionFilter.ALL.withText(q);
                List<StoredMention> viaIndex = s.mentions().page(f, 200); // also warms the cache for this query
                assertThat(viaIndex).as("\"%s\" through the index, as the scan finds it", q)
                        .extracting(StoredMention::pk).isEqualTo(scan.page(f, 200).stream().map(StoredMention::pk)
                                .toList());
            }
            for (String q : QUERIES) { // timed apart from the checks: a full scan leaves a cold cache and garbage
                MentionFilter f = MentionFilter.ALL.withText(q);
                s.mentions().page(f, 200);
                searchMs.put(q, best(3, () -> s.mentions().page(f, 200)));
            }
            List<MentionFilter> columns = new ArrayList<>();
            columns.add(MentionFilter.category(null));
            for (Category c : s.categories().active()) {
                columns.add(MentionFilter.category(c.id()));
            }
            long worst = 0;
            for (MentionFilter f : columns) {
                worst = Math.max(worst, best(2, () -> s.mentions().page(f, 500)));
            }
            worstColumn = worst;
            totalsMs = best(2, () -> s.mentions().countsByCategory());
        }

        // The desk as an installed one starts: a jar, the desk's JVM options, the class-data archive of the committed
        // class list (DeskLaunch); the first start also reads the files into the OS cache.
        DeskLaunch launch = DeskLaunch.prepare();
        if ("write".equals(System.getProperty("bench.classlist"))) {
            launch.writeClassList(home);
        }
        List<String> archive = List.of("-XX:SharedArchiveFile=" + launch.dumpArchive(DeskLaunch.CLASS_LIST));
        List<Map<String, String>> probes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, String> probe = launch.probe(home, archive);
            System.out.println("desk startup probe: " + probe);
            if (i > 0) {
                probes.add(probe);
            }
        }
        // the median of three starts after the one that warms the OS cache
        probes.sort(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getOrDefault("PAINTED_MS", "99999"))));
        Map<String, String> probe = probes.get(1);

        long searchWorst = searchMs.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        searchMs.forEach((q, ms) -> BenchReport.figure("Search first page \"" + q + "\" (" + ROWS + " rows)", ms,
                "ms", "<=", 200));
        if (indexed >= ROWS) {
            BenchReport.figure("  search index built over " + indexed + " rows (background, once)", indexMs / 1000.0,
                    "s", "<=", 600);
        }
        boolean search = searchWorst <= 200;
        BenchReport.figure("Column first page (500), slowest column", worstColumn, "ms", "<=", 200);
        BenchReport.figure("Board totals (kept counts, every 3 s)", totalsMs, "ms", "<=", 200);
        long painted = Long.parseLong(probe.getOrDefault("PAINTED_MS", "-1"));
        long heap = Long.parseLong(probe.getOrDefault("HEAP_MB", "-1"));
        boolean open = BenchReport.figure("Painted feed after JVM start (" + ROWS + " rows)", painted, "ms", "<=",
                2000);
        BenchReport.figure("  same, process CPU time until then", Long.parseLong(probe.getOrDefault(
                "PAINTED_CPU_MS", "-1")), "ms", "<=", 4000); // two cores for 2 s
        boolean mem = BenchReport.figure("Heap after GC, desk open (" + ROWS + " rows)", heap, "MB", "<=", 300);
        assertThat(painted).as("painted feed").isPositive();
        assertThat(mem).as("heap %d MB", heap).isTrue();
        assertThat(open && search).as("startup %d ms, search worst %d ms", painted, searchWorst).isTrue();
    }

    static long best(int runs, Runnable work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
        }
        return best;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
