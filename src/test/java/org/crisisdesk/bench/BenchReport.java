package org.crisisdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one figure per line to target/bench/results.md and prints it, so one run yields the BENCHMARKS.md table. The
 * file starts afresh with the first figure of a run (one test JVM), so it never mixes runs.
 */
public final class BenchReport {
    private static final Path FILE = Path.of("target", "bench", "results.md");
    private static boolean started;

    private BenchReport() {}

    /** Records a figure with its limit; returns whether it met the limit. */
    public static synchronized boolean figure(String name, double value, String unit, String comparison, double limit) {
        boolean met = switch (comparison) {
            case ">=" -> value >= limit;
            case "<=" -> value <= limit;
            default -> throw new IllegalArgumentException(comparison);
        };
        double ratio = limit == 0 ? Double.NaN : value / limit;
        String line = String.format("| %s | %s %s %s | %s %s | %s | %s |", name, comparison, trim(limit), unit,
                String.format("%,.1f", value), unit, Double.isNaN(ratio) ? "" : String.format("%.2f", ratio),
                met ? "yes" : "**no**");
        System.out.println("BENCH " + line);
        try {
            Files.createDirectories(FILE.getParent());
            // the desk benches run in a second JVM of the same build (pom.xml) and add to the first one's table
            if (!started && !(Boolean.getBoolean("bench.report.append") && Files.exists(FILE))) {
                started = true;
                Files.writeString(FILE, "| figure | limit | measured | measured / limit | met |\n|---|---|---:|---:|---|\n",
                        StandardCharsets.UTF_8);
            }
            started = true;
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return met;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.format("%,.0f", d) : String.valueOf(d);
    }
}
