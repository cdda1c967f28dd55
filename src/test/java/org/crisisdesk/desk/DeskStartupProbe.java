package org.crisisdesk.desk;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.crisisdesk.app.Services;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;

/**
 * Issue #8 figure 4, run in a fresh JVM by {@code ScaleBench} (through {@code DeskLaunch}, as an installed desk
 * starts): opens the desk over an existing home the way {@link DeskApp} does (database opened off the FX thread while
 * the toolkit starts, window, then the session) and prints how long after the JVM started the feed's first rows were
 * on screen (see the timer below), then the heap in use after a full GC once the desk has settled. Output lines:
 * {@code PAINTED_MS=...}, {@code HEAP_MB=...}, and {@code AT <phase> <ms>} marks. By hand, after a ScaleBench run:
 * {@code java -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=target/bench/launch/desk.jsa -cp CLASSPATH
 * -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw org.crisisdesk.desk.DeskStartupProbe HOME
 * [SETTLE_MS]} with the class path that {@code -Dbench.launch.print=true} makes the bench print.
 * {@code -Dprobe.nodes=true} also prints the node count of each large subtree, one card's tree, and the nodes with a
 * cache, an effect or a clip;
 * {@code -Dprobe.threads=true} the CPU time of every thread (JIT and GC included); {@code -Dprobe.sample=true} the
 * FX thread's busiest stack frames while the window is built and first drawn.
 */
public final class DeskStartupProbe {
    private DeskStartupProbe() {}

    private static void mark(String what, long jvmStart) {
        System.out.println("AT " + what + " " + (System.currentTimeMillis() - jvmStart) + " ms");
    }

    /** Prints the size of each subtree down to depth 4 (where start-up's CSS and layout work goes). */
    private static int countNodes(javafx.scene.Node n, int depth) {
        int total = 1;
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                total += countNodes(c, depth + 1);
            }
        }
        if (depth <= 5 && total > 30) {
            System.out.println("NODES " + "  ".repeat(depth) + n.getClass().getSimpleName() + "#" + n.getId() + " "
                    + total + (n.isVisible() ? "" : " (hidden)"));
        }
        return total;
    }

    private static void printTree(javafx.scene.Node n, int depth) {
        System.out.println("CARD " + "  ".repeat(depth) + n.getClass().getSimpleName() + " " + n.getStyleClass());
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> printTree(c, depth + 1));
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        long settleMs = args.length > 1 ? Long.parseLong(args[1]) : 3000;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        CountDownLatch painted = new CountDownLatch(1);
        AtomicLong paintedAt = new AtomicLong();
        AtomicLong paintedCpu = new AtomicLong();
        DeskSession[] session = new DeskSession[1];
        var firstPage = new java.util.concurrent.atomic.AtomicReference<java.util.List<org.crisisdesk.mention.StoredMention>>();
        ExecutorService starter = Executors.newSingleThreadExecutor(r -> new Thread(r, "desk-startup"));
        mark("main", jvmStart);
        if (Boolean.getBoolean("probe.sample")) {
            startSampler(painted);
        }
        // as DeskApp.launch: the database opens while the toolkit starts
        var opening = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            Services opened = Services.openForDesk(home, null, Clock.systemUTC());
            firstPage.set(org.crisisdesk.desk.feed.FeedViewModel.readFirstPage(opened.mentions()));
            return opened;
        }, starter);
        Platform.startup(() -> {
            mark("fx-toolkit", jvmStart);
            DeskApp.loadFonts();
            mark("fonts", jvmStart);
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            mark("theme", jvmStart);
            Stage stage = new Stage();
            javafx.scene.layout.StackPane splash = new javafx.scene.layout.StackPane();
            Scene scene = new Scene(splash, 1400, 900);
            DeskApp.addStyles(scene);
            stage.setScene(scene);
            stage.show();
            mark("fx-started", jvmStart);
            new Background(starter).run(() -> opening.join()).onSuccess(services -> {
                mark("services-open", jvmStart);
                sampling = true;
                DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), services.clock(), DeskBootstrap.DEMO_ZONE);
                DeskSession s = new DeskSession(services, ctx, null, null);
                session[0] = s;
                MainWindow window = new MainWindow(s, url -> {}, () -> {}, locale -> {});
                scene.setRoot(window);
                window.installShortcuts(scene);
                s.start(firstPage.get());
                mark("session-started", jvmStart);
                new AnimationTimer() {
                    /** Pulses seen since the first with rows; the pulse's timers run before its CSS, layout and paint. */
                    private int sinceRows = -1;

                    @Override
                    public void handle(long now) {
                        if (sinceRows < 0 && !s.feed().items().isEmpty()) {
                            sinceRows = 0;
                            mark("rows-pulse", jvmStart);
                        } else if (sinceRows >= 0) {
                            sinceRows++;
                        }
                        // The pulse after the one with rows waits for that frame's rendering before it ends, so the
                        // timers of the one after that run once the rows are on screen (at most two frames late).
                        if (sinceRows == 2) {
                            paintedAt.set(System.currentTimeMillis());
                            paintedCpu.set(((com.sun.management.OperatingSystemMXBean) ManagementFactory
                                    .getOperatingSystemMXBean()).getProcessCpuTime());
                            painted.countDown();
                            stop();
                        }
                    }
                }.start();
            }).onFailure(e -> {
                e.printStackTrace();
                System.exit(2);
            });
        });
        if (!painted.await(120, TimeUnit.SECONDS)) {
            System.out.println("PAINTED_MS=timeout");
            System.exit(3);
        }
        System.out.println("PAINTED_MS=" + (paintedAt.get() - jvmStart));
        System.out.println("PAINTED_CPU_MS=" + paintedCpu.get() / 1_000_000);
        if (Boolean.getBoolean("probe.threads")) {
            printThreadCpu();
        }
        Thread.sleep(settleMs); // boards, counts and header stats load meanwhile
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("HEAP_MB=" + heap / (1024 * 1024));
        if (Boolean.getBoolean("probe.nodes")) {
            CountDownLatch counted = new CountDownLatch(1);
            Platform.runLater(() -> {
                countNodes(Stage.getWindows().get(0).getScene().getRoot(), 0);
                Stage.getWindows().get(0).getScene().getRoot().lookupAll(".mention-card").stream().findFirst()
                        .ifPresent(card -> printTree(card, 0));
                Stage.getWindows().get(0).getScene().getRoot().lookupAll("*").forEach(n -> {
                    if (n.isCache() || n.getEffect() != null || n.getClip() != null) {
                        System.out.println("SPECIAL " + n.getClass().getName() + " " + n.getStyleClass() + " cache="
                                + n.isCache() + " effect=" + n.getEffect() + " clip=" + (n.getClip() != null));
                    }
                });
                counted.countDown();
            });
            counted.await();
        }
        System.out.println("ROWS_SHOWN=" + session[0].feed().items().size());
        starter.shutdown();
        System.out.flush();
        System.exit(0); // the measurement is done; no need to wait for a clean FX shutdown
    }

    /** CPU per thread, JIT compiler and GC threads included (Linux only: they are hidden from ThreadMXBean). */
    private static void printThreadCpu() throws java.io.IOException {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) tasks::iterator) {
                try {
                    String name = java.nio.file.Files.readString(t.resolve("comm")).trim();
                    String stat = java.nio.file.Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    byName.merge(name.replaceAll("\\d+$", "#"), ticks * 10, Long::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended while it was read
                }
            }
        }
        byName.entrySet().stream().filter(e -> e.getValue() >= 30)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.println("THREAD_CPU " + e.getValue() + " ms " + e.getKey()));
    }

    private static volatile boolean sampling;

    private static void startSampler(CountDownLatch painted) {
        FxSampler.start(() -> painted.getCount() > 0, () -> sampling); // the window's build and first frames
    }
}
