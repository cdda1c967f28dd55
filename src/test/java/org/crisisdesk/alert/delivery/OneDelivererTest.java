package org.crisisdesk.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertChange;
import org.crisisdesk.alert.AlertStore;
import org.crisisdesk.alert.AlertTick;
import org.crisisdesk.alert.EventKind;
import org.crisisdesk.alert.Facts;
import org.crisisdesk.alert.Finding;
import org.crisisdesk.alert.Reason;
import org.crisisdesk.app.Services;
import org.crisisdesk.settings.SecretFile;
import org.crisisdesk.source.Collector;
import org.crisisdesk.source.CollectorLeaseStore;
import org.crisisdesk.source.MentionSource;
import org.crisisdesk.source.SourceContext;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: two processes on one database (a desk and {@code crisisdesk collect}, or two desks) both watch and both
 * queue an alert, but only the holder of the collector lease sends it: one alert level reaches the channel once, and
 * when the holder stops, the other process takes over the telling with the lease.
 */
class OneDelivererTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
    private final AtomicInteger received = new AtomicInteger();
    private HttpServer receiver;
    private Services a;
    private Services b;
    private Collector collectorA;
    private Collector collectorB;

    @BeforeEach
    void open() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                received.incrementAndGet();
                ex.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
        Path homeA = TempDesk.newHome();
        Path homeB = TempDesk.newH2Home(); // its own files only: the process works on homeA's database
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        for (Path home : List.of(homeA, homeB)) { // each process reads the secret URL from its own home
            new SecretFile(home, DeliveryConfig.SECRET_FILE).put(Map.of(AlertChannel.urlKey("bot"), url));
        }
        a = TempDesk.open(homeA, clock);
        b = Services.open(homeB, TempDesk.dbUrl(homeA), clock); // the same database, another process's home
        new DeliveryConfig(List.of(new AlertChannel("bot", AlertChannel.Type.WEBHOOK, null)),
                List.of(new AlertRoute("*", List.of("bot"), 1, null, null, 3, null)), null).save(a.settings());
        collectorA = leased(a, "pc1/1/a");
        collectorB = leased(b, "srv/2/b");
        a.startAlertDelivery(collectorA::collecting);
        b.startAlertDelivery(collectorB::collecting);
    }

    private Collector leased(Services s, String holder) {
        Collector c = new Collector(new Idle(), s.pipeline("x"), s.mentions(), clock).withLease(
                new CollectorLeaseStore(s.db(), clock, holder, holder), Duration.ofMillis(50), Duration.ofMillis(50));
        c.start();
        return c;
    }

    /**
     * Every step runs even when one before it threw, the receiver last: its dispatcher thread is not a daemon, and
     * left running it kept the test JVM from ending.
     */
    @AfterEach
    void close() {
        try {
            stop(collectorA);
        } finally {
            try {
                stop(collectorB);
            } finally {
                try {
                    closeServices(b);
                } finally {
                    try {
                        closeServices(a);
                    } finally {
                        receiver.stop(0);
                    }
                }
            }
        }
    }

    private static void stop(Collector c) {
        if (c != null) {
            c.stop(Duration.ofSeconds(5));
        }
    }

    private static void closeServices(Services s) {
        if (s != null) {
            s.close();
        }
    }

    @Test
    void oneAlertLevelIsSentOnceByTheCollectorAndTheOtherTakesOverWithTheLease() throws Exception {
        waitFor(() -> collectorA.collecting() || collectorB.collecting());
        assertThat(collectorA.collecting() && collectorB.collecting()).isFalse();
        Services holder = collectorA.collecting() ? a : b;
        Services other = holder == a ? b : a;
        assertThat(holder.deliversAlerts()).isTrue();
        assertThat(other.deliversAlerts()).isFalse();

        // both watches saw the alert and both queued it: one row
        Alert alert = new AlertStore(a.db()).raise(new Finding(null, Reason.BACKLOG, 1,
                Facts.of("count", 60, "oldestMinutes", 12), "60 unsorted"), null, "watch", clock.instant());
        AlertTick tick = new AlertTick(clock.instant(), List.of(new AlertChange(alert, EventKind.RAISED)),
                List.of(alert));
        a.alertDelivery().onTick(tick);
        b.alertDelivery().onTick(tick);
        assertThat(a.alertDelivery().store().forAlert(alert.id())).hasSize(1);

        // both run their rounds at once, again and again: only the collector sends
        for (int i = 0; i < 3; i++) {
            CompletableFuture<List<Delivery>> ra = CompletableFuture.supplyAsync(a::alertDeliveryRound);
            CompletableFuture<List<Delivery>> rb = CompletableFuture.supplyAsync(b::alertDeliveryRound);
            ra.get(20, TimeUnit.SECONDS);
            rb.get(20, TimeUnit.SECONDS);
        }
        assertThat(received).hasValue(1);
        assertThat(other.alertDeliveryRound()).isEmpty();
        assertThat(a.alertDelivery().store().forAlert(alert.id())).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo("SENT"));

        // the collector stops (a clean stop hands the lease over): the other process tells the next alert
        (holder == a ? collectorA : collectorB).stop(Duration.ofSeconds(5));
        Collector next = holder == a ? collectorB : collectorA;
        waitFor(next::collecting);
        assertThat(holder.deliversAlerts()).isFalse();
        Alert spike = new AlertStore(a.db()).raise(new Finding(null, Reason.SPIKE, 1, Facts.of("recent", 40,
                "window", 15, "baseline", "5"), "a spike"), null, "watch", clock.instant());
        other.alertDelivery().onTick(new AlertTick(clock.instant(), List.of(new AlertChange(spike, EventKind.RAISED)),
                List.of(spike)));
        assertThat(holder.alertDeliveryRound()).isEmpty();
        assertThat(other.alertDeliveryRound()).hasSize(1);
        assertThat(received).hasValue(2);
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(10); // polling a condition; nothing here waits for a fixed time
        }
    }

    /** A source that collects nothing until it is stopped (the lease is what this test is about). */
    private static final class Idle implements MentionSource {
        @Override
        public String key() {
            return "x:v2:42";
        }

        @Override
        public String displayName() {
            return "X";
        }

        @Override
        public void run(SourceContext context) throws InterruptedException {
            while (!context.stopping()) {
                context.sleep(Duration.ofMillis(20));
            }
        }
    }
}
