package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.crisisdesk.app.Services;
import org.crisisdesk.notice.Outbox.Outcome;
import org.crisisdesk.notice.StoredNotice.FailureKind;
import org.crisisdesk.source.twitter.ApiVersion;
import org.crisisdesk.source.twitter.FakeXServer;
import org.crisisdesk.source.twitter.XPublisher;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outbox with the publisher the desk really uses (twitter4j over HTTP, {@link XPublisher}) against the fake X
 * API, in both API generations: posted exactly once when the connection breaks after X took the post, when X calls
 * it a duplicate, and when the desk died mid-post. {@link OutboxTest} goes through every state with a plain client.
 */
class OutboxOverXTest {
    Path home;
    MutableClock clock;
    Services services;
    FakeXServer server;
    Category delivery;

    @BeforeEach
    void open() {
        home = TempDesk.newHome();
        clock = new MutableClock(OutboxTest.T0);
        services = TempDesk.open(home, clock);
        server = new FakeXServer(clock);
        delivery = services.categories().ensure("배송 지연");
    }

    @AfterEach
    void close() {
        server.close();
        services.close();
    }

    private void connect(ApiVersion api) {
        XPublisher publisher = XPublisher.create(server.settings(api), clock);
        services.setPublisherProvider(() -> publisher);
    }

    private Outbox outbox() {
        return services.notices().outbox();
    }

    private StoredNotice queue() {
        Notice facts = new Notice(delivery.id(), delivery.name(), clock.instant(), "물류팀", Stage.parse("2/4 재배송 준비"),
                clock.instant().plus(Duration.ofHours(4)), clock.instant().plus(Duration.ofHours(2)), null, null,
                "https://example.com/notice/42", NoticeLang.KO, 0, null);
        Composition c = NoticeService.compose(facts, Templates.standard(NoticeLang.KO).body(), false, OutboxTest.SEOUL);
        return outbox().queue(c.notice(), c.parts(), "key-" + clock.instant(), Templates.KO_STANDARD);
    }

    private long postRequests(ApiVersion api) {
        return server.requestCount(api == ApiVersion.V2 ? "POST /2/tweets" : "POST /1.1/statuses/update");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void postsOnceAndKeepsThePostsId(ApiVersion api) {
        connect(api);
        StoredNotice n = queue();
        Outcome o = outbox().post(n.id());

        assertThat(o.kind()).isEqualTo(Outcome.Kind.POSTED);
        assertThat(o.notice().postedBy()).isEqualTo("API");
        assertThat(server.ownPosts()).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo(n.notice().text());
            assertThat(o.notice().platformId()).isEqualTo(Long.toString(p.id()));
        });
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aConnectionThatBreaksAfterXTookThePostIsFoundNotPostedTwice(ApiVersion api) {
        connect(api);
        StoredNotice n = queue();
        server.fault(new FakeXServer.Fault(api == ApiVersion.V2 ? "/2/tweets" : "statuses/update",
                FakeXServer.DROP_AFTER_ACCEPT, null, Duration.ZERO));

        Outcome o = outbox().post(n.id());

        assertThat(o.kind()).isEqualTo(Outcome.Kind.POSTED);
        assertThat(o.notice().postedBy()).isEqualTo("RECONCILED");
        assertThat(server.ownPosts()).hasSize(1);
        assertThat(postRequests(api)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aDuplicateOfAnOlderPostIsReportedAndNotRetried(ApiVersion api) throws Exception {
        connect(api);
        StoredNotice n = queue();
        // The same text went out by hand yesterday, before this notice was written.
        clock.set(OutboxTest.T0.minus(Duration.ofDays(1)));
        XPublisher.create(server.settings(api), clock).post(n.notice().text(), null);
        clock.set(OutboxTest.T0);

        Outcome o = outbox().post(n.id());

        assertThat(o.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(o.notice().failureKind()).isEqualTo(FailureKind.DUPLICATE);
        clock.advance(Duration.ofHours(1));
        assertThat(outbox().processDue()).isEmpty();
        assertThat(server.ownPosts()).hasSize(1);
        assertThat(postRequests(api)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aRestartWithANoticeLeftPostingFindsItOnTheAccount(ApiVersion api) throws Exception {
        connect(api);
        StoredNotice n = queue();
        // The desk claimed it, X took the post, and the desk died before it recorded anything.
        assertThat(services.notices().store().claim(n.id(), NoticeState.QUEUED)).isTrue();
        XPublisher.create(server.settings(api), clock).post(n.notice().text(), null);
        services.close();

        services = TempDesk.open(home, clock);
        connect(api);
        clock.advance(Duration.ofMinutes(3));
        List<Outcome> outcomes = outbox().processDue();

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Outcome.Kind.POSTED);
            assertThat(o.notice().postedBy()).isEqualTo("RECONCILED");
            assertThat(o.notice().platformId()).isEqualTo(Long.toString(server.ownPosts().get(0).id()));
        });
        assertThat(server.ownPosts()).hasSize(1);
        assertThat(postRequests(api)).isEqualTo(1);
    }
}
