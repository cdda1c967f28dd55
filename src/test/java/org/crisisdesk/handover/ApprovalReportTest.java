package org.crisisdesk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.crisisdesk.app.Services;
import org.crisisdesk.handover.render.ReportFormat;
import org.crisisdesk.handover.render.ReportText;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.Outbox;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 in the handover report: every notice names its author, an approved one its approver, and the approvals and
 * sendings back of the window are listed with who, when and the comment, in the report model and in both export
 * formats (HTML and Markdown), the comment escaped as any typed text.
 */
class ApprovalReportTest {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z");

    Path home;
    MutableClock clock;
    Services services;
    Category delivery;

    @BeforeEach
    void open() {
        home = TempDesk.newHome();
        clock = new MutableClock(T0);
        services = TempDesk.open(home, clock);
        delivery = services.categories().ensure("배송 지연");
    }

    @AfterEach
    void close() {
        services.close();
    }

    Outbox outbox() {
        return services.notices().outbox();
    }

    StoredNotice queue(String stage, String author) {
        Notice facts = new Notice(delivery.id(), delivery.name(), clock.instant(), "물류팀", Stage.parse(stage),
                clock.instant().plus(Duration.ofHours(4)), clock.instant().plus(Duration.ofHours(2)), null, null,
                "https://example.com/notice/42", NoticeLang.KO, 0, null);
        Composition c = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false, SEOUL);
        return outbox().queue(c.notice(), c.parts(), "key-" + stage, Templates.KO_STANDARD, author);
    }

    @Test
    void authorsApprovalsAndSendingsBackAreInTheReportAndBothFormats() throws Exception {
        // without approval: the author alone
        services.notices().approvals().setRequired(false);
        StoredNotice first = queue("1/4", "김민지");
        assertThat(first.author()).isEqualTo("김민지");
        outbox().markPostedByHand(first.id(), "https://x.com/desk/status/1001");

        // with approval: one approved and posted, one sent back with a comment to escape
        services.notices().approvals().setRequired(true);
        clock.advance(Duration.ofMinutes(10));
        StoredNotice second = queue("2/4", "김민지");
        clock.advance(Duration.ofMinutes(2));
        services.notices().approvals().approve(second.id(), "박준호", "좋습니다");
        outbox().markPostedByHand(second.id(), "https://x.com/desk/status/1002");
        clock.advance(Duration.ofMinutes(5));
        StoredNotice third = queue("3/4", "이서연");
        clock.advance(Duration.ofMinutes(1));
        services.notices().approvals().sendBack(third.id(), "박준호", "ETA <b>틀림</b> | 다시");
        clock.advance(Duration.ofMinutes(1));

        HandoverReport r = services.handover().build(ReportWindow.of(T0.minus(Duration.ofHours(1)), clock.instant()));

        assertThat(r.notices()).extracting(HandoverReport.PostedNotice::id, HandoverReport.PostedNotice::author,
                HandoverReport.PostedNotice::approvedBy).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first.id(), "김민지", null),
                        org.assertj.core.groups.Tuple.tuple(second.id(), "김민지", "박준호"));
        assertThat(r.decisions()).hasSize(2);
        HandoverReport.Decision approved = r.decisions().get(0);
        assertThat(approved.noticeId()).isEqualTo(second.id());
        assertThat(approved.approved()).isTrue();
        assertThat(approved.person()).isEqualTo("박준호");
        assertThat(approved.author()).isEqualTo("김민지");
        assertThat(approved.comment()).isEqualTo("좋습니다");
        assertThat(approved.at()).isEqualTo(T0.plus(Duration.ofMinutes(12)));
        assertThat(approved.category().name()).isEqualTo("배송 지연");
        HandoverReport.Decision back = r.decisions().get(1);
        assertThat(back.noticeId()).isEqualTo(third.id());
        assertThat(back.approved()).isFalse();
        assertThat(back.author()).isEqualTo("이서연");
        assertThat(back.comment()).isEqualTo("ETA <b>틀림</b> | 다시");
        assertThat(back.at()).isEqualTo(T0.plus(Duration.ofMinutes(18)));

        ReportText en = new ReportText(Locale.ENGLISH, SEOUL).forReport(r);
        String html = ReportFormat.HTML.render(r, en);
        // 05:12 UTC is 14:12 in Seoul
        assertThat(html).contains("<td class=\"author\">김민지 · approved by 박준호</td>")
                .contains("<td class=\"author\">김민지</td>")
                .contains("Approvals and sent back")
                .contains("14:12 · 배송 지연 · notice #" + second.id() + " by 김민지 · approved by 박준호: “좋습니다”")
                .contains("14:18 · 배송 지연 · notice #" + third.id() + " by 이서연 · sent back by 박준호, not posted: "
                        + "“ETA &lt;b&gt;틀림&lt;/b&gt; | 다시”")
                .doesNotContain("<b>틀림");
        String md = ReportFormat.MARKDOWN.render(r, en);
        assertThat(md).contains("| Written by |")
                .contains("| 김민지 · approved by 박준호 |")
                .contains("### Approvals and sent back")
                .contains("- 14:12 · 배송 지연 · notice \\#" + second.id() + " by 김민지 · approved by 박준호: “좋습니다”")
                .contains("notice \\#" + third.id() + " by 이서연 · sent back by 박준호, not posted: "
                        + "“ETA &lt;b&gt;틀림&lt;/b&gt; \\| 다시”")
                .doesNotContain("<b>틀림");

        String ko = ReportFormat.MARKDOWN.render(r, new ReportText(Locale.KOREAN, SEOUL).forReport(r));
        assertThat(ko).contains("### 승인과 돌려보냄").contains("김민지 · 박준호 승인")
                .contains("공지 \\#" + third.id() + " (작성 이서연) · 박준호 돌려보냄, 게시되지 않음");
    }

    @Test
    void aWindowWithoutDecisionsSaysSo() {
        StoredNotice only = queue("1/4", "김민지");
        outbox().markPostedByHand(only.id(), "https://x.com/desk/status/1003");
        clock.advance(Duration.ofMinutes(1));
        HandoverReport r = services.handover().build(ReportWindow.of(T0.minus(Duration.ofHours(1)), clock.instant()));
        assertThat(r.decisions()).isEmpty();
        String md = ReportFormat.MARKDOWN.render(r, new ReportText(Locale.ENGLISH, SEOUL).forReport(r));
        assertThat(md).contains("_No notice was approved or sent back in this window_").contains("| 김민지 |");
    }
}
