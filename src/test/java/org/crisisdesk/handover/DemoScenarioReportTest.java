package org.crisisdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisisdesk.app.Services;
import org.crisisdesk.handover.HandoverReport.CategoryTotal;
import org.crisisdesk.handover.HandoverReport.PostedNotice;
import org.crisisdesk.handover.HandoverReport.Series;
import org.crisisdesk.handover.HandoverReport.Uncovered;
import org.crisisdesk.handover.render.ReportFormat;
import org.crisisdesk.handover.render.ReportText;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.source.IngestPipeline;
import org.crisisdesk.source.replay.Scenario;
import org.crisisdesk.store.Jdbc;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Suggester;
import org.junit.jupiter.api.Test;

/**
 * The "done when": a shift over the demo crisis (replayed minute by minute through the ingest pipeline, a few
 * notices posted through the outbox, a case handed to the customer centre, notes written). The report's counts,
 * notices with their ETAs, open items and notes are exactly what the database holds, and the HTML carries no live
 * markup from a mention or a note.
 */
class DemoScenarioReportTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)> 환불해 주세요";

    private final Scenario scenario = Scenario.demo();
    private final MutableClock clock = new MutableClock(scenario.start());

    @Test
    void theReportOfADemoShiftIsExactlyWhatTheDatabaseHolds() throws Exception {
        try (Services s = TempDesk.open(TempDesk.newHome(), clock)) {
            long delivery = s.categories().byName("배송 지연").orElseThrow().id();
            long cc = new ReportFixture(s).customerCentre();
            IngestPipeline pipeline = new IngestPipeline(s.mentions(), s.categories(), Suggester.NONE, "replay");
            Shift shift = s.shifts().start("김민지", "09-17", SEOUL);
            Instant end = scenario.start().plus(Duration.ofHours(8));

            int next = 0;
            List<Long> notices = new ArrayList<>();
            for (Instant now = scenario.start(); now.isBefore(end); now = now.plus(Duration.ofMinutes(1))) {
                clock.set(now);
                List<Mention> batch = new ArrayList<>();
                while (next < scenario.size() && !scenario.releaseTime(next).isAfter(now)) {
                    batch.add(scenario.mentions().get(next++));
                }
                if (!batch.isEmpty()) {
                    pipeline.ingest(batch, new Checkpoint("replay:" + scenario.name(), Integer.toString(next)));
                }
                long minute = Duration.between(scenario.start(), now).toMinutes();
                if (minute == 60 || minute == 300) { // the team files the delivery complaints so far
                    fileDeliveryComplaints(s, delivery);
                }
                if (minute == 100) {
                    notices.add(post(s, delivery, now, new Stage(1, 4, "원인 확인"), now.plus(Duration.ofHours(3)),
                            now.plus(Duration.ofMinutes(30))));
                }
                if (minute == 125) { // in time for the promised update, and the ETA moves three hours later
                    notices.add(post(s, delivery, now, new Stage(2, 4, "재배송 준비"), now.plus(Duration.ofHours(6)),
                            null));
                }
                if (minute == 200) {
                    handToCustomerCentre(s, cc, now);
                }
            }
            clock.set(end);
            s.shifts().saveNotes(shift.id(), "택배사 시스템 장애 가설 확인 <b>중</b>. 물류팀 박과장 010-0000-0000");
            s.shifts().endCurrent();

            HandoverReport r = s.handover().build(s.shifts().windowOf(s.shifts().find(shift.id()).orElseThrow()));
            assertThat(r.window().from()).isEqualTo(scenario.start());
            assertThat(r.window().to()).isEqualTo(end);

            // Volume: category by category and bucket by bucket, the database's counts.
            Map<Long, Long> db = countsByCategory(s, scenario.start(), end);
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
            assertThat(r.totalMentions()).isEqualTo(db.values().stream().mapToLong(Long::longValue).sum());

            // Notices: the posted ones, with the ETAs they promised; the first one's ETA was moved, not kept.
            assertThat(r.notices()).extracting(PostedNotice::id).containsExactlyElementsOf(notices);
            for (PostedNotice n : r.notices()) {
                assertThat(n.eta()).isEqualTo(storedEta(s, n.id()));
            }
            assertThat(r.notices().get(0).outcome()).isEqualTo(HandoverReport.EtaOutcome.REVISED);
            assertThat(r.notices().get(0).revisedEta()).isEqualTo(r.notices().get(1).eta());

            // Open: the second notice's ETA is still ahead; what came in for delivery after it is uncovered.
            assertThat(r.promised()).extracting(HandoverReport.Promise::noticeId).containsExactly(notices.get(1));
            assertThat(r.open().overdue()).isEmpty();
            Uncovered open = r.open().uncovered().stream().filter(u -> u.category().id() == delivery).findFirst()
                    .orElseThrow();
            assertThat(open.count()).isPositive()
                    .isEqualTo(countAfter(s, delivery, postedAt(s, notices.get(1)), end));
            assertThat(r.open().unsorted().inWindow()).isEqualTo(db.get(null));
            assertThat(r.handOffs().filedInWindow()).isEqualTo(db.get(cc)).isEqualTo(1);
            assertThat(r.notes()).contains("<b>중</b>");

            // The HTML: the hostile case and the note come out as text.
            String html = ReportFormat.HTML.render(r, new ReportText(Locale.KOREAN, SEOUL));
            assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>중")
                    .contains("&lt;script&gt;").contains("&lt;b&gt;중&lt;/b&gt;");
            String md = ReportFormat.MARKDOWN.render(r, new ReportText(Locale.KOREAN, SEOUL));
            assertThat(md).doesNotContain("<script").doesNotContain("<img");
        }
    }

    /** What a quick team files by hand: Unsorted mentions that speak of delivery. */
    private static void fileDeliveryComplaints(Services s, long delivery) {
        s.db().inTransactionVoid(c -> {
            c.createStatement().executeUpdate("UPDATE mention SET category_id = " + delivery
                    + " WHERE category_id IS NULL AND (text LIKE '%배송%' OR text LIKE '%택배%')");
            org.crisisdesk.mention.CategoryCountStore.recount(c); // plain SQL bypasses the kept counts
        });
    }

    private long post(Services s, long category, Instant now, Stage stage, Instant eta, Instant nextUpdate) {
        Notice facts = new Notice(category, "배송 지연", now, "물류팀", stage, eta, nextUpdate, null, null,
                "https://example.com/notice/42", NoticeLang.KO, 0, null);
        Composition c = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false, SEOUL);
        StoredNotice q = s.notices().outbox().queue(c.notice(), c.parts(), "demo-" + now, null);
        s.notices().outbox().markPostedByHand(q.id(), "https://x.com/desk_official/status/" + now.getEpochSecond());
        return q.id();
    }

    private static void handToCustomerCentre(Services s, long cc, Instant now) {
        Mention m = new Mention("test", "cc-1", now, "angry_kim", "김<고객>", "ko", HOSTILE, null, null, null);
        s.mentions().ingest(List.of(new Filing(m, cc, "MANUAL", null, null, null)), null, "test");
    }

    private static Map<Long, Long> countsByCategory(Services s, Instant from, Instant to) {
        Map<Long, Long> out = new HashMap<>();
        s.db().inTransactionVoid(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT category_id, COUNT(*) FROM mention "
                    + "WHERE created_at >= ? AND created_at < ? GROUP BY category_id")) {
                Jdbc.setInstant(st, 1, from);
                Jdbc.setInstant(st, 2, to);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        out.put(rs.wasNull() ? null : id, rs.getLong(2));
                    }
                }
            }
        });
        return out;
    }

    private static long countAfter(Services s, long category, Instant after, Instant before) {
        return s.db().inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM mention WHERE category_id = ? "
                    + "AND created_at > ? AND created_at < ?")) {
                st.setLong(1, category);
                Jdbc.setInstant(st, 2, after);
                Jdbc.setInstant(st, 3, before);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static Instant storedEta(Services s, long notice) {
        return s.notices().store().find(notice).orElseThrow().notice().eta();
    }

    private static Instant postedAt(Services s, long notice) {
        return s.notices().store().find(notice).orElseThrow().postedAt();
    }
}
