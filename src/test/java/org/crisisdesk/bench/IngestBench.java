package org.crisisdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.source.FileImporter;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #8 figure 1: canonical JSONL → parse → classify → persist into the real schema, against a raw JDBC batch
 * insert of the same rows into the same table, both measured in this run.
 */
@Tag("bench")
class IngestBench {
    static final int ROWS = Integer.getInteger("bench.ingest.rows", 200_000);

    @Test
    void ingestKeepsUpWithACrisisAndWithRawJdbc() throws Exception {
        Path dir = TempDesk.newHome();
        Path file = BenchData.writeJsonl(dir.resolve("ingest.jsonl"), ROWS, Instant.parse("2026-10-17T00:00:00Z"),
                12 * 3600, 42);
        List<Mention> parsed = BenchData.readJsonl(file, ROWS);

        // Warm-up: both paths once at full size on separate databases, so what is measured is the steady state of a
        // desk that has been running (on two cores the JIT's compiler threads otherwise take a core from a cold run).
        warmUp(dir.resolve("warm"), file, parsed);

        double[] raw;
        try (Services s = Services.open(dir.resolve("raw"), null, Clock.systemUTC())) {
            List<Mention> rows = parsed;
            raw = timed(() -> BenchData.rawInsert(s, rows));
        }
        parsed = null; // the raw insert's rows are the bench's, not the pipeline's: not in its heap while it runs
        double[] pipeline;
        try (Services s = Services.open(dir.resolve("pipeline"), null, Clock.systemUTC())) {
            FileImporter.Report[] r = new FileImporter.Report[1];
            pipeline = timed(() -> r[0] = s.importer("bench").importFile(file));
            assertThat(r[0].imported()).isEqualTo(ROWS);
            assertThat(s.mentions().count(MentionFilter.ALL)).isEqualTo(ROWS);
            // The search index left the import alone while it ran; afterwards it must take up every row.
            long last = s.mentions().page(MentionFilter.ALL, 1).get(0).pk();
            assertThat(s.search().awaitCovered(last, java.time.Duration.ofSeconds(120))).as("index covers all").isTrue();
        }
        double rawRate = raw[0];
        double rawCpuRate = raw[1];
        double ingestRate = pipeline[0];
        double ingestCpuRate = pipeline[1];
        boolean fast = BenchReport.figure("Ingest JSONL→H2 (" + ROWS + " rows)", ingestRate, "mentions/s", ">=", 20_000);
        BenchReport.figure("Raw JDBC batch insert, same rows", rawRate, "rows/s", ">=", 0);
        boolean ratio = BenchReport.figure("Ingest / raw JDBC ratio", ingestRate / rawRate, "x", ">=", 0.5);
        // Per second of the whole process's CPU time (all threads: H2's writer, parsing, classifying): what the work
        // costs, whatever else the machine runs. The raw insert's rows were parsed before its clock started.
        BenchReport.figure("  Ingest per CPU second (process)", ingestCpuRate, "mentions/s", ">=", 10_000);
        BenchReport.figure("  Raw JDBC per CPU second (process)", rawCpuRate, "rows/s", ">=", 0);
        BenchReport.figure("  Ingest / raw JDBC ratio, CPU time", ingestCpuRate / rawCpuRate, "x", ">=", 0.5);
        assertThat(fast).as("ingest rate %.0f/s", ingestRate).isTrue();
        assertThat(ratio).as("ratio %.2f", ingestRate / rawRate).isTrue();
    }

    /** Rows per second of wall time and per second of the process's CPU time, after a full GC. */
    private static double[] timed(Work work) throws Exception {
        System.gc();
        long t0 = System.nanoTime();
        long c0 = processCpu();
        work.run();
        return new double[] {ROWS / ((System.nanoTime() - t0) / 1e9), ROWS / ((processCpu() - c0) / 1e9)};
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void warmUp(Path home, Path file, List<Mention> parsed) throws Exception {
        try (Services s = Services.open(home.resolve("raw"), null, Clock.systemUTC())) {
            BenchData.rawInsert(s, parsed);
        }
        try (Services s = Services.open(home.resolve("pipeline"), null, Clock.systemUTC())) {
            s.importer("warm").importFile(file);
        }
    }
}
