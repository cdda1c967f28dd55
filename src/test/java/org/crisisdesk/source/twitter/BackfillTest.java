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
import org.crisisdesk.source.SourceStatus.State;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mentions beyond the mentions endpoint's 800-post window come from recent search, exactly once, also across a crash
 * in the middle of the back-fill; only what search cannot reach is reported, with its span. Real twitter4j against
 * the fake X (which enforces search's parameter rules and the 7-day reach) and a real H2 store.
 */
class BackfillTest {
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

    private TwitterSource source() {
        XSettings settings = server.settings(ApiVersion.V2);
        TwitterSource s = new TwitterSource(settings, XClient.create(settings, clock), Duration.ofSeconds(10),
                new Random(7));
        s.onPoll(polls::add);
        return s;
    }

    private StoreContext runFor(TwitterSource source, Duration d) throws InterruptedException {
        Instant end = clock.instant().plus(d);
        StoreContext ctx = new StoreContext(services, source.key(), clock, c -> !clock.instant().isBefore(end));
        source.run(ctx);
        return ctx;
    }

    /** The desk ran, was closed, 1,250 mentions arrived, and it opened again. */
    private List<FakeXServer.Post> deskClosedDuringAStorm() throws InterruptedException {
        server.burst(3, T0, "before");
        runFor(source(), Duration.ofSeconds(30));
        assertThat(services.mentions().checkpoint(source().key())).isPresent();
        List<FakeXServer.Post> storm = new ArrayList<>();
        for (int minute = 0; minute < 25; minute++) {
            storm.addAll(server.burst(50, clock.instant().plus(Duration.ofMinutes(minute)), "storm " + minute));
        }
        clock.advance(Duration.ofMinutes(40));
        polls.clear();
        return storm;
    }

    @Test
    void twelveHundredFiftyMentionsWhileTheDeskWasClosedAreAllBackFilledExactlyOnce() throws Exception {
        List<FakeXServer.Post> storm = deskClosedDuringAStorm();
        long searchesBefore = server.requestCount("/2/tweets/search/recent");
        StoreContext ctx = runFor(source(), Duration.ofMinutes(2));

        Map<String, String> stored = ctx.storedTexts(); // fails on an id stored twice
        assertThat(stored).hasSize(3 + 1250);
        for (FakeXServer.Post p : storm) {
            assertThat(stored.get(Long.toString(p.id()))).isEqualTo(p.text());
        }
        // each mention counted new exactly once: 800 from the mentions walk, 450 from search
        assertThat(polls.stream().mapToInt(TwitterSource.PollReport::fresh).sum()).isEqualTo(800);
        assertThat(polls.stream().mapToInt(TwitterSource.PollReport::backfilled).sum()).isEqualTo(450);
        assertThat(polls).noneSatisfy(p -> assertThat(p.gap()).isTrue());
        assertThat(ctx.inState(State.LIVE)).anySatisfy(s -> assertThat(s.detail())
                .contains("back-filled 450 from search"));
        assertThat(server.tooManyRequests()).isZero();
        assertThat(ctx.checkpoint().orElseThrow()).doesNotContain("h:")
                .contains("m:" + storm.get(storm.size() - 1).id());
        // 450 in the hole, 100 a page: 5 pages, each bounded on both sides, the first without a token
        List<String> searches = server.requests().stream().filter(r -> r.contains("/2/tweets/search/recent"))
                .skip(searchesBefore).toList();
        assertThat(searches).hasSize(5);
        assertThat(searches).allSatisfy(r -> assertThat(r).contains("since_id=").contains("until_id=")
                .contains("max_results=100").contains("query=%40desk_official"));
        assertThat(searches.get(0)).doesNotContain("next_token").doesNotContain("pagination_token");
    }

    @Test
    void aCrashInTheMiddleOfTheBackFillResumesWithWhatIsLeftExactlyOnce() throws Exception {
        List<FakeXServer.Post> storm = deskClosedDuringAStorm();
        // Deliveries: 4 batches of 200 from the mentions walk, then one per search page. Die right after the second
        // page was committed, then (second run) before the next commit.
        TwitterSource first = source();
        StoreContext ctx1 = new StoreContext(services, first.key(), clock, c -> false);
        ctx1.crashAfterCommitOn = 6;
        assertThatThrownBy(() -> first.run(ctx1)).isInstanceOf(StoreContext.Crash.class);
        String afterCrash = ctx1.checkpoint().orElseThrow();
        assertThat(afterCrash).contains("h:");
        assertThat(ctx1.stored()).isEqualTo(3 + 800 + 200);
        Position.Hole hole = Position.decode(afterCrash).hole();

        long searchesBefore = server.requestCount("/2/tweets/search/recent");
        TwitterSource second = source();
        StoreContext ctx2 = new StoreContext(services, second.key(), clock, c -> false);
        ctx2.crashBeforeCommitOn = 2;
        assertThatThrownBy(() -> second.run(ctx2)).isInstanceOf(StoreContext.Crash.class);
        // it went on from the narrowed hole, not from the start of the gap
        String resumed = server.requests().stream().filter(r -> r.contains("/2/tweets/search/recent"))
                .skip(searchesBefore).findFirst().orElseThrow();
        assertThat(resumed).contains("until_id=" + hole.until()).contains("since_id=" + hole.since());

        polls.clear();
        StoreContext ctx3 = runFor(source(), Duration.ofMinutes(2));
        Map<String, String> stored = ctx3.storedTexts();
        assertThat(stored).hasSize(3 + 1250);
        for (FakeXServer.Post p : storm) {
            assertThat(stored.get(Long.toString(p.id()))).isEqualTo(p.text());
        }
        assertThat(ctx3.checkpoint().orElseThrow()).doesNotContain("h:");
        assertThat(server.tooManyRequests()).isZero();
    }

    @Test
    void whatIsOlderThanSevenDaysIsReportedWithItsSpanAndTheRestIsBackFilled() throws Exception {
        server.burst(3, T0, "before");
        runFor(source(), Duration.ofSeconds(30));
        Instant lastStored = T0;
        server.burst(300, T0.plus(Duration.ofDays(1)), "lost");
        List<FakeXServer.Post> reachable = server.burst(200, T0.plus(Duration.ofDays(5)), "reachable");
        server.burst(1000, T0.plus(Duration.ofDays(8)), "flood");
        clock.set(T0.plus(Duration.ofDays(8)).plus(Duration.ofHours(1)));
        polls.clear();
        StoreContext ctx = runFor(source(), Duration.ofMinutes(2));

        Map<String, String> stored = ctx.storedTexts();
        assertThat(stored).hasSize(3 + 200 + 1000);
        assertThat(stored).containsKey(Long.toString(reachable.get(0).id()));
        TwitterSource.PollReport gap = polls.stream().filter(TwitterSource.PollReport::gap).findFirst().orElseThrow();
        assertThat(gap.gapAfter()).isEqualTo(lastStored);
        Instant floor = gap.at().minus(TwitterSource.SEARCH_REACH);
        assertThat(gap.gapBefore()).isBetween(floor.minusSeconds(5), floor);
        assertThat(gap.gapReason()).contains("7 days");
        assertThat(server.tooManyRequests()).isZero();
    }

    @Test
    void aSearchOutsideTheAccessLevelReportsTheGapsExactSpan() throws Exception {
        server.burst(3, T0, "before");
        runFor(source(), Duration.ofSeconds(30));
        server.notEnrolled("search");
        List<FakeXServer.Post> flood = server.burst(1000, T0.plus(Duration.ofMinutes(5)), "flood");
        clock.set(T0.plus(Duration.ofMinutes(6)));
        polls.clear();
        StoreContext ctx = runFor(source(), Duration.ofMinutes(1));

        assertThat(ctx.stored()).isEqualTo(3 + 800);
        TwitterSource.PollReport gap = polls.stream().filter(TwitterSource.PollReport::gap).findFirst().orElseThrow();
        assertThat(gap.gapAfter()).isEqualTo(T0);
        assertThat(gap.gapBefore()).isEqualTo(flood.get(0).visibleAt());
        assertThat(gap.gapReason()).contains("client-not-enrolled").contains("GET /2/tweets/search/recent");
        assertThat(ctx.last().gapAfter()).isEqualTo(T0);
        assertThat(ctx.last().state()).isEqualTo(State.LIVE); // the mentions go on
    }
}
