package org.crisisdesk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.source.IngestPipeline;
import org.crisisdesk.source.replay.Scenario;
import org.crisisdesk.triage.Suggester;
import org.crisisdesk.triage.Suggestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Done when": the demo crisis replayed through the real ingest pipeline on a fake clock, the watch evaluated as
 * scenario time advances (every scenario minute, what a 2 s tick is at 30x), notices posted on the way; then the
 * alert log is checked. The team is modelled as sorting every mention into its true category at once, except spam,
 * which it leaves in Unsorted.
 */
class DemoReplayAlertsTest {
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final String DELIVERY = "배송 지연";

    private final Scenario scenario = Scenario.demo();
    private final WatchDesk desk = new WatchDesk();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void close() {
        desk.close();
    }

    private Instant kst(int hour, int minute) {
        return ZonedDateTime.of(scenario.start().atZone(KST).toLocalDate(), LocalTime.of(hour, minute), KST).toInstant();
    }

    private static String hhmm(Instant t) {
        return t == null ? "-" : LocalTime.ofInstant(t, KST).toString();
    }

    /** Files each mention into its labelled category, as a fast and accurate team would; spam stays Unsorted. */
    private Suggester team() throws Exception {
        Map<String, Long> byId = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/scenarios/launch-weekend.labels.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] cols = line.split("\t");
                if (!cols[1].equals("스팸·잡음")) {
                    byId.put(cols[0], desk.category(cols[1]));
                }
            }
        }
        return new Suggester() {
            @Override
            public Suggestion suggest(Mention m) {
                Long id = byId.get(m.platformId());
                return id == null ? Suggestion.NONE : new Suggestion(id, 1.0, "label");
            }

            @Override
            public double autoFileThreshold() {
                return 0.5;
            }
        };
    }

    @Test
    void theDemoCrisisRaisesTheRightAlertsAndANoticeResolvesThem() throws Exception {
        long delivery = desk.category(DELIVERY);
        IngestPipeline pipeline = new IngestPipeline(desk.services.mentions(), desk.services.categories(), team(), "replay");
        AlertService alerts = desk.alerts();
        desk.clock.set(scenario.start());

        Map<LocalTime, Runnable> script = new HashMap<>();
        long[] notices = new long[2];
        // 12:40: first delivery notice, promising the next update for 13:00.
        script.put(LocalTime.of(12, 40), () -> notices[0] = desk.notice(delivery, null, kst(13, 0)));
        // 13:15: a late second notice (the promise and the cadence were missed); the cause is known now.
        script.put(LocalTime.of(13, 15), () -> {
            notices[1] = desk.notice(delivery, kst(18, 0), null);
            alerts.setPhase(delivery, Phase.IDENTIFIED);
        });
        // 14:00: the delivery thread is handed to the customer centre; no more cadence for it.
        script.put(LocalTime.of(14, 0), () -> alerts.setPhase(delivery, Phase.CLOSED));

        int next = 0;
        long evaluations = 0;
        long evalNanos = 0;
        long started = System.nanoTime();
        Instant end = scenario.releaseTime(scenario.size() - 1).plus(Duration.ofMinutes(30));
        Instant first = scenario.start().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        for (Instant now = first; !now.isAfter(end); now = now.plus(Duration.ofMinutes(1))) {
            desk.clock.set(now);
            List<Mention> batch = new ArrayList<>();
            while (next < scenario.size() && !scenario.releaseTime(next).isAfter(now)) {
                batch.add(scenario.mentions().get(next++));
            }
            if (!batch.isEmpty()) {
                pipeline.ingest(batch, new Checkpoint("replay:" + scenario.name(), Integer.toString(next)));
            }
            Runnable step = script.get(LocalTime.ofInstant(now, KST));
            if (step != null) {
                step.run();
            }
            long e0 = System.nanoTime();
            AlertTick tick = alerts.evaluate();
            evalNanos += System.nanoTime() - e0;
            for (AlertChange c : tick.changes()) {
                log.add(String.format("%s %-9s %-8s %-10s L%d %s", hhmm(now), c.kind(), nameOf(c.alert()),
                        c.alert().reason(), c.alert().level(), c.kind() == EventKind.RAISED
                                || c.kind() == EventKind.ESCALATED ? c.alert().message() : ""));
            }
            evaluations++;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Alert log of the demo replay (" + evaluations + " evaluations, " + millis + " ms, "
                + evalNanos / 1_000_000 + " ms evaluating):");
        log.forEach(l -> System.out.println("  " + l));

        assertThat(next).isEqualTo(scenario.size());
        List<Alert> all = desk.all();
        List<AlertEvent> events = desk.events();
        Map<Long, List<AlertEvent>> byAlert = events.stream().collect(Collectors.groupingBy(AlertEvent::alertId));

        // Delivery: a spike when the courier hub fails (~10:40), the volume alarm in the big burst (11:45-12:15).
        List<Alert> deliveryAlerts = all.stream().filter(a -> Long.valueOf(delivery).equals(a.categoryId())).toList();
        assertThat(deliveryAlerts).anySatisfy(a -> {
            assertThat(a.reason()).isEqualTo(Reason.SPIKE);
            assertThat(a.raisedAt()).isBetween(kst(10, 35), kst(11, 0));
        });
        Alert volume = deliveryAlerts.stream().filter(a -> a.reason() == Reason.VOLUME).findFirst().orElseThrow();
        assertThat(volume.raisedAt()).isBetween(kst(11, 45), kst(12, 15));
        assertThat(byAlert.get(volume.id())).extracting(AlertEvent::kind)
                .as("the burst doubles the threshold once, then the notice covers it")
                .containsExactly(EventKind.RAISED, EventKind.ESCALATED, EventKind.RESOLVED);

        // The 12:40 notice resolved every delivery alert that was active then.
        assertThat(deliveryAlerts).filteredOn(a -> a.raisedAt().isBefore(kst(12, 40)) && a.clearedAt() != null
                && !a.clearedAt().isBefore(kst(12, 40))).isNotEmpty().allSatisfy(a -> {
                    assertThat(a.state()).isEqualTo(AlertState.RESOLVED);
                    assertThat(a.resolvedByNotice()).isEqualTo(notices[0]);
                });
        // The promise of 13:00 and the 30-minute cadence were missed; the 13:15 notice resolved both.
        Alert eta = deliveryAlerts.stream().filter(a -> a.reason() == Reason.ETA_MISSED).findFirst().orElseThrow();
        assertThat(eta.raisedAt()).isEqualTo(kst(13, 0));
        assertThat(eta.resolvedByNotice()).isEqualTo(notices[1]);
        Alert cadence = deliveryAlerts.stream().filter(a -> a.reason() == Reason.CADENCE).findFirst().orElseThrow();
        assertThat(cadence.raisedAt()).isEqualTo(kst(13, 5));
        assertThat(byAlert.get(cadence.id())).extracting(AlertEvent::kind, AlertEvent::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventKind.RAISED, kst(13, 5)),
                org.assertj.core.groups.Tuple.tuple(EventKind.ESCALATED, kst(13, 10)),
                org.assertj.core.groups.Tuple.tuple(EventKind.RESOLVED, kst(13, 15)));
        assertThat(deliveryAlerts).filteredOn(a -> a.reason() == Reason.CADENCE).hasSize(1);

        // The fee rumour (13:30) and the activation failures (14:00) are noticed too.
        long fee = desk.category("요금·유심 루머");
        long activation = desk.category("개통 오류");
        assertThat(all).anySatisfy(a -> {
            assertThat(a.categoryId()).isEqualTo(fee);
            assertThat(a.raisedAt()).isBetween(kst(13, 30), kst(14, 0));
        });
        assertThat(all).anySatisfy(a -> {
            assertThat(a.categoryId()).isEqualTo(activation);
            assertThat(a.reason()).isEqualTo(Reason.SPIKE);
            assertThat(a.raisedAt()).isBetween(kst(14, 0), kst(14, 15));
        });
        // Praise never alarms anyone.
        assertThat(all).noneSatisfy(a -> assertThat(a.categoryName()).isEqualTo("칭찬"));
        // Spam left in Unsorted shows up as one backlog alert that escalates, at most to the cap.
        assertThat(all).filteredOn(a -> a.reason() == Reason.BACKLOG).hasSize(1);

        // Nothing nags twice: per alert, every notification is a higher level than the one before ...
        for (Alert a : all) {
            int last = 0;
            for (AlertEvent e : byAlert.get(a.id())) {
                if (e.notified()) {
                    assertThat(e.level()).as("alert %d %s at %s", a.id(), e.kind(), hhmm(e.at())).isGreaterThan(last);
                    last = e.level();
                }
            }
            assertThat(last).isLessThanOrEqualTo(Checks.MAX_LEVEL);
        }
        // ... and per category and reason, alerts never overlap in time.
        Map<Finding.Key, List<Alert>> byKey = all.stream().collect(Collectors.groupingBy(Alert::key));
        for (List<Alert> same : byKey.values()) {
            for (int i = 1; i < same.size(); i++) {
                Alert before = same.get(i - 1);
                assertThat(before.clearedAt()).as("%s closed before the next one", before).isNotNull();
                assertThat(same.get(i).raisedAt()).isAfterOrEqualTo(before.clearedAt());
            }
        }
        assertThat(all.size()).as("a calm desk, not a storm").isLessThan(30);
    }

    private static String nameOf(Alert a) {
        return a.categoryName() == null ? "(미분류)" : a.categoryName();
    }
}
