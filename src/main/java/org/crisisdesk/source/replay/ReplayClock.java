package org.crisisdesk.source.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Scenario time: starts at the scenario's start and runs {@code speed} times faster than the wall clock, or stands
 * still while paused. In demo mode the whole desk runs on this clock, so "15 minutes" means 15 scenario minutes and
 * "as of 12:20" matches the story. Thread-safe.
 */
public final class ReplayClock extends Clock {
    private final Clock wall;
    private final ZoneId zone;
    private Instant wallAnchor;
    private Instant scenarioAnchor;
    private double speed;
    private boolean paused;

    public ReplayClock(Clock wall, Instant scenarioStart, double speed) {
        this(wall, scenarioStart, speed, wall.getZone());
    }

    private ReplayClock(Clock wall, Instant scenarioStart, double speed, ZoneId zone) {
        this.wall = wall;
        this.zone = zone;
        this.wallAnchor = wall.instant();
        this.scenarioAnchor = scenarioStart;
        this.speed = speed;
    }

    @Override
    public synchronized Instant instant() {
        if (paused) {
            return scenarioAnchor;
        }
        long wallNanos = Duration.between(wallAnchor, wall.instant()).toNanos();
        return scenarioAnchor.plusNanos((long) (wallNanos * speed));
    }

    /** Jumps scenario time (used when a replay resumes from its checkpoint). */
    public synchronized void jumpTo(Instant scenarioTime) {
        wallAnchor = wall.instant();
        scenarioAnchor = scenarioTime;
    }

    public synchronized void setSpeed(double newSpeed) {
        reanchor();
        speed = newSpeed;
    }

    public synchronized double speed() {
        return speed;
    }

    public synchronized void setPaused(boolean pause) {
        if (pause != paused) {
            reanchor();
            paused = pause;
        }
    }

    public synchronized boolean paused() {
        return paused;
    }

    /** Wall time until scenario time reaches {@code target} at the current speed (zero when already there). */
    public synchronized Duration wallTimeUntil(Instant target) {
        Duration scenario = Duration.between(instant(), target);
        if (scenario.isNegative() || scenario.isZero()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (scenario.toNanos() / speed));
    }

    private void reanchor() {
        scenarioAnchor = instant();
        wallAnchor = wall.instant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ZoneShifted(this, newZone);
    }

    /** The same scenario time seen in another zone. */
    private static final class ZoneShifted extends Clock {
        private final ReplayClock base;
        private final ZoneId zone;

        ZoneShifted(ReplayClock base, ZoneId zone) {
            this.base = base;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return base.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new ZoneShifted(base, newZone);
        }
    }
}
