package org.crisisdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.crisisdesk.app.Services;
import org.crisisdesk.handover.HandoverReport.CategoryTotal;
import org.crisisdesk.handover.HandoverReport.Series;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/**
 * The "done when": over the demo crisis (2,379 mentions) with a few notices, the report's counts are exactly
 * the database's, bucket by bucket and category by category.
 */
class DemoScenarioReportTest {

    @Test
    void reportCountsAreExactlyTheDatabaseCounts() throws Exception {
        Instant start = Instant.parse("2026-10-17T00:00:00Z"); // 09:00 in Seoul, the scenario's start
        MutableClock clock = new MutableClock(start.plus(Duration.ofHours(10)));
        try (Services s = TempDesk.open(TempDesk.newHome(), clock)) {
            var report0 = s.importer("test").importFile(Path.of("assets/scenarios/launch-weekend.jsonl"));
            assertThat(report0.imported()).isGreaterThan(2000);
            // File some of them the way the boards would, and post two notices.
            long delivery = new ReportFixture(s).topic("배송 지연", "#D9480F");
            long cc = new ReportFixture(s).customerCentre();
            s.db().inTransactionVoid(c -> {
                c.createStatement().executeUpdate("UPDATE mention SET category_id = " + delivery
                        + " WHERE text LIKE '%배송%' OR text LIKE '%택배%'");
                c.createStatement().executeUpdate("UPDATE mention SET category_id = " + cc
                        + " WHERE text LIKE '%DM%' AND category_id IS NULL");
            });
            ReportFixture f = new ReportFixture(s);
            f.notice("POSTED", delivery, start.plus(Duration.ofMinutes(40)), start.plus(Duration.ofHours(2)),
                    start.plus(Duration.ofMinutes(70)), 1, 4, "배송 지연 안내");
            f.notice("POSTED", delivery, start.plus(Duration.ofMinutes(65)), start.plus(Duration.ofHours(3)), null,
                    2, 4, "배송 지연 안내 2");

            ReportWindow window = ReportWindow.of(start, start.plus(Duration.ofHours(8)));
            HandoverReport r = s.handover().build(window);

            Map<Long, Long> db = new HashMap<>();
            s.db().inTransactionVoid(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT category_id, COUNT(*) FROM mention "
                        + "WHERE created_at >= TIMESTAMP WITH TIME ZONE '2026-10-17 00:00:00+00' "
                        + "AND created_at < TIMESTAMP WITH TIME ZONE '2026-10-17 08:00:00+00' GROUP BY category_id")) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        db.put(rs.wasNull() ? null : id, rs.getLong(2));
                    }
                }
            });
            Map<Long, Long> shown = new HashMap<>();
            for (CategoryTotal t : r.totals()) {
                if (t.count() > 0) {
                    shown.put(t.category().id(), t.count());
                }
            }
            assertThat(shown).isEqualTo(db);
            for (Series series : r.volume().series()) {
                assertThat(series.total()).isEqualTo(db.get(series.category().id()));
            }
            assertThat(r.notices()).hasSize(2);
            // the second notice came before the first one's ETA but pushed it an hour later
            assertThat(r.notices().get(0).outcome()).isEqualTo(HandoverReport.EtaOutcome.REVISED);
            assertThat(r.promised()).isEmpty(); // asOf 08:00: the 03:00 ETA passed
            assertThat(r.open().overdue()).hasSize(1);
            assertThat(r.open().unsorted().inWindow()).isEqualTo(db.get(null));
            assertThat(r.handOffs().filedInWindow()).isEqualTo(db.getOrDefault(cc, 0L));
            assertThat(r.themes().top()).hasSize(HandoverReportBuilder.TOP_THEMES)
                    .allSatisfy(t -> assertThat(t.term()).doesNotContain("desk_official").doesNotContain("http"));
            System.out.println("demo themes: " + r.themes().top());
        }
    }
}
