package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crisisdesk.notice.Outbox.Outcome;
import org.crisisdesk.notice.StoredNotice.FailureKind;
import org.crisisdesk.store.SqlDialect;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/**
 * A second pair of eyes before a notice posts (issue 22), against the fake X server over real HTTP: nothing waiting
 * for approval is ever sent, the author cannot approve, and an approved notice posts exactly once, also when the desk
 * dies between the approval and the post.
 */
class ApprovalTest extends OutboxFixture {
    ApprovalStore approvals() {
        return services.notices().approvals();
    }

    StoredNotice state(long id) {
        return services.notices().store().find(id).orElseThrow();
    }

    @Test
    void offForADeskOnItsOwnOnForANewTeamDatabase() {
        assertThat(ApprovalStore.requiredByDefault(SqlDialect.H2)).isFalse();
        assertThat(ApprovalStore.requiredByDefault(SqlDialect.POSTGRESQL)).isTrue();
        if (services.db().dialect() == SqlDialect.H2) {
            assertThat(approvals().required()).as("a desk's own H2 file, nothing stored").isFalse();
        }
        approvals().setRequired(true);
        assertThat(approvals().required()).isTrue();
        approvals().setRequired(false);
        assertThat(approvals().required()).isFalse();
        StoredNotice n = queue("1/4 접수", "민지");
        assertThat(n.state()).as("off: queued as before").isEqualTo(NoticeState.QUEUED);
    }

    @Test
    void aNoticeWaitingForApprovalIsNeverSent() {
        approvals().setRequired(true);
        StoredNotice n = queue("2/4 재배송 준비", "민지");

        assertThat(n.state()).isEqualTo(NoticeState.AWAITING_APPROVAL);
        assertThat(outbox().post(n.id()).kind()).isEqualTo(Outcome.Kind.AWAITING_APPROVAL);
        assertThat(outbox().processDue()).isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(outbox().processDue()).isEmpty();
        assertThatThrownBy(() -> outbox().markPostedByHand(n.id(), "https://x.com/desk/status/1"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(server.postRequests()).isZero();
        assertThat(state(n.id()).state()).isEqualTo(NoticeState.AWAITING_APPROVAL);
        assertThat(approvals().waiting()).singleElement().satisfies(w -> {
            assertThat(w.author()).isEqualTo("민지");
            assertThat(w.notice().partTexts()).isEqualTo(n.partTexts());
        });
    }

    @Test
    void theAuthorCannotApproveTheirOwnNotice() {
        approvals().setRequired(true);
        StoredNotice n = queue("2/4 재배송 준비", "민지");

        assertThatThrownBy(() -> approvals().approve(n.id(), " 민지 ", null))
                .isInstanceOf(ApprovalStore.RefusedException.class).hasMessageContaining("second person");
        assertThatThrownBy(() -> approvals().sendBack(n.id(), "민지", "x"))
                .isInstanceOf(ApprovalStore.RefusedException.class);
        assertThat(state(n.id()).state()).isEqualTo(NoticeState.AWAITING_APPROVAL);
        assertThat(approvals().events(n.id())).extracting(ApprovalStore.Event::action)
                .containsExactly(ApprovalStore.Action.REQUESTED);
    }

    @Test
    void anApprovedNoticePostsExactlyOnce() {
        approvals().setRequired(true);
        StoredNotice n = queue("2/4 재배송 준비", "민지");

        StoredNotice approved = approvals().approve(n.id(), "준호", "좋아요");
        assertThat(approved.state()).isEqualTo(NoticeState.QUEUED);
        assertThat(outbox().post(n.id()).kind()).isEqualTo(Outcome.Kind.POSTED);
        assertThat(outbox().post(n.id()).kind()).isEqualTo(Outcome.Kind.ALREADY_POSTED);
        assertThat(outbox().processDue()).isEmpty();

        assertThat(server.posts()).singleElement().extracting(FakeXServer.Post::text).isEqualTo(n.notice().text());
        assertThatThrownBy(() -> approvals().approve(n.id(), "수진", null))
                .as("decided already").isInstanceOf(ApprovalStore.RefusedException.class);
        assertThat(approvals().events(n.id())).extracting(ApprovalStore.Event::action, ApprovalStore.Event::person,
                ApprovalStore.Event::comment).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ApprovalStore.Action.REQUESTED, "민지", null),
                        org.assertj.core.groups.Tuple.tuple(ApprovalStore.Action.APPROVED, "준호", "좋아요"));
    }

    @Test
    void twoApproversAtOnceApproveItOnceAndItPostsOnce() throws Exception {
        approvals().setRequired(true);
        StoredNotice n = queue("2/4 재배송 준비", "민지");
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String who : List.of("준호", "수진")) {
                Callable<Boolean> approveAndPost = () -> {
                    try {
                        approvals().approve(n.id(), who, null);
                    } catch (ApprovalStore.RefusedException e) {
                        return false;
                    }
                    outbox().post(n.id());
                    return true;
                };
                results.add(two.submit(approveAndPost));
            }
            int approvedBy = 0;
            for (Future<Boolean> f : results) {
                approvedBy += f.get() ? 1 : 0;
            }
            assertThat(approvedBy).isEqualTo(1);
        } finally {
            two.shutdownNow();
        }
        outbox().processDue();
        assertThat(server.posts()).hasSize(1);
        assertThat(state(n.id()).state()).isEqualTo(NoticeState.POSTED);
    }

    @Test
    void aCrashBetweenApprovalAndPostNeitherLosesNorDoublesIt() {
        approvals().setRequired(true);
        StoredNotice n = queue("2/4 재배송 준비", "민지");
        approvals().approve(n.id(), "준호", null);
        services.close(); // the approver's desk dies before its outbox posts

        services = TempDesk.open(home, clock);
        services.setPublisherProvider(() -> publisher);
        List<Outcome> first = outbox().processDue();
        List<Outcome> second = outbox().processDue();

        assertThat(first).singleElement().extracting(Outcome::kind).isEqualTo(Outcome.Kind.POSTED);
        assertThat(second).isEmpty();
        assertThat(server.posts()).hasSize(1);
    }

    @Test
    void aNoticeSentBackIsNeverPostedAndCarriesTheComment() {
        approvals().setRequired(true);
        StoredNotice n = queue("2/4 재배송 준비", "민지");

        StoredNotice back = approvals().sendBack(n.id(), "준호", "완료 예상 시각이 틀렸어요");

        assertThat(back.state()).isEqualTo(NoticeState.FAILED);
        assertThat(back.failureKind()).isEqualTo(FailureKind.SENT_BACK);
        assertThat(back.failure()).contains("준호").contains("완료 예상 시각이 틀렸어요");
        assertThat(outbox().post(n.id()).kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(outbox().processDue()).isEmpty();
        assertThat(server.postRequests()).isZero();
        assertThat(approvals().waiting()).isEmpty();
        assertThat(approvals().forCategory(delivery.id())).extracting(ApprovalStore.Event::action)
                .containsExactly(ApprovalStore.Action.REQUESTED, ApprovalStore.Action.SENT_BACK);
        assertThat(approvals().between(T0, T0.plusSeconds(1))).hasSize(2);
    }

    @Test
    void aNoticeWaitingLongerThanFiveMinutesIsOverdue() {
        approvals().setRequired(true);
        StoredNotice n = queue("2/4 재배송 준비", "민지");
        clock.advance(Duration.ofMinutes(4));
        assertThat(approvals().overdue(clock.instant())).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(approvals().overdue(clock.instant())).extracting(w -> w.notice().id()).containsExactly(n.id());
    }

    @Test
    void aNoticeWaitingMoreThanFiveMinutesRaisesAnAlertThatItsPostResolves() {
        approvals().setRequired(true);
        StoredNotice n = queue("2/4 재배송 준비", "민지");
        clock.advance(Duration.ofMinutes(4));
        services.alerts().evaluate();
        assertThat(services.alerts().shown()).noneMatch(a -> a.reason() == org.crisisdesk.alert.Reason.APPROVAL);

        clock.advance(Duration.ofMinutes(2));
        services.alerts().evaluate();
        assertThat(services.alerts().shown()).filteredOn(a -> a.reason() == org.crisisdesk.alert.Reason.APPROVAL)
                .singleElement().satisfies(a -> {
                    assertThat(a.categoryId()).isEqualTo(delivery.id());
                    assertThat(a.facts().get("author")).isEqualTo("민지");
                    assertThat(a.state()).isEqualTo(org.crisisdesk.alert.AlertState.OPEN);
                });

        approvals().approve(n.id(), "준호", null);
        assertThat(outbox().post(n.id()).posted()).isTrue();
        services.alerts().evaluate();
        assertThat(services.alerts().store().active()).noneMatch(a -> a.reason() == org.crisisdesk.alert.Reason.APPROVAL);
    }

    @Test
    void aDraftPostedWhileApprovalIsOnWaitsToo() {
        approvals().setRequired(true);
        Notice facts = new Notice(delivery.id(), delivery.name(), clock.instant(), "물류팀", Stage.parse("1/4 접수"),
                null, clock.instant().plus(Duration.ofHours(2)), null, null, "https://example.com/n", NoticeLang.KO, 0,
                null);
        Composition c = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false, SEOUL);
        StoredNotice d = outbox().saveDraft(c.notice(), c.parts(), null);

        assertThat(outbox().post(d.id()).kind()).isEqualTo(Outcome.Kind.AWAITING_APPROVAL);
        assertThat(server.postRequests()).isZero();
    }
}
