package org.crisisdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crisisdesk.app.Services;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The performance target: a 12-hour shift with 200,000 mentions (plus the 12 hours before it) reports in at most 2 s.
 * Run with {@code mvn -B -Pbench test -Dtest=HandoverReportBench}.
 */
@Tag("bench")
class HandoverReportBench {
    private static final String[] WORDS = {"유심", "인증", "문자", "배송", "지연", "요금", "청구", "개통", "eSIM", "데이터",
        "안돼요", "언제", "와이파이", "로그인", "앱", "오류가", "환불", "통화", "불량", "매장"};

    @Test
    void twelveHourShiftWithTwoHundredThousandMentions() {
        Instant from = Instant.parse("2026-10-17T00:00:00Z");
        MutableClock clock = new MutableClock(from.plus(Duration.ofHours(12)));
        try (Services s = TempDesk.open(TempDesk.newHome(), clock)) {
            fill(s, from);
            ReportWindow window = ReportWindow.of(from, from.plus(Duration.ofHours(12)));
            s.handover().build(window); // warm-up
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            HandoverReport r = null;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                r = s.handover().build(window);
                best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
                bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - c0) / 1_000_000);
            }
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("handover report over 200,000 mentions: best of 3 %d ms wall, %d ms CPU "
                    + "(load average %.1f on %d cores)%n", best, bestCpu, load, cores);
            org.crisisdesk.bench.BenchReport.figure("Handover report, 12-hour shift, 200,000 mentions (wall, best of 3)",
                    best, "ms", "<=", 2000);
            org.crisisdesk.bench.BenchReport.figure("  same, CPU time of the building thread", bestCpu, "ms", "<=",
                    2000);
            assertThat(r.totalMentions()).isEqualTo(200_000);
            assertThat(r.themes().top()).isNotEmpty();
            // Embedded H2 runs the queries on this thread, so its CPU time is the work done; wall time is what a
            // person waits, and on a machine shared beyond its cores it is inflated by waiting for a core.
            assertThat(bestCpu).isLessThanOrEqualTo(2000);
            if (load < cores) {
                assertThat(best).isLessThanOrEqualTo(2000);
            }
        }
    }

    /** 100,000 mentions in the 12 hours before {@code from}, 200,000 in the 12 hours after, notices and a shift. */
    void fill(Services s, Instant from) {
        ReportFixture f = new ReportFixture(s);
        List<Long> cats = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cats.add(f.topic("카테고리 " + i, "#1971C2"));
        }
        cats.add(f.customerCentre());
        Random rnd = new Random(7);
        insert(s, from.minus(Duration.ofHours(12)), 100_000, cats, rnd);
        insert(s, from, 200_000, cats, rnd);
        for (long c : cats.subList(0, 10)) {
            f.notice("POSTED", c, from.plus(Duration.ofHours(3)), from.plus(Duration.ofHours(5)),
                    from.plus(Duration.ofHours(4)), 1, 3, "안내");
        }
        s.shifts().record("김민지", from, from.plus(Duration.ofHours(12)));
    }

    private static void insert(Services s, Instant from, int n, List<Long> cats, Random rnd) {
        for (int start = 0; start < n; start += 10_000) {
            int first = start;
            s.db().inTransactionVoid(c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO mention (source, platform_id, created_at, "
                        + "received_at, author, text, category_id, handed_over_at) VALUES ('x',?,?,?,?,?,?,?)")) {
                    for (int i = first; i < Math.min(n, first + 10_000); i++) {
                        Instant at = from.plusMillis((long) (rnd.nextDouble() * 12 * 3600_000));
                        st.setString(1, from.getEpochSecond() + "-" + i);
                        Jdbc.setInstant(st, 2, at);
                        Jdbc.setInstant(st, 3, at);
                        st.setString(4, "u" + rnd.nextInt(50_000));
                        st.setString(5, WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)] + " "
                                + WORDS[rnd.nextInt(WORDS.length)] + " @telco https://t.co/x" + i);
                        // 3% personal cases for the customer centre (half of them exported), 20% unsorted
                        int k = rnd.nextInt(100);
                        boolean cc = k < 3;
                        Long cat = cc ? cats.get(cats.size() - 1) : k < 23 ? null : cats.get(k % (cats.size() - 1));
                        Jdbc.setLong(st, 6, cat);
                        Jdbc.setInstant(st, 7, cc && rnd.nextBoolean() ? at : null);
                        st.addBatch();
                    }
                    st.executeBatch();
                }
            });
        }
    }
}
