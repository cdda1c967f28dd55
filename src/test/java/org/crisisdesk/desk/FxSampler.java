package org.crisisdesk.desk;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Debug aid: samples the FX thread's stack every 2 ms while {@code active} holds and prints the frames seen most
 * (JFR does not sample the FX thread under Monocle). Used by DeskStartupProbe ({@code -Dprobe.sample=true}) and the
 * UI bench ({@code -Dbench.ui.sample=true}).
 */
final class FxSampler {
    /** The thread sampled: the FX thread, or {@code -Dbench.sample.thread=QuantumRenderer-0} for the painting. */
    private static final String THREAD = System.getProperty("bench.sample.thread", "JavaFX Application Thread");
    private final Map<String, Integer> inclusive = new HashMap<>();
    private final Map<String, Integer> self = new HashMap<>();
    private int samples;

    /** Samples until {@code running} turns false, counting only samples taken while {@code counting} holds. */
    static void start(BooleanSupplier running, BooleanSupplier counting) {
        FxSampler s = new FxSampler();
        Thread t = new Thread(() -> s.run(running, counting), "fx-sampler");
        t.setDaemon(true);
        t.start();
    }

    private void run(BooleanSupplier running, BooleanSupplier counting) {
        Thread fx = null;
        while (running.getAsBoolean()) {
            if (fx == null) {
                fx = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals(THREAD)).findFirst().orElse(null);
            } else if (counting.getAsBoolean()) {
                record(fx.getStackTrace());
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.out.println("SAMPLES " + samples);
        print("INCL", inclusive, 150);
        print("SELF", self, 30);
    }

    private void record(StackTraceElement[] st) {
        if (st.length == 0 || "park".equals(st[0].getMethodName()) || "wait".equals(st[0].getMethodName())) {
            return; // idle
        }
        samples++;
        self.merge(st[0].getClassName() + "." + st[0].getMethodName(), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (StackTraceElement e : st) {
            String m = e.getClassName().replaceAll(".*\\.", "") + "." + e.getMethodName();
            if (seen.add(m)) {
                inclusive.merge(m, 1, Integer::sum);
            }
        }
    }

    private static void print(String tag, Map<String, Integer> counts, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.println(tag + " " + e.getValue() + " " + e.getKey()));
    }
}
