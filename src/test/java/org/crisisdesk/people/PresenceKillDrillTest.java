package org.crisisdesk.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.crisisdesk.app.Services;
import org.crisisdesk.notice.WritingStore;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22's kill drill: a desk process holding a category claim and an open composer (a writing session), with its
 * presence heartbeat, is SIGKILLed; the other desk on the same database sees its presence, its claim and its writing
 * session gone within 30 s, with nobody cleaning up after it. The dying desk is a child JVM ({@link DyingDesk}) that
 * does what the desk does through the same services (presence beat every 10 s, claim, writing session renewed every
 * 5 s); a JavaFX desk child would add nothing but weight. On the desk's shared H2 file (this process opens it first,
 * so the child connects through H2's mixed mode); {@link PresenceKillDrillPgTest} on PostgreSQL.
 */
class PresenceKillDrillTest {
    static final Duration RELEASED_WITHIN = Duration.ofSeconds(30);

    Path home;
    Services desk;
    Process child;

    @BeforeEach
    void open() {
        home = TempDesk.newHome();
        desk = Services.open(home, null, Clock.systemUTC()); // presence, claims and writing run on real time
    }

    @AfterEach
    void close() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        desk.close();
    }

    @Test
    void aKilledDeskReleasesItsPresenceClaimAndWritingSessionWithin30Seconds() throws Exception {
        Category delivery = desk.categories().ensure("배송 지연");
        Path out = home.resolve("dying-desk.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DyingDesk.class.getName(), TempDesk.dbUrl(home), Long.toString(delivery.id()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(out.toFile());
        child = pb.start();

        // the child is up: it says its desk id once it holds all three
        String deskId = awaitLine(out, "READY ", Duration.ofSeconds(90)).substring("READY ".length()).strip();
        await(() -> present(deskId), Duration.ofSeconds(10), "the child's presence", out);
        ClaimStore.Claim claim = desk.claims().claims().get(delivery.id());
        assertThat(claim).as("the child's claim").isNotNull();
        assertThat(claim.deskId()).isEqualTo(deskId);
        assertThat(claim.person()).isEqualTo("김민지");
        assertThat(writing(deskId)).as("the child's writing session").singleElement()
                .satisfies(w -> assertThat(w.categoryId()).isEqualTo(delivery.id()));

        child.destroyForcibly(); // SIGKILL: no clean close, nothing released by the child
        Instant killed = Instant.now();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);

        await(() -> !present(deskId) && !desk.claims().claims().containsKey(delivery.id())
                && writing(deskId).isEmpty(), RELEASED_WITHIN, "presence, claim and writing released", out);
        Duration took = Duration.between(killed, Instant.now());
        System.out.println("PresenceKillDrillTest: released " + took.toMillis() + " ms after the kill");
        assertThat(took).isLessThanOrEqualTo(RELEASED_WITHIN);
        // and another person can claim the category without taking it over from anyone
        assertThat(desk.claims().claim(delivery.id(), Person.of("박준호", "준호"), false).claimed()).isTrue();
    }

    private boolean present(String deskId) {
        return desk.presence().present().stream().anyMatch(p -> p.deskId().equals(deskId));
    }

    private List<WritingStore.Writing> writing(String deskId) {
        return desk.notices().writing().others().stream().filter(w -> w.desk().equals(deskId)).toList();
    }

    /** Polls a condition (a database read) every 100 ms until it holds; fails with the child's output. */
    private static void await(BooleanSupplier ok, Duration within, String what, Path out) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (!ok.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within " + within + "\n" + read(out));
            }
            Thread.sleep(100); // polling a condition, not waiting for time to pass
        }
    }

    private static String awaitLine(Path out, String prefix, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            for (String l : read(out).split("\n")) {
                if (l.startsWith(prefix)) {
                    return l;
                }
            }
            Thread.sleep(100); // polling a condition
        }
        throw new AssertionError("no line " + prefix + " within " + within + ":\n" + read(out));
    }

    private static String read(Path out) throws java.io.IOException {
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    }

    /**
     * The desk that dies: on {@code args[0]} (a database URL) as 김민지, beats its presence every
     * {@link PresenceStore#BEAT_EVERY}, claims category {@code args[1]}, opens the composer on it (a writing session
     * renewed every {@link WritingStore#HEARTBEAT}, as DeskSession does) and waits to be killed.
     */
    public static final class DyingDesk {
        public static void main(String[] args) throws Exception {
            Path home = Files.createTempDirectory("crisisdesk-dying-desk-");
            Services s = Services.open(home, args[0], Clock.systemUTC());
            long category = Long.parseLong(args[1]);
            Person me = Person.of("김민지", "민지");
            s.presence().beat(me, Instant.now());
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleWithFixedDelay(() -> s.presence().beat(me, Instant.now()),
                    PresenceStore.BEAT_EVERY.toMillis(), PresenceStore.BEAT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            if (!s.claims().claim(category, me, false).claimed()) {
                throw new IllegalStateException("category " + category + " is held by someone else");
            }
            s.notices().writing().begin(category, me.name());
            timer.scheduleWithFixedDelay(() -> s.notices().writing().heartbeat(), WritingStore.HEARTBEAT.toMillis(),
                    WritingStore.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
            System.out.println("READY " + s.db().deskId());
            System.out.flush();
            new java.util.concurrent.CountDownLatch(1).await(); // until SIGKILL
        }
    }
}
