package org.crisisdesk.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.cases.Ticket;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.notice.FakeXServer;
import org.crisisdesk.notice.HttpTestPublisher;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NotConnectedPublisher;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.Outbox;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reply to a customer through the notice outbox, against the local fake X API over real HTTP. */
class ReplyServiceTest {
    static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z");

    Path home;
    MutableClock clock;
    Services services;
    FakeXServer x;
    Category centre;
    Category delivery;
    int next;

    @BeforeEach
    void open() throws Exception {
        home = TempDesk.newHome();
        clock = new MutableClock(T0);
        services = TempDesk.open(home, clock);
        x = new FakeXServer(clock);
        HttpTestPublisher publisher = new HttpTestPublisher(x.baseUrl(), Duration.ofMillis(800));
        services.setPublisherProvider(() -> publisher);
        centre = services.categories().active().stream().filter(Category::customerCentre).findFirst().orElseThrow();
        delivery = services.categories().ensure("배송 지연");
    }

    @AfterEach
    void close() {
        x.close();
        services.close();
    }

    List<Long> mentions(Category c, String... authors) {
        List<Filing> batch = new ArrayList<>();
        for (String a : authors) {
            batch.add(new Filing(new Mention("x", "1700" + (next++), T0.minusSeconds(60), a, null, "ko",
                    "환불은 언제 되나요", null, null, null), c.id(), "MANUAL", null, null, null));
        }
        return services.mentions().ingest(batch, null, "test").stream().map(StoredMention::pk).toList();
    }

    void ticket(long pk, String number) {
        var store = services.cases().store();
        var t = store.enqueue(pk, "k-" + pk, "test");
        store.claim(t.id(), t.state(), "ZENDESK");
        store.markSent(t.id(), "ZENDESK", new Ticket(number.substring(1), number, null), "API");
    }

    void postedNotice(Category c, String link) {
        Notice n = new Notice(c.id(), c.name(), clock.instant(), "물류팀", null, null, null, null, null, link,
                NoticeLang.KO, 0, "공지");
        StoredNotice s = services.notices().outbox().queue(n, List.of("배송 공지 14:00 " + link), "n-" + c.id(), null);
        services.notices().outbox().markPostedByHand(s.id(), "https://x.com/desk/status/99");
    }

    @Test
    void theTemplateIsFilledWithTheTicketAndTheLatestNoticeLinkAndPostedOnceAsAReply() {
        long pk = mentions(centre, "minji").get(0);
        ticket(pk, "#35436");
        postedNotice(centre, "https://example.com/notice/7");
        ReplyService replies = services.replies();

        ReplyService.Draft d = replies.draft(pk, NoticeLang.KO);
        assertThat(d.text()).isEqualTo("고객센터로 전달했습니다. 접수번호 #35436. 진행 상황은 "
                + "https://example.com/notice/7 에서 안내드립니다.");
        assertThat(d.warnings()).isEmpty();
        assertThat(d.length().valid()).isTrue();
        assertThat(replies.draft(pk, NoticeLang.EN).text()).isEqualTo("We have passed this to our customer centre, "
                + "case number #35436. We post updates at https://example.com/notice/7");

        Outbox.Outcome o = replies.reply(pk, d.text(), "김민지");
        assertThat(o.posted()).isTrue();
        assertThat(x.posts()).hasSize(1);
        StoredMention m = services.mentions().find(pk).orElseThrow();
        assertThat(x.posts().get(0).inReplyTo()).isEqualTo(m.platformId());
        assertThat(replies.recorded(pk)).get().extracting(r -> r.actor()).isEqualTo("김민지");
        assertThat(o.notice().notice().categoryId()).isNull(); // a reply covers nothing of the category

        // never twice: the same mention, or another post of the same person
        assertThatThrownBy(() -> replies.reply(pk, d.text(), "김민지")).hasMessageContaining("ALREADY_REPLIED");
        long other = mentions(centre, "minji").get(0);
        assertThat(replies.draft(other, NoticeLang.KO).warnings()).contains(ReplyService.Warning.PERSON_REPLIED);
        assertThat(x.posts()).hasSize(1);
    }

    @Test
    void aReplyThatSaysNothingIsWarnedAndOneThatTimesOutIsNotPostedTwice() {
        long pk = mentions(delivery, "jun").get(0);
        ReplyService replies = services.replies();
        ReplyService.Draft empty = replies.check(pk, "불편을 드려 죄송합니다. 확인 중입니다.");
        assertThat(empty.warnings()).containsExactly(ReplyService.Warning.SAYS_NOTHING);
        // no ticket, no notice: the template drops both sentences and is warned too
        assertThat(replies.draft(pk, NoticeLang.KO).warnings()).contains(ReplyService.Warning.SAYS_NOTHING);

        x.failNextPost(FakeXServer.Fault.ACCEPT_THEN_HANG);
        Outbox.Outcome first = replies.reply(pk, "오늘 18:00까지 재배송됩니다. 문의 #A-1", "jun-desk");
        assertThat(first.posted()).isTrue(); // found on the account after the timeout
        assertThat(x.posts()).hasSize(1);
        assertThat(services.notices().outbox().post(first.notice().id()).kind())
                .isEqualTo(Outbox.Outcome.Kind.ALREADY_POSTED);
        assertThat(x.posts()).hasSize(1);
    }

    @Test
    void withAPublisherThatCannotPostNothingIsPosted() {
        services.setPublisherProvider(() -> NotConnectedPublisher.INSTANCE);
        long pk = mentions(centre, "demo").get(0);
        ticket(pk, "#1");
        Outbox.Outcome o = services.replies().reply(pk, "접수번호 #1 로 전달했습니다.", "demo");
        assertThat(o.kind()).isEqualTo(Outbox.Outcome.Kind.NOT_CONNECTED);
        assertThat(x.posts()).isEmpty();
        // and the outbox's round never posts it on its own
        services.notices().outbox().processDue();
        assertThat(services.notices().store().find(o.notice().id()).orElseThrow().state())
                .isEqualTo(NoticeState.FAILED);
    }

    @Test
    void aSelectionIsPacedThroughTheOutbox() {
        List<Long> pks = mentions(centre, "a1", "b22", "c333");
        for (int i = 0; i < pks.size(); i++) {
            ticket(pks.get(i), "#" + (500 + i));
        }
        List<StoredNotice> queued = services.replies().queueSelection(pks, NoticeLang.KO, "desk", clock.instant(),
                Duration.ofSeconds(20));
        assertThat(queued).hasSize(3);
        services.notices().outbox().processDue();
        assertThat(x.posts()).hasSize(1);
        clock.advance(Duration.ofSeconds(20));
        services.notices().outbox().processDue();
        assertThat(x.posts()).hasSize(2);
        clock.advance(Duration.ofSeconds(20));
        services.notices().outbox().processDue();
        assertThat(x.posts()).extracting(FakeXServer.Post::text).containsExactly(
                "고객센터로 전달했습니다. 접수번호 #500.", "고객센터로 전달했습니다. 접수번호 #501.",
                "고객센터로 전달했습니다. 접수번호 #502.");
    }

    @Test
    void aSelectionSkipsRepliesThatSayNothingOrRepeatAnotherWordForWord() {
        List<Long> pks = mentions(centre, "g1", "h22", "i333", "j4444");
        ticket(pks.get(0), "#700");
        ticket(pks.get(1), "#701");
        ticket(pks.get(2), "#701"); // the same text as the one before: not sent to a second person
        // pks.get(3) has no ticket and no notice link: "고객센터로 전달했습니다." alone says nothing of its own
        List<StoredNotice> queued = services.replies().queueSelection(pks, NoticeLang.KO, "desk", clock.instant(),
                Duration.ofSeconds(20));
        assertThat(queued).extracting(n -> n.notice().text()).containsExactly(
                "고객센터로 전달했습니다. 접수번호 #700.", "고객센터로 전달했습니다. 접수번호 #701.");
        assertThat(services.replies().recorded(pks.get(2))).isEmpty();
        assertThat(services.replies().recorded(pks.get(3))).isEmpty();
    }
}
