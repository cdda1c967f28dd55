package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crisisdesk.app.Services;
import org.crisisdesk.source.SourceStatus;
import org.crisisdesk.source.SourceStatus.State;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TwitterSource with the real twitter4j client against the fake X server and a real H2 store. Time is a
 * {@link MutableClock} shared by source and server; the context's sleeps move it, so minutes pass instantly.
 */
class TwitterSourceTest {
    private static final Instant T0 = Instant.parse("2026-10-17T05:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private FakeXServer server;
    private Services services;
    private final List<TwitterSource.PollReport> polls = new ArrayList<>();

    @BeforeEach
    void open() {
        server = new FakeXServer(clock);
        services = TempDesk.open(TempDesk.newHome(), clock);
    }

    @AfterEach
    void close() {
        server.close();
        services.close();
    }

    private TwitterSource source(ApiVersion api) {
        return source(server.settings(api));
    }

    private TwitterSource source(XSettings settings) {
        TwitterSource s = new TwitterSource(settings, XClient.create(settings, clock), Duration.ofSeconds(10),
                new Random(7));
        s.onPoll(polls::add);
        return s;
    }

    private StoreContext runUntil(TwitterSource source, Instant end) throws InterruptedException {
        StoreContext ctx = new StoreContext(services, source.key(), clock, c -> !clock.instant().isBefore(end));
        source.run(ctx);
        return ctx;
    }

    private static String id(FakeXServer.Post p) {
        return Long.toString(p.id());
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aBurstLargerThanOnePageIsClosedByPagingBack(ApiVersion api) throws Exception {
        server.burst(5, T0, "before");
        List<FakeXServer.Post> burst = server.burst(450, T0.plusSeconds(30), "burst");
        TwitterSource source = source(api);
        StoreContext ctx = runUntil(source, T0.plusSeconds(90));

        Map<String, String> stored = ctx.storedTexts();
        assertThat(stored).hasSize(455);
        assertThat(stored).containsKeys(burst.stream().map(TwitterSourceTest::id).toArray(String[]::new));
        assertThat(ctx.checkpoint()).contains("m:" + id(burst.get(burst.size() - 1)));
        TwitterSource.PollReport burstPoll = polls.stream().filter(p -> p.fetched() == 450).findFirst().orElseThrow();
        assertThat(burstPoll.pages()).isGreaterThanOrEqualTo(450 / (api == ApiVersion.V2 ? 100 : 200) + 1);
        assertThat(burstPoll.fresh()).isEqualTo(450);
        assertThat(burstPoll.gap()).isFalse();
        assertThat(server.tooManyRequests()).isZero();
        assertThat(ctx.last().state()).isEqualTo(State.LIVE);
        assertThat(source.displayName()).isEqualTo("X " + api.label() + " @desk_official");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void a429WaitsUntilTheResetAndLosesNothing(ApiVersion api) throws Exception {
        server.burst(3, T0, "early");
        server.fault("mentions", 429, api == ApiVersion.V2
                ? "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}"
                : "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}");
        List<FakeXServer.Post> during = server.burst(300, T0.plus(Duration.ofMinutes(5)), "during the wait");
        StoreContext ctx = runUntil(source(api), T0.plus(Duration.ofMinutes(17)));

        Instant reset = T0.plus(Duration.ofMinutes(15));
        SourceStatus waiting = ctx.inState(State.RATE_LIMITED).get(0);
        assertThat(waiting.until()).isEqualTo(reset.plus(Pacer.MARGIN));
        assertThat(waiting.detail()).contains("429");
        assertThat(ctx.sleeps.get(0)).isEqualTo(Duration.between(T0, reset.plus(Pacer.MARGIN)));
        assertThat(ctx.storedTexts()).hasSize(303).containsKey(id(during.get(0)));
        assertThat(server.tooManyRequests()).isZero(); // the scripted one is not the server's own
        assertThat(ctx.last().state()).isEqualTo(State.LIVE);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void a503BacksOffExponentiallyWithJitterThenRecovers(ApiVersion api) throws Exception {
        server.burst(20, T0, "m");
        for (int i = 0; i < 3; i++) {
            server.fault("mentions", 503, "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\",\"status\":503}");
        }
        StoreContext ctx = runUntil(source(api), T0.plus(Duration.ofMinutes(2)));

        List<SourceStatus> backoffs = ctx.inState(State.BACKING_OFF);
        assertThat(backoffs).hasSize(3);
        assertThat(backoffs.get(0).detail()).contains("503").contains("attempt 1");
        assertThat(ctx.sleeps.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(ctx.sleeps.get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(ctx.sleeps.get(2)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(ctx.stored()).isEqualTo(20);
        assertThat(ctx.last().state()).isEqualTo(State.LIVE);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aMalformedBodyIsRetriedAndWhatWasStoredStays(ApiVersion api) throws Exception {
        server.burst(7, T0, "first");
        server.burst(9, T0.plusSeconds(15), "second");
        TwitterSource source = source(api);
        // First poll fine, the second answers a cut-off body, then all is well again.
        StoreContext ctx = new StoreContext(services, source.key(), clock,
                c -> !clock.instant().isBefore(T0.plus(Duration.ofMinutes(2))));
        ctx.stopWhen = c -> {
            if (c.deliveries == 1 && server.pendingFaults() == 0 && c.inState(State.BACKING_OFF).isEmpty()) {
                server.fault("mentions", 200, "{\"data\":[{\"id\":\"1\",\"text\":");
            }
            return !clock.instant().isBefore(T0.plus(Duration.ofMinutes(2)));
        };
        source.run(ctx);

        assertThat(ctx.inState(State.BACKING_OFF)).first().satisfies(s -> assertThat(s.detail()).contains("malformed"));
        assertThat(ctx.stored()).isEqualTo(16);
        assertThat(ctx.last().state()).isEqualTo(State.LIVE);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void longPostsAndEntitiesArriveExactlyAsWritten(ApiVersion api) throws Exception {
        String longText = "@desk_official [긴 글] 인터넷 & TV 결합 <해지> 문의 — " + "장애가 계속됩니다. ".repeat(40)
                + "끝 &amp; 이것은 그대로";
        var p1 = server.mention(longText, T0);
        var p2 = server.mention("R&D팀 <공지> 5 > 3 & 2 < 4; literally &lt;b&gt;", T0);
        StoreContext ctx = runUntil(source(api), T0.plusSeconds(30));

        Map<String, String> texts = ctx.storedTexts();
        assertThat(texts.get(id(p1))).isEqualTo(longText);
        assertThat(texts.get(id(p2))).isEqualTo("R&D팀 <공지> 5 > 3 & 2 < 4; literally &lt;b&gt;");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void rejectedCredentialsStopPollingAndSaySo(ApiVersion api) throws Exception {
        server.burst(4, T0, "m");
        TwitterSource source = source(api);
        StoreContext ctx = new StoreContext(services, source.key(), clock, c -> false);
        long[] callsAtRevoke = {-1};
        ctx.stopWhen = c -> {
            if (c.deliveries >= 1 && callsAtRevoke[0] < 0) {
                server.revoke("Your credentials were revoked by the account owner.");
                callsAtRevoke[0] = server.requestCount("mentions");
            }
            return !clock.instant().isBefore(T0.plus(Duration.ofMinutes(30)));
        };
        source.run(ctx);

        assertThat(ctx.stored()).isEqualTo(4);
        assertThat(ctx.last().state()).isEqualTo(State.CREDENTIALS_REJECTED);
        assertThat(ctx.last().detail()).contains("401").contains("revoked by the account owner");
        // One refused call after the revocation, then no more polling.
        assertThat(server.requestCount("mentions")).isEqualTo(callsAtRevoke[0] + 1);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void pacingKeepsATightLimitWithoutA429(ApiVersion api) throws Exception {
        server.limit("mentions", 15, Duration.ofMinutes(15));
        int expected = 0;
        for (int minute = 0; minute < 60; minute++) {
            server.mention("trickle " + minute, T0.plus(Duration.ofMinutes(minute)));
            expected++;
        }
        server.burst(450, T0.plus(Duration.ofMinutes(23)), "burst");
        expected += 450;
        StoreContext ctx = runUntil(source(api), T0.plus(Duration.ofMinutes(75)));

        assertThat(server.tooManyRequests()).isZero();
        assertThat(ctx.stored()).isEqualTo(expected);
        assertThat(server.requestCount("mentions")).isLessThanOrEqualTo(15 * 5);
    }

    @org.junit.jupiter.api.Test
    void aGapBeyondThe800WindowIsBackFilledFromSearchOnV2() throws Exception {
        server.burst(3, T0, "before");
        server.burst(1000, T0.plusSeconds(20), "flood");
        StoreContext ctx = runUntil(source(ApiVersion.V2), T0.plusSeconds(40));

        assertThat(ctx.stored()).isEqualTo(3 + 1000);
        assertThat(polls).noneSatisfy(p -> assertThat(p.gap()).isTrue());
        assertThat(polls).anySatisfy(p -> assertThat(p.backfilled()).isEqualTo(200));
        assertThat(ctx.last().gapBefore()).isNull();
        assertThat(ctx.inState(State.LIVE)).anySatisfy(s -> assertThat(s.detail())
                .contains("back-filled 200 from search"));
        assertThat(ctx.checkpoint().orElseThrow()).doesNotContain("h:");
    }

    @org.junit.jupiter.api.Test
    void aGapBeyondThe800WindowIsReportedWithItsSpanOnV11() throws Exception {
        server.burst(3, T0, "before");
        server.burst(1000, T0.plusSeconds(20), "flood");
        StoreContext ctx = runUntil(source(ApiVersion.V1_1), T0.plusSeconds(40));

        assertThat(ctx.stored()).isEqualTo(3 + 800);
        assertThat(polls).anySatisfy(p -> assertThat(p.gap()).isTrue());
        // instants, for each reader to show in its own zone (the detail once said it in UTC)
        assertThat(ctx.last().gapBefore()).isEqualTo(T0.plusSeconds(20));
        assertThat(ctx.last().gapAfter()).isEqualTo(T0);
        assertThat(ctx.last().detail()).doesNotContain("gap");
        assertThat(server.requestCount("search")).isZero();
    }

    @org.junit.jupiter.api.Test
    void theGapIsKeptForAWhileAndClearedByTheNextCleanPollAfterIt() throws Exception {
        ApiVersion api = ApiVersion.V1_1;
        server.burst(3, T0, "before");
        server.burst(1000, T0.plusSeconds(20), "flood");
        server.mention("later", T0.plus(Duration.ofMinutes(5)));
        StoreContext ctx = runUntil(source(api), T0.plus(TwitterSource.GAP_KEPT).plus(Duration.ofMinutes(2)));

        List<SourceStatus> live = ctx.inState(State.LIVE);
        Instant found = polls.stream().filter(TwitterSource.PollReport::gap).findFirst().orElseThrow().at();
        assertThat(live).filteredOn(s -> s.lastPoll().isAfter(found)
                && s.lastPoll().isBefore(found.plus(TwitterSource.GAP_KEPT)))
                .isNotEmpty().allSatisfy(s -> assertThat(s.gapBefore()).isEqualTo(T0.plusSeconds(20)));
        assertThat(ctx.last().gapBefore()).isNull();
        assertThat(ctx.stored()).isEqualTo(3 + 800 + 1);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aCrashMidBurstResumesWithEveryMentionExactlyOnce(ApiVersion api) throws Exception {
        server.burst(5, T0, "before");
        List<FakeXServer.Post> burst = server.burst(650, T0.plusSeconds(20), "burst");
        // Run 1 dies after the 3rd batch of the burst was committed; run 2 dies before the next commit.
        TwitterSource first = source(api);
        StoreContext ctx1 = new StoreContext(services, first.key(), clock, c -> false);
        ctx1.crashAfterCommitOn = 3;
        assertThatThrownBy(() -> first.run(ctx1)).isInstanceOf(StoreContext.Crash.class);
        long afterFirst = ctx1.stored();
        assertThat(afterFirst).isGreaterThan(5).isLessThan(655);

        TwitterSource second = source(api);
        StoreContext ctx2 = new StoreContext(services, second.key(), clock, c -> false);
        ctx2.crashBeforeCommitOn = 2;
        assertThatThrownBy(() -> second.run(ctx2)).isInstanceOf(StoreContext.Crash.class);

        StoreContext ctx3 = runUntil(source(api), clock.instant().plusSeconds(30));
        Map<String, String> stored = ctx3.storedTexts();
        assertThat(stored).hasSize(655);
        for (FakeXServer.Post p : burst) {
            assertThat(stored.get(id(p))).isEqualTo(p.text());
        }
        assertThat(ctx3.checkpoint()).contains("m:" + id(burst.get(burst.size() - 1)));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void keywordSearchAddsPostsWithoutMentionsAndNoDuplicates(ApiVersion api) throws Exception {
        server.mention("@desk_official 배송 언제 오나요", T0);
        server.mention("@desk_official 요금 문의", T0);
        var other = server.searchablePost("오늘 배송 또 늦네 (멘션 없음)", T0);
        XSettings settings = server.settings(api).withKeywords(List.of("배송"));
        StoreContext ctx = runUntil(source(settings), T0.plusSeconds(30));

        Map<String, String> stored = ctx.storedTexts();
        assertThat(stored).hasSize(3).containsKey(id(other));
        assertThat(ctx.checkpoint().orElseThrow()).contains("s:" + id(other));
        assertThat(server.requestCount("search")).isGreaterThanOrEqualTo(1);
    }

    /** Polls over 20 minutes with this mentions limit per 15 minutes: the gaps between them, and the last LIVE detail. */
    private List<Duration> pollGaps(int limit) throws Exception {
        server.limit("mentions", limit, Duration.ofMinutes(15));
        for (int minute = 0; minute < 20; minute += 2) {
            server.mention("trickle " + minute, T0.plus(Duration.ofMinutes(minute)));
        }
        StoreContext ctx = runUntil(source(ApiVersion.V2), T0.plus(Duration.ofMinutes(20)));
        assertThat(server.tooManyRequests()).isZero();
        assertThat(ctx.stored()).isEqualTo(10);
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < polls.size(); i++) {
            gaps.add(Duration.between(polls.get(i - 1).at(), polls.get(i).at()));
        }
        lastLive = ctx.inState(State.LIVE).get(ctx.inState(State.LIVE).size() - 1);
        return gaps;
    }

    private SourceStatus lastLive;

    @org.junit.jupiter.api.Test
    void tenRequestsPerWindowStillPollAboutEvery100SecondsAndSaySo() throws Exception {
        List<Duration> gaps = pollGaps(10);
        assertThat(gaps).isNotEmpty().allSatisfy(g -> assertThat(g).isBetween(Duration.ofSeconds(90),
                Duration.ofSeconds(112)));
        assertThat(polls.size()).isBetween(11, 13); // 9 a window, 20 minutes
        assertThat(lastLive.detail()).containsPattern("paced: next poll in (9\\d|1[01]\\d) s")
                .contains("X allows 10 requests");
    }

    @org.junit.jupiter.api.Test
    void seventyFiveRequestsPerWindowPollAboutEvery13Seconds() throws Exception {
        List<Duration> gaps = pollGaps(75);
        assertThat(gaps).isNotEmpty().allSatisfy(g -> assertThat(g).isBetween(Duration.ofSeconds(12),
                Duration.ofSeconds(16)));
    }

    @org.junit.jupiter.api.Test
    void threeHundredRequestsPerWindowKeepTheChosenInterval() throws Exception {
        List<Duration> gaps = pollGaps(300);
        assertThat(gaps).isNotEmpty().allSatisfy(g -> assertThat(g).isEqualTo(Duration.ofSeconds(10)));
        assertThat(lastLive.detail()).doesNotContain("paced");
    }
}
