package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.notice.FakeXServer.Fault;
import org.crisisdesk.notice.Outbox.Outcome;
import org.crisisdesk.notice.StoredNotice.FailureKind;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Rules;
import org.junit.jupiter.api.Test;

/**
 * The outbox against a local fake of the X API over real HTTP: posted exactly once whatever fails, and when it cannot
 * know, it checks the account before trying again.
 */
class OutboxTest extends OutboxFixture {
    void mentions(int n, Instant at) {
        List<Filing> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Mention m = new Mention("replay", at.toEpochMilli() + "-" + i, at, "u" + i, null, "ko", "배송 언제 와요", null,
                    null, null);
            batch.add(new Filing(m, delivery.id(), "AUTO", null, null, null));
        }
        services.mentions().ingest(batch, null, "test");
    }

    @Test
    void postsOnceAndCoversTheCategorysMentionsUpToAsOf() {
        mentions(41, T0.minusSeconds(600));
        StoredNotice n = queue("2/4 재배송 준비");
        mentions(5, T0.plusSeconds(60)); // after the as-of: not covered

        Outcome o = outbox().post(n.id());

        assertThat(o.kind()).isEqualTo(Outcome.Kind.POSTED);
        assertThat(server.posts()).hasSize(1);
        assertThat(server.posts().get(0).text()).isEqualTo(n.notice().text());
        StoredNotice posted = o.notice();
        assertThat(posted.state()).isEqualTo(NoticeState.POSTED);
        assertThat(posted.postedBy()).isEqualTo("API");
        assertThat(posted.platformId()).isEqualTo(server.posts().get(0).id());
        assertThat(posted.platformUrl()).endsWith("/status/" + posted.platformId());
        assertThat(posted.attempts()).isEqualTo(1);
        assertThat(services.notices().store().coveredBy(n.id())).isEqualTo(41);
        CoverageSummary s = services.notices().store().summary(delivery.id());
        assertThat(s.newSince()).isEqualTo(5);
        assertThat(s.lastAsOf()).isEqualTo(T0);
        assertThat(s.minutesSince(T0.plusSeconds(23 * 60))).isEqualTo(23);

        // posting again does nothing
        assertThat(outbox().post(n.id()).kind()).isEqualTo(Outcome.Kind.ALREADY_POSTED);
        assertThat(outbox().processDue()).isEmpty();
        assertThat(server.postRequests()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyNeverQueuesASecondCopy() {
        StoredNotice a = queue("2/4 재배송 준비");
        StoredNotice b = queue("2/4 재배송 준비");
        assertThat(b.id()).isEqualTo(a.id());
    }

    @Test
    void a503BeforeStoringIsRetriedWithBackoffAfterCheckingTheAccount() {
        StoredNotice n = queue("2/4 재배송 준비");
        server.failNextPost(Fault.UNAVAILABLE);

        Outcome first = outbox().post(n.id());
        assertThat(first.kind()).isEqualTo(Outcome.Kind.RETRY_SCHEDULED);
        assertThat(first.notice().state()).isEqualTo(NoticeState.QUEUED);
        assertThat(first.notice().failureKind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(first.notice().nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(outbox().processDue()).as("not due yet").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        long timelineBefore = server.timelineRequests();
        List<Outcome> later = outbox().processDue();

        assertThat(later).singleElement().extracting(Outcome::kind).isEqualTo(Outcome.Kind.POSTED);
        assertThat(server.timelineRequests()).as("checked the account before the retry").isGreaterThan(timelineBefore);
        assertThat(server.posts()).hasSize(1);
        assertThat(later.get(0).notice().attempts()).isEqualTo(2);
    }

    @Test
    void aTimeoutAfterTheServerAcceptedThePostIsFoundNotPostedTwice() {
        StoredNotice n = queue("2/4 재배송 준비");
        server.hangMillis(5000);
        server.failNextPost(Fault.ACCEPT_THEN_HANG);

        Outcome o = outbox().post(n.id());

        assertThat(o.kind()).isEqualTo(Outcome.Kind.POSTED);
        assertThat(o.notice().postedBy()).isEqualTo("RECONCILED");
        assertThat(server.posts()).hasSize(1);
        assertThat(o.notice().platformId()).isEqualTo(server.posts().get(0).id());
        assertThat(server.postRequests()).isEqualTo(1);
    }

    @Test
    void acceptedThenTheWholeServiceDownIsCheckedAgainBeforeAnyRetry() {
        StoredNotice n = queue("2/4 재배송 준비");
        server.failNextPost(Fault.ACCEPT_THEN_FAIL);
        server.failNextTimeline(Fault.UNAVAILABLE);

        Outcome o = outbox().post(n.id());
        assertThat(o.kind()).isEqualTo(Outcome.Kind.RETRY_SCHEDULED);
        assertThat(o.notice().failure()).contains("could not be checked");

        clock.advance(Duration.ofMinutes(1));
        List<Outcome> later = outbox().processDue();
        assertThat(later).singleElement().extracting(Outcome::kind).isEqualTo(Outcome.Kind.POSTED);
        assertThat(later.get(0).notice().postedBy()).isEqualTo("RECONCILED");
        assertThat(server.posts()).hasSize(1);
        assertThat(server.postRequests()).isEqualTo(1);
    }

    @Test
    void aDuplicateIsReportedAndNotRetried() {
        StoredNotice n = queue("2/4 재배송 준비");
        // the same text went out by hand yesterday: X refuses it, and the old post is not this notice
        server.seed(n.notice().text(), T0.minus(Duration.ofDays(1)));

        Outcome o = outbox().post(n.id());

        assertThat(o.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(o.notice().failureKind()).isEqualTo(FailureKind.DUPLICATE);
        assertThat(o.notice().failure()).contains("duplicate");
        clock.advance(Duration.ofHours(1));
        assertThat(outbox().processDue()).isEmpty();
        assertThat(server.postRequests()).isEqualTo(1);
    }

    @Test
    void aDuplicateOfAPostJustMadeByHandIsRecognisedAsThisNotice() {
        StoredNotice n = queue("2/4 재배송 준비");
        clock.advance(Duration.ofSeconds(20));
        server.seed(n.notice().text(), clock.instant());

        Outcome o = outbox().post(n.id());

        assertThat(o.kind()).isEqualTo(Outcome.Kind.POSTED);
        assertThat(o.notice().postedBy()).isEqualTo("RECONCILED");
        assertThat(server.posts()).hasSize(1);
    }

    @Test
    void aRestartWithANoticeLeftPostingFindsItOnTheAccount() {
        StoredNotice n = queue("2/4 재배송 준비");
        // The desk claimed it, the server took the post, then the desk died before recording anything.
        assertThat(services.notices().store().claim(n.id(), NoticeState.QUEUED)).isTrue();
        server.seed(n.notice().text(), clock.instant());
        services.close();

        services = TempDesk.open(home, clock);
        services.setPublisherProvider(() -> publisher);
        clock.advance(Duration.ofSeconds(10));
        assertThat(outbox().processDue()).as("a call could still be in flight: wait").isEmpty();
        assertThat(services.notices().store().find(n.id()).orElseThrow().state()).isEqualTo(NoticeState.POSTING);

        clock.advance(Duration.ofMinutes(3));
        List<Outcome> outcomes = outbox().processDue();

        assertThat(outcomes).singleElement().extracting(Outcome::kind).isEqualTo(Outcome.Kind.POSTED);
        assertThat(outcomes.get(0).notice().postedBy()).isEqualTo("RECONCILED");
        assertThat(server.posts()).hasSize(1);
        assertThat(server.postRequests()).isZero();
    }

    @Test
    void aRestartWithANoticeLeftPostingThatNeverArrivedPostsItOnce() {
        StoredNotice n = queue("2/4 재배송 준비");
        assertThat(services.notices().store().claim(n.id(), NoticeState.QUEUED)).isTrue();
        services.close();

        services = TempDesk.open(home, clock);
        services.setPublisherProvider(() -> publisher);
        clock.advance(Duration.ofMinutes(3));
        List<Outcome> outcomes = outbox().processDue();

        assertThat(outcomes).extracting(Outcome::kind)
                .containsExactly(Outcome.Kind.RETRY_SCHEDULED, Outcome.Kind.POSTED);
        assertThat(server.posts()).hasSize(1);
        assertThat(services.notices().store().find(n.id()).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aRestartWhileNotConnectedLeavesItForAPerson() {
        StoredNotice n = queue("2/4 재배송 준비");
        assertThat(services.notices().store().claim(n.id(), NoticeState.QUEUED)).isTrue();
        publisher.setConnected(false);
        clock.advance(Duration.ofMinutes(3));

        List<Outcome> outcomes = outbox().processDue();

        assertThat(outcomes).singleElement().extracting(Outcome::kind).isEqualTo(Outcome.Kind.NOT_CONNECTED);
        StoredNotice after = services.notices().store().find(n.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(NoticeState.FAILED);
        assertThat(after.failureKind()).isEqualTo(FailureKind.UNCERTAIN);
        // once connected, an explicit retry checks the account first: it was never posted, so it goes out now
        publisher.setConnected(true);
        assertThat(outbox().post(n.id()).kind()).isEqualTo(Outcome.Kind.POSTED);
        assertThat(server.posts()).hasSize(1);
    }

    @Test
    void badCredentialsStopAndRateLimitsWaitForTheReset() {
        StoredNotice a = queue("1/4 원인 파악");
        server.failNextPost(Fault.UNAUTHORIZED);
        Outcome o = outbox().post(a.id());
        assertThat(o.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(o.notice().failureKind()).isEqualTo(FailureKind.CREDENTIALS);
        clock.advance(Duration.ofHours(1));
        assertThat(outbox().processDue()).isEmpty();

        // with revoked credentials, one refusal stops the round: the others stay queued
        StoredNotice q1 = queue("2/4 a");
        StoredNotice q2 = queue("3/4 b");
        server.failNextPost(Fault.UNAUTHORIZED);
        assertThat(outbox().processDue()).singleElement().extracting(r -> r.notice().id()).isEqualTo(q1.id());
        assertThat(services.notices().store().find(q2.id()).orElseThrow().state()).isEqualTo(NoticeState.QUEUED);
        outbox().cancel(q2.id());

        StoredNotice b = queue("2/4 재배송 준비");
        server.failNextPost(Fault.RATE_LIMIT);
        Outcome limited = outbox().post(b.id());
        assertThat(limited.kind()).isEqualTo(Outcome.Kind.RETRY_SCHEDULED);
        assertThat(limited.notice().failureKind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(limited.notice().nextAttemptAt()).isEqualTo(
                Instant.ofEpochSecond(clock.instant().plusSeconds(900).getEpochSecond()));
        assertThat(server.posts()).isEmpty();
    }

    @Test
    void transientFaultsGiveUpAfterTheLastAttempt() {
        StoredNotice n = queue("2/4 재배송 준비");
        for (int i = 0; i < Outbox.MAX_ATTEMPTS; i++) {
            server.failNextPost(Fault.UNAVAILABLE);
        }
        Outcome o = outbox().post(n.id());
        for (int i = 1; i < Outbox.MAX_ATTEMPTS; i++) {
            assertThat(o.kind()).isEqualTo(Outcome.Kind.RETRY_SCHEDULED);
            clock.advance(Duration.ofMinutes(11));
            o = outbox().processDue().get(0);
        }
        assertThat(o.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(o.notice().failure()).contains("Gave up after " + Outbox.MAX_ATTEMPTS);
        assertThat(server.posts()).isEmpty();
    }

    @Test
    void notConnectedKeepsTheNoticeForPostingByHand() {
        mentions(3, T0.minusSeconds(60));
        publisher.setConnected(false);
        StoredNotice n = queue("2/4 재배송 준비");

        Outcome o = outbox().post(n.id());

        assertThat(o.kind()).isEqualTo(Outcome.Kind.NOT_CONNECTED);
        assertThat(o.notice().state()).isEqualTo(NoticeState.FAILED);
        assertThat(o.notice().failureKind()).isEqualTo(FailureKind.NOT_CONNECTED);
        publisher.setConnected(true);
        clock.advance(Duration.ofHours(1));
        assertThat(outbox().processDue()).as("never sent on its own: it may be out by hand").isEmpty();

        assertThatThrownBy(() -> outbox().markPostedByHand(n.id(), "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox().markPostedByHand(n.id(), "http://x.com/desk/status/1850000000000000999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use https");
        StoredNotice marked = outbox().markPostedByHand(n.id(), "https://x.com/desk/status/1850000000000000999");
        assertThat(marked.state()).isEqualTo(NoticeState.POSTED);
        assertThat(marked.postedBy()).isEqualTo("MANUAL");
        assertThat(marked.platformId()).isEqualTo("1850000000000000999");
        assertThat(services.notices().store().coveredBy(n.id())).isEqualTo(3);
        assertThat(server.postRequests()).isZero();
    }

    @Test
    void aNoticeKeptForHandPostingIsLookedForBeforeItIsSentOnceConnected() {
        publisher.setConnected(false);
        StoredNotice n = queue("2/4 재배송 준비");
        assertThat(outbox().post(n.id()).kind()).isEqualTo(Outcome.Kind.NOT_CONNECTED);
        // posted by hand on the website, never marked in the desk
        clock.advance(Duration.ofMinutes(2));
        server.seed(n.notice().text(), clock.instant());
        publisher.setConnected(true);

        Outcome o = outbox().post(n.id());

        assertThat(o.kind()).isEqualTo(Outcome.Kind.POSTED);
        assertThat(o.notice().postedBy()).isEqualTo("RECONCILED");
        assertThat(server.postRequests()).isZero();
        StoredNotice cancelled = outbox().cancel(queue("3/4 배송").id());
        assertThat(outbox().post(cancelled.id()).kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(server.postRequests()).isZero();
    }

    @Test
    void aThreadGoesOutInOrderAsRepliesAndSurvivesAFaultInTheMiddle() {
        Notice f = facts("2/4 재배송 준비");
        f = new Notice(f.categoryId(), f.category(), f.asOf(), f.department(), f.stage(), f.eta(), f.nextUpdate(),
                "지역별 물류센터 재고를 확인하고 택배사와 재배송 일정을 조율했으며 수도권부터 순차적으로 출고를 시작했습니다",
                "영남과 호남 지역 물류센터의 출고 준비를 마치는 대로 재배송 일정을 문자 메시지로 개별 안내해 드리겠습니다",
                f.link(), NoticeLang.KO, 0, null);
        Composition c = NoticeService.compose(f, Templates.standard(NoticeLang.KO).body(), true, SEOUL);
        assertThat(c.postable()).isTrue();
        assertThat(c.parts()).hasSizeGreaterThan(1);
        StoredNotice n = outbox().queue(c.notice(), c.parts(), "thread", Templates.KO_STANDARD);
        server.hangMillis(5000);
        server.failNextPost(Fault.NONE, Fault.ACCEPT_THEN_HANG); // first part fine, second times out after being stored

        Outcome o = outbox().post(n.id());

        assertThat(o.kind()).isEqualTo(Outcome.Kind.POSTED);
        List<FakeXServer.Post> posts = server.posts();
        assertThat(posts).hasSize(c.parts().size());
        assertThat(posts.get(0).inReplyTo()).isNull();
        for (int i = 1; i < posts.size(); i++) {
            assertThat(posts.get(i).inReplyTo()).isEqualTo(posts.get(i - 1).id());
            assertThat(posts.get(i).text()).isEqualTo(c.parts().get(i));
        }
        assertThat(o.notice().parts()).allMatch(StoredNotice.Part::posted);
        assertThat(o.notice().platformId()).isEqualTo(posts.get(0).id());
    }

    @Test
    void aDraftCanBeEditedUntilItIsQueuedAndCancelledUntilItIsPosted() {
        Composition c = NoticeService.compose(facts("1/4 원인 파악"), Templates.standard(NoticeLang.KO).body(), false,
                SEOUL);
        StoredNotice d = outbox().saveDraft(c.notice(), c.parts(), Templates.KO_STANDARD);
        assertThat(d.state()).isEqualTo(NoticeState.DRAFT);
        Composition c2 = NoticeService.compose(facts("2/4 재배송 준비"), Templates.standard(NoticeLang.KO).body(), false,
                SEOUL);
        StoredNotice edited = services.notices().store().updateDraft(d.id(), c2.notice(), c2.parts(), "x");
        assertThat(edited.notice().stage()).isEqualTo(Stage.parse("2/4 재배송 준비"));
        assertThat(edited.parts()).extracting(StoredNotice.Part::text).containsExactly(c2.text());
        StoredNotice cancelled = outbox().cancel(d.id());
        assertThat(cancelled.failureKind()).isEqualTo(FailureKind.CANCELLED);
        assertThat(outbox().processDue()).isEmpty();
        assertThat(server.postRequests()).isZero();
    }
}
