package org.crisisdesk.source.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacingTest {
    private static final Instant NOW = Instant.parse("2026-10-17T05:00:00Z");

    @Test
    void pollsStretchSoTheWindowLastsAndKeepAReserveForPaging() {
        Pacer p = new Pacer();
        Duration base = Duration.ofSeconds(10);
        assertThat(p.untilNextPoll(XClient.Endpoint.MENTIONS, NOW, base, 9)).isEqualTo(base);
        // 75 per 15 minutes (v1.1): 70 left, 5 kept for paging, 14:59 (+1 s margin) to go → 65 polls before the reset
        // and the 66th on it: one every ~13.6 s.
        p.observe(XClient.Endpoint.MENTIONS, new RateLimit(75, 70, NOW.plus(Duration.ofMinutes(15)).minusSeconds(1)));
        assertThat(p.untilNextPoll(XClient.Endpoint.MENTIONS, NOW, base, 5)).isEqualTo(Duration.ofSeconds(900).dividedBy(66));
        // Only the reserve left: wait for the reset.
        p.observe(XClient.Endpoint.MENTIONS, new RateLimit(75, 5, NOW.plusSeconds(120)));
        assertThat(p.untilNextPoll(XClient.Endpoint.MENTIONS, NOW, base, 5)).isEqualTo(Duration.ofSeconds(121));
        assertThat(p.beforeRequest(XClient.Endpoint.MENTIONS, NOW)).isZero();
        // Nothing left: hold even a paging request until the reset.
        p.observe(XClient.Endpoint.MENTIONS, new RateLimit(75, 0, NOW.plusSeconds(30)));
        assertThat(p.beforeRequest(XClient.Endpoint.MENTIONS, NOW)).isEqualTo(Duration.ofSeconds(31));
        // A window that has reset no longer holds anything back.
        assertThat(p.beforeRequest(XClient.Endpoint.MENTIONS, NOW.plusSeconds(31))).isZero();
        assertThat(p.untilNextPoll(XClient.Endpoint.MENTIONS, NOW.plusSeconds(31), base, 5)).isEqualTo(base);
    }

    @Test
    void thePagingReserveFollowsTheObservedLimit() {
        int fullWalk = 800 / 100 + 1;
        assertThat(Pacer.pagingReserve(new RateLimit(10, 9, NOW), fullWalk)).isEqualTo(1);
        assertThat(Pacer.pagingReserve(new RateLimit(75, 70, NOW), fullWalk)).isEqualTo(7);
        assertThat(Pacer.pagingReserve(new RateLimit(300, 299, NOW), fullWalk)).isEqualTo(9);
        assertThat(Pacer.pagingReserve(new RateLimit(3, 2, NOW), fullWalk)).isEqualTo(1);
        assertThat(Pacer.pagingReserve(null, fullWalk)).isEqualTo(fullWalk);
        // 10 per 15 minutes, right after the first poll: 9 left, 1 kept → 8 more polls, the 9th on the reset: 100 s
        Pacer p = new Pacer();
        RateLimit ten = new RateLimit(10, 9, NOW.plus(Duration.ofMinutes(15)).minus(Pacer.MARGIN));
        p.observe(XClient.Endpoint.MENTIONS, ten);
        assertThat(p.untilNextPoll(XClient.Endpoint.MENTIONS, NOW, Duration.ofSeconds(10),
                Pacer.pagingReserve(ten, fullWalk))).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void backOffDoublesWithJitterUpToTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(1));
        long previousCeiling = 0;
        for (int i = 1; i <= 12; i++) {
            Duration d = b.next();
            long ceiling = Math.min(2000L << (i - 1), 300_000L);
            assertThat(d.toMillis()).isBetween(ceiling / 2, ceiling);
            assertThat(ceiling).isGreaterThanOrEqualTo(previousCeiling);
            previousCeiling = ceiling;
        }
        b.reset();
        assertThat(b.next().toMillis()).isBetween(1000L, 2000L);
    }

    @Test
    void positionsRoundTripAndNeverMoveBack() {
        Position p = Position.decode("m:1800000000000000100;s:1800000000000000050");
        assertThat(p.mentionsSince()).isEqualTo("1800000000000000100");
        assertThat(p.searchSince()).isEqualTo("1800000000000000050");
        assertThat(Position.decode(p.encode())).isEqualTo(p);
        assertThat(p.withMentions("999").mentionsSince()).isEqualTo("1800000000000000100");
        assertThat(Position.decode("12345").mentionsSince()).isEqualTo("12345");
        assertThat(Position.decode("")).isEqualTo(Position.NONE);
        assertThat(Position.NONE.encode()).isEmpty();
    }
}
