package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crisisdesk.notice.Publisher.Posted;
import org.crisisdesk.notice.Publisher.PublishException;
import org.crisisdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Posting notices through the real twitter4j client to the fake X server. */
class XPublisherTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
    private final FakeXServer server = new FakeXServer(clock);

    @AfterEach
    void stop() {
        server.close();
    }

    private XPublisher publisher(ApiVersion api) {
        return XPublisher.create(server.settings(api), clock);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void postsOnceAndThreadsReplies(ApiVersion api) throws Exception {
        XPublisher p = publisher(api);
        String text = "[14:00 현재] 배송 지연: 물류팀이 재배차 중 (2/4). 다음 안내 15:00 & <공지> https://example.com/n/1";
        Posted first = p.post(text, null);
        Posted reply = p.post("(2/2) 자세한 내용은 링크를 확인해 주세요.", first.id());

        assertThat(server.ownPosts()).extracting(FakeXServer.Post::text)
                .containsExactly(text, "(2/2) 자세한 내용은 링크를 확인해 주세요.");
        assertThat(first.id()).isEqualTo(Long.toString(server.ownPosts().get(0).id()));
        assertThat(first.text()).isEqualTo(text);
        assertThat(server.ownPosts().get(1).inReplyTo()).isEqualTo(Long.valueOf(first.id()));
        assertThat(first.url()).endsWith("/status/" + first.id());
        assertThat(reply.id()).isNotEqualTo(first.id());
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aDuplicateIsRecognisedNotRetried(ApiVersion api) throws Exception {
        XPublisher p = publisher(api);
        p.post("같은 공지", null);
        assertThatThrownBy(() -> p.post("같은 공지", null)).isInstanceOfSatisfying(PublishException.class,
                e -> assertThat(e.kind()).isEqualTo(PublishException.Kind.DUPLICATE));
        assertThat(server.ownPosts()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void failuresAreClassifiedForTheOutbox(ApiVersion api) {
        XPublisher p = publisher(api);
        String path = api == ApiVersion.V2 ? "/2/tweets" : "statuses/update";
        server.fault(path, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        assertThatThrownBy(() -> p.post("a", null)).isInstanceOfSatisfying(PublishException.class,
                e -> assertThat(e.kind()).isEqualTo(PublishException.Kind.TRANSIENT));
        server.fault(path, 429, "{\"title\":\"Too Many Requests\",\"status\":429}");
        assertThatThrownBy(() -> p.post("b", null)).isInstanceOfSatisfying(PublishException.class, e -> {
            assertThat(e.kind()).isEqualTo(PublishException.Kind.RATE_LIMITED);
            assertThat(e.retryAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        });
        server.revoke("Client Forbidden");
        assertThatThrownBy(() -> p.post("c", null)).isInstanceOfSatisfying(PublishException.class,
                e -> assertThat(e.kind()).isEqualTo(PublishException.Kind.CREDENTIALS));
        assertThat(server.ownPosts()).isEmpty();
    }

    @Test
    void aTimeoutAfterTheServerAcceptedIsTransientAndTheRecentPostsShowIt() throws Exception {
        XPublisher p = XPublisher.create(server.settings(ApiVersion.V2).withTimeout(Duration.ofMillis(400)), clock);
        server.fault(new FakeXServer.Fault("/2/tweets", FakeXServer.ACCEPT_LATE, null, Duration.ofMillis(1500)));
        assertThatThrownBy(() -> p.post("응답이 늦은 공지", null)).isInstanceOfSatisfying(PublishException.class,
                e -> assertThat(e.kind()).isEqualTo(PublishException.Kind.TRANSIENT));
        // It did go out: the outbox reconciles from the account's recent posts before any retry.
        assertThat(XPublisher.create(server.settings(ApiVersion.V2), clock).recentPosts(5)).extracting(Posted::text)
                .contains("응답이 늦은 공지");
        assertThat(server.ownPosts()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void recentPostsListTheAccountsOwnPostsNewestFirstInFullText(ApiVersion api) throws Exception {
        XPublisher p = publisher(api);
        String longNotice = "긴 공지 & 상세 <안내> https://example.com/notice/7?a=1&b=2 " + "내용 ".repeat(150);
        p.post("첫 공지 & 안내 https://example.com/n/1", null);
        clock.advance(Duration.ofMinutes(1));
        p.post(longNotice, null);
        List<Posted> recent = p.recentPosts(10);
        // X wraps links in t.co; the publisher puts them back, so the outbox can match a notice by its text.
        assertThat(recent).extracting(Posted::text).containsExactly(longNotice, "첫 공지 & 안내 https://example.com/n/1");
    }

    @Test
    void withoutCredentialsThePublisherIsNotConnected() {
        XPublisher p = XPublisher.create(XSettings.of(XCredentials.NONE), clock);
        assertThat(p.connected()).isFalse();
        assertThatThrownBy(() -> p.post("x", null)).isInstanceOfSatisfying(PublishException.class,
                e -> assertThat(e.kind()).isEqualTo(PublishException.Kind.CREDENTIALS));
    }
}
