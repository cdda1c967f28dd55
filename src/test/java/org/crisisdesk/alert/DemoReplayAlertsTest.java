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
 * scenario time advances (every 20 scenario seconds, what a 2 s tick is at 10x), notices posted on the way; then the
 * alert log is checked. The team is modelled as sorting every mention into its true category at once, except spam,
 * which it leaves in Unsorted.
 */
class DemoReplayAlertsTest {
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final String DELIVERY = "배송 지연";
    /** The desk evaluates every 2 s of wall time; at the demo's 10x that is every 20 s of scenario time. */
    private static final Duration TICK = Duration.ofSeconds(20);

    private final Scenario scenario = Scenario.demo();
    private final WatchDesk desk = new WatchDesk();
    private final List<String> log = new ArrayList<>();
    /** The log without the messages, to the minute. */
    private final List<String> golden = new ArrayList<>();

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
        for (Instant now = first; !now.isAfter(end); now = now.plus(TICK)) {
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
                golden.add(String.format("%s %s %s %s L%d", LocalTime.ofInstant(now, KST).withSecond(0), c.kind(),
                        nameOf(c.alert()), c.alert().reason(), c.alert().level()));
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

        // The whole log, minute by minute: what a manager watching this desk would have been told, and when.
        assertThat(golden).containsExactly(
                "09:32 RAISED (미분류) BACKLOG L1", // spam left in Unsorted piles up ...
                "10:01 ESCALATED (미분류) BACKLOG L2",
                "10:17 RAISED 매장 재고 SPIKE L1", // stores run out of the blue model
                "10:33 CLEARED 매장 재고 SPIKE L1",
                "10:44 RAISED 배송 지연 SPIKE L1", // the courier hub fails (~10:40)
                "11:01 ESCALATED (미분류) BACKLOG L3", // ... and the backlog stops at the cap
                "11:11 CLEARED 배송 지연 SPIKE L1",
                "11:36 RAISED 배송 지연 VOLUME L1", // the big delivery burst, one alert for all of it
                "11:43 RAISED 요금·유심 루머 SPIKE L1", // the first fee rumours
                "12:04 ESCALATED 요금·유심 루머 SPIKE L2",
                "12:08 ESCALATED 배송 지연 VOLUME L2",
                "12:32 CLEARED 요금·유심 루머 SPIKE L2",
                "12:40 RESOLVED 배송 지연 VOLUME L2", // the 12:40 notice covers it
                "13:00 RAISED 배송 지연 ETA_MISSED L1", // that notice promised news by 13:00
                "13:05 RAISED 배송 지연 CADENCE L1", // and the next notice is due at 13:10
                "13:10 ESCALATED 배송 지연 CADENCE L2",
                "13:15 RESOLVED 배송 지연 ETA_MISSED L1", // the late second notice
                "13:15 RESOLVED 배송 지연 CADENCE L2",
                "13:35 RAISED 요금·유심 루머 VOLUME L1", // the fee rumour breaks (13:30)
                "13:38 RAISED 요금·유심 루머 SPIKE L1",
                "14:01 RAISED 개통 오류 SPIKE L1", // activation failures (14:00)
                "14:08 CLEARED 요금·유심 루머 SPIKE L1",
                "14:08 ESCALATED 개통 오류 SPIKE L2",
                "14:21 CLEARED 요금·유심 루머 VOLUME L1",
                "14:34 RAISED 사전예약·등록 SPIKE L1", // pre- vs post-registration confusion
                "14:44 CLEARED 개통 오류 SPIKE L2",
                "14:54 RAISED 개통 오류 VOLUME L1",
                "14:56 CLEARED 사전예약·등록 SPIKE L1",
                "15:32 CLEARED 개통 오류 VOLUME L1",
                "15:45 RAISED 개통 오류 VOLUME L1", // a second wave of activation failures
                "16:01 RAISED 사전예약·등록 SPIKE L1",
                "16:02 CLEARED 개통 오류 VOLUME L1",
                "16:19 CLEARED 사전예약·등록 SPIKE L1");
        // The delivery thread is closed at 14:00: nothing about it after that, although 18:00 was promised.

        // The notices resolved exactly the delivery alerts that were active when they went out.
        List<Alert> deliveryAlerts = all.stream().filter(a -> Long.valueOf(delivery).equals(a.categoryId())).toList();
        assertThat(deliveryAlerts).filteredOn(a -> a.state() == AlertState.RESOLVED && a.resolvedByNotice() != null)
                .extracting(Alert::reason, Alert::resolvedByNotice).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Reason.VOLUME, notices[0]),
                        org.assertj.core.groups.Tuple.tuple(Reason.ETA_MISSED, notices[1]),
                        org.assertj.core.groups.Tuple.tuple(Reason.CADENCE, notices[1]));

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
    }

    private static String nameOf(Alert a) {
        return a.categoryName() == null ? "(미분류)" : a.categoryName();
    }
}
