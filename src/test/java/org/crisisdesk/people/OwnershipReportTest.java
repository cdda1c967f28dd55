package org.crisisdesk.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.handover.HandoverReport;
import org.crisisdesk.handover.ReportWindow;
import org.crisisdesk.handover.render.ReportFormat;
import org.crisisdesk.handover.render.ReportText;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.Test;

/** Issue 22: the handover report names owners and busy unowned categories; the cases file names assignees. */
class OwnershipReportTest {
    private static final Person MINJI = Person.of("김민지", "");

    @Test
    void theHandoverReportListsOwnersAndTheBusyCategoriesNobodyOwns() throws Exception {
        Instant now = Instant.now(); // presence and claims go by the wall clock
        MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, clock)) {
            Category delivery = s.categories().ensure("배송 지연");
            Category billing = s.categories().ensure("요금 오류");
            Category quiet = s.categories().ensure("조용한 분류");
            s.mentions().ingest(List.of(
                    new Filing(TempDesk.mention("x", "1", "배송 언제"), delivery.id(), "MANUAL", null, null, null),
                    new Filing(TempDesk.mention("x", "2", "요금이 두 번"), billing.id(), "MANUAL", null, null, null),
                    new Filing(TempDesk.mention("x", "3", "요금 또"), billing.id(), "MANUAL", null, null, null)),
                    null, "test");
            s.presence().beat(MINJI, now);
            assertThat(s.claims().claim(delivery.id(), MINJI, false).claimed()).isTrue();
            assertThat(s.claims().claim(quiet.id(), MINJI, false).claimed()).isTrue();

            HandoverReport r = s.handover().build(ReportWindow.of(Instant.parse("2026-10-17T00:00:00Z"),
                    Instant.parse("2026-10-17T03:00:00Z"))); // the mentions are from 01:00
            assertThat(r.owners().owned()).extracting(o -> o.category().name(), HandoverReport.Owner::person)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("배송 지연", "김민지"),
                            org.assertj.core.groups.Tuple.tuple("조용한 분류", "김민지"));
            assertThat(r.owners().unownedBusy()).extracting(t -> t.category().name()).containsExactly("요금 오류");

            Path md = home.resolve("report.md");
            ReportFormat.MARKDOWN.write(r, new ReportText(java.util.Locale.ENGLISH, ZoneId.of("Asia/Seoul")), md);
            String text = Files.readString(md, StandardCharsets.UTF_8);
            assertThat(text).contains("### Owners").contains("배송 지연 — 김민지 (@민지)")
                    .contains("Busy categories nobody owns:").contains("요금 오류: 2 mentions");
        }
    }

    @Test
    void theCustomerCentresFileNamesEachCasesAssignee() throws Exception {
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, new MutableClock(Instant.parse("2026-10-17T05:00:00Z")))) {
            long cc = s.categories().byName("고객센터").orElseThrow().id();
            List<StoredMention> stored = s.mentions().ingest(List.of(
                    new Filing(TempDesk.mention("x", "11", "환불 문의"), cc, "MANUAL", null, null, null),
                    new Filing(TempDesk.mention("x", "12", "주소 변경"), cc, "MANUAL", null, null, null)),
                    null, "test");
            s.caseAssignments().assign(List.of(stored.get(0).pk()), MINJI, "박지훈");
            Path out = home.resolve("cases.csv");
            assertThat(s.triage().handOver(out, MentionExporter.Format.CSV, ZoneId.of("Asia/Seoul"))).isEqualTo(2);
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).endsWith(",assignee");
            assertThat(lines).filteredOn(l -> l.startsWith("11,")).singleElement()
                    .satisfies(l -> assertThat(l).endsWith(",김민지"));
            assertThat(lines).filteredOn(l -> l.startsWith("12,")).singleElement()
                    .satisfies(l -> assertThat(l).endsWith(","));
        }
    }
}
