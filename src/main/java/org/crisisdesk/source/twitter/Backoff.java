package org.crisisdesk.source.twitter;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter for 5xx, timeouts and malformed responses: the n-th wait is drawn from
 * [d/2, d] with d = min(cap, base·2^(n-1)), so many desks that failed together do not retry together.
 */
final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private int attempts;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    Duration next() {
        attempts++;
        long ceiling = base.toMillis() << Math.min(30, attempts - 1);
        if (ceiling <= 0 || ceiling > cap.toMillis()) {
            ceiling = cap.toMillis();
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half)));
    }

    int attempts() {
        return attempts;
    }

    void reset() {
        attempts = 0;
    }
}
