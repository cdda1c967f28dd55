package org.crisisdesk.source.twitter;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Spaces requests so that normal operation never meets a 429: from each endpoint's last {@code x-rate-limit-*}
 * headers it stretches the poll interval until the remaining requests, less a reserve for paging through a burst,
 * last until the window resets, and holds any request when nothing remains. Not thread-safe (one per source).
 */
final class Pacer {
    /** Clocks differ and X rounds reset to the second: wait this much past a reset before counting on it. */
    static final Duration MARGIN = Duration.ofSeconds(1);

    private final Map<XClient.Endpoint, RateLimit> windows = new EnumMap<>(XClient.Endpoint.class);

    void observe(XClient.Endpoint endpoint, RateLimit rate) {
        if (rate != null) {
            windows.put(endpoint, rate);
        }
    }

    RateLimit window(XClient.Endpoint endpoint) {
        return windows.get(endpoint);
    }

    /** How long to hold one more request to {@code endpoint}: until its reset when none remains, else zero. */
    Duration beforeRequest(XClient.Endpoint endpoint, Instant now) {
        RateLimit w = windows.get(endpoint);
        if (w == null || !w.current(now) || w.remaining() > 0) {
            return Duration.ZERO;
        }
        return Duration.between(now, w.reset().plus(MARGIN));
    }

    /**
     * How many requests of a window to keep for paging back through a burst: a tenth of the observed limit, at least
     * one and at most a full walk of the mentions window ({@code fullWalk} pages). With 10 requests per 15 minutes
     * that keeps 1 and polls about every 100 s; with 300 it keeps a full walk and polls at the chosen interval.
     */
    static int pagingReserve(RateLimit w, int fullWalk) {
        if (w == null) {
            return fullWalk;
        }
        return Math.max(1, Math.min(fullWalk, w.limit() / 10));
    }

    /**
     * How long until the next poll: at least {@code base}; longer when the window's remaining requests, keeping
     * {@code reserve} for paging back through a burst, would not otherwise last until its reset. The usable requests
     * are spread so that the poll after the last of them falls on the reset, when a new window opens anyway.
     */
    Duration untilNextPoll(XClient.Endpoint endpoint, Instant now, Duration base, int reserve) {
        RateLimit w = windows.get(endpoint);
        if (w == null || !w.current(now)) {
            return base;
        }
        Duration toReset = Duration.between(now, w.reset().plus(MARGIN));
        int usable = w.remaining() - reserve;
        if (usable <= 0) {
            return max(base, toReset);
        }
        return max(base, toReset.dividedBy(usable + 1L));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
