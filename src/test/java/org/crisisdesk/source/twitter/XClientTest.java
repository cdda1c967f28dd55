package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real twitter4j client against the fake X server: request shapes, text fidelity and error mapping. */
class XClientTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));
    private final FakeXServer server = new FakeXServer(clock);

    @AfterEach
    void stop() {
        server.close();
    }

    private XClient client(ApiVersion api) {
        return XClient.create(server.settings(api), clock);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void verifyNamesTheAccount(ApiVersion api) throws Exception {
        XAccount me = client(api).verify();
        assertThat(me.id()).isEqualTo(FakeXServer.ACCOUNT_ID);
        assertThat(me.at()).isEqualTo("@desk_official");
        assertThat(server.requests().get(0)).startsWith(api == ApiVersion.V2 ? "GET /2/users/me" : "GET /1.1/account/verify_credentials.json");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aRetweetComesWithTheOriginalsWholeText(ApiVersion api) throws Exception {
        String original = "@desk_official 사전예약 첫날 주문했는데 아직도 출고 준비 중이래요. 문자도 두 번 왔고 고객센터는 "
                + "연결이 안 되고, 매장에 가 보라는데 매장엔 재고가 없다고 하네요 & 언제쯤 받을 수 있을까요? " + "정말".repeat(20);
        FakeXServer.Post rt = server.retweet(original, "minsu_k", clock.instant());
        XClient c = client(api);
        MentionPage page = c.mentions(c.verify(), null, null);
        assertThat(page.mentions()).singleElement().satisfies(m -> {
            assertThat(m.platformId()).isEqualTo(Long.toString(rt.id()));
            assertThat(m.text()).isEqualTo("RT @minsu_k: " + original);
        });
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void mentionsAskForTheDocumentedFieldsAndComeBackInFullUnescapedOnce(ApiVersion api) throws Exception {
        String longText = "@desk_official 요금 &amp; 청구 <문의>: " + "가".repeat(300) + " 끝 & 확인 부탁드립니다";
        FakeXServer.Post p = server.mention(longText, clock.instant());
        FakeXServer.Post literal = server.mention("a literal &amp; stays as typed, 1 < 2 > 0", clock.instant());
        XClient c = client(api);
        MentionPage page = c.mentions(c.verify(), null, null);
        assertThat(page.mentions()).extracting(Mention::platformId)
                .containsExactly(Long.toString(literal.id()), Long.toString(p.id()));
        assertThat(page.mentions().get(1).text()).isEqualTo(longText);
        assertThat(page.mentions().get(0).text()).isEqualTo("a literal &amp; stays as typed, 1 < 2 > 0");
        Mention m = page.mentions().get(1);
        assertThat(m.source()).isEqualTo("x");
        assertThat(m.author()).isEqualTo(p.username());
        assertThat(m.authorName()).isEqualTo(p.name());
        assertThat(m.lang()).isEqualTo(p.lang());
        assertThat(m.createdAt()).isEqualTo(clock.instant());
        String request = server.requests().get(1);
        if (api == ApiVersion.V2) {
            assertThat(request).startsWith("GET /2/users/" + FakeXServer.ACCOUNT_ID + "/mentions?")
                    .contains("max_results=100", "user.fields=name%2Cusername",
                            "expansions=author_id%2Creferenced_tweets.id%2Creferenced_tweets.id.author_id",
                            "tweet.fields=created_at%2Clang%2Cauthor_id%2Cconversation_id%2Cnote_tweet%2Centities"
                                    + "%2Creferenced_tweets");
        } else {
            assertThat(request).startsWith("GET /1.1/statuses/mentions_timeline.json?")
                    .contains("count=200", "tweet_mode=extended");
        }
        assertThat(page.rate().limit()).isEqualTo(300);
        assertThat(page.rate().remaining()).isEqualTo(299);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aPostThatRepliesToNothingRootsItsConversationAndV1LeavesAReplysRootUnknown(ApiVersion api)
            throws Exception {
        FakeXServer.Post root = server.mention("첫 글", clock.instant());
        FakeXServer.Post reply = server.reply("답글", clock.instant(), 12345L);
        XClient c = client(api);
        MentionPage page = c.mentions(c.verify(), null, null);
        java.util.Map<String, String> conversation = new java.util.HashMap<>();
        page.mentions().forEach(m -> conversation.put(m.platformId(), m.conversationId()));
        assertThat(conversation.get(Long.toString(root.id()))).isEqualTo(Long.toString(root.id()));
        // v2 names the conversation's first post; v1.1 only the post replied to, which may not be the first
        assertThat(conversation.get(Long.toString(reply.id()))).isEqualTo(api == ApiVersion.V2 ? "12345" : null);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void tcoLinksInMentionsComeBackAsTheLinksTheAuthorWrote(ApiVersion api) throws Exception {
        server.wrapEveryLink();
        String text = "@desk_official 송장 https://track.example/a?b=1&c=2 확인 & " + "가".repeat(290)
                + " 끝 https://example.com/x";
        server.mention(text, clock.instant());
        XClient c = client(api);
        MentionPage page = c.mentions(c.verify(), null, null);
        assertThat(page.mentions()).singleElement().extracting(Mention::text).isEqualTo(text);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void pagesBackWithTheApiCursorAndSinceId(ApiVersion api) throws Exception {
        var old = server.mention("old", clock.instant());
        server.burst(250, clock.instant(), "burst");
        XClient c = client(api);
        XAccount me = c.verify();
        MentionPage first = c.mentions(me, Long.toString(old.id()), null);
        assertThat(first.mentions().size()).isEqualTo(c.pageSize());
        assertThat(first.next()).isNotNull();
        MentionPage second = c.mentions(me, Long.toString(old.id()), first.next());
        assertThat(second.mentions().size()).isEqualTo(Math.min(c.pageSize(), 250 - c.pageSize()));
        assertThat(second.mentions()).noneMatch(m -> m.platformId().equals(Long.toString(old.id())));
        String last = server.requests().get(server.requests().size() - 1);
        assertThat(last).contains("since_id=" + old.id())
                .contains(api == ApiVersion.V2 ? "pagination_token=" : "max_id=");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void errorsAreClassifiedByHttpStatus(ApiVersion api) throws Exception {
        XClient c = client(api);
        XAccount me = c.verify();
        server.fault("mentions", 429, "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"status\":429}");
        assertThatThrownBy(() -> c.mentions(me, null, null)).isInstanceOfSatisfying(XApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(XApiException.Kind.RATE_LIMITED);
            assertThat(e.retryAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        });
        // twitter4j calls a 400 with rate headers "rate limited"; it is not.
        server.fault("mentions", 400, "{\"title\":\"Invalid Request\",\"detail\":\"bad since_id\",\"status\":400}");
        assertThatThrownBy(() -> c.mentions(me, null, null)).isInstanceOfSatisfying(XApiException.class,
                e -> assertThat(e.kind()).isEqualTo(XApiException.Kind.REJECTED));
        server.fault("mentions", 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
        assertThatThrownBy(() -> c.mentions(me, null, null)).isInstanceOfSatisfying(XApiException.class,
                e -> assertThat(e.kind()).isEqualTo(XApiException.Kind.TRANSIENT));
        server.fault("mentions", 200, "{\"data\":[{\"id\":");
        assertThatThrownBy(() -> c.mentions(me, null, null)).isInstanceOfSatisfying(XApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(XApiException.Kind.TRANSIENT);
            assertThat(e.httpStatus()).isEqualTo(-1);
            assertThat(e.getMessage()).startsWith("malformed response");
        });
        server.revoke("This app has been suspended.");
        assertThatThrownBy(() -> c.mentions(me, null, null)).isInstanceOfSatisfying(XApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(XApiException.Kind.CREDENTIALS);
            assertThat(e.getMessage()).contains("This app has been suspended.").startsWith("HTTP 401");
        });
    }

    @Test
    void aTimeoutIsTransient() throws Exception {
        XClient c = XClient.create(server.settings(ApiVersion.V2).withTimeout(Duration.ofMillis(300)), clock);
        XAccount me = c.verify();
        server.fault(new FakeXServer.Fault("mentions", 200, "{}", Duration.ofMillis(1500)));
        assertThatThrownBy(() -> c.mentions(me, null, null)).isInstanceOfSatisfying(XApiException.class, e -> {
            assertThat(e.kind()).isEqualTo(XApiException.Kind.TRANSIENT);
            assertThat(e.getMessage()).startsWith("timed out");
        });
    }

    @Test
    void wrongKeysAreRefusedWithTheApiMessage() {
        XSettings wrong = server.settings(ApiVersion.V2).withCredentials(
                new XCredentials("other-key", "other-secret", "1-token", "token-secret"));
        assertThatThrownBy(() -> XClient.create(wrong, clock).verify()).isInstanceOfSatisfying(XApiException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(XApiException.Kind.CREDENTIALS);
                    assertThat(e.getMessage()).doesNotContain("other-secret", "token-secret");
                });
    }
}
