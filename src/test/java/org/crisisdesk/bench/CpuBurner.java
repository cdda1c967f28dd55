package org.crisisdesk.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another program keeping cores busy, as a browser, chat and a video call do on a community manager's computer
 * (issue 26): {@code cores} child processes, each a shell spinning in an empty loop. Started by a bench, stopped (and
 * waited for) in {@link #close()}, so a bench in a try-with-resources never leaves one running.
 */
public final class CpuBurner implements AutoCloseable {
    private final List<Process> children = new ArrayList<>();

    private CpuBurner() {}

    /** Starts {@code cores} spinning child processes (at the default priority, like any other program). */
    public static CpuBurner start(int cores) throws IOException {
        CpuBurner b = new CpuBurner();
        try {
            for (int i = 0; i < cores; i++) {
                b.children.add(new ProcessBuilder("sh", "-c", "while :; do :; done")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
        } catch (IOException | RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    /** The children's process ids, for the bench's report. */
    public List<Long> pids() {
        return children.stream().map(Process::pid).toList();
    }

    /** CPU seconds the children have used so far (what they took from the machine). */
    public double cpuSeconds() {
        return children.stream().mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0)
                .orElse(0.0)).sum();
    }

    public boolean alive() {
        return !children.isEmpty() && children.stream().allMatch(Process::isAlive);
    }

    @Override
    public void close() {
        for (Process p : children) {
            p.destroyForcibly();
        }
        for (Process p : children) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
