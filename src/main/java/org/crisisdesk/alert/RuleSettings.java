package org.crisisdesk.alert;

import java.time.Duration;

/** The rules that watch one category, resolved from its overrides, the desk's defaults and the built-in ones. */
public record RuleSettings(Volume volume, Cadence cadence, Eta eta, Spike spike) {

    /** N new mentions within {@code window} since the last notice. */
    public record Volume(boolean enabled, int count, Duration window) {}

    /** A notice is due every {@link #every()} after the last one; warn {@code warn} before. */
    public record Cadence(boolean enabled, Phase phase, Duration investigating, Duration identified,
            Duration monitoring, Duration warn) {
        /** The interval of the current phase; null when CLOSED (no cadence). */
        public Duration every() {
            return switch (phase) {
                case INVESTIGATING -> investigating;
                case IDENTIFIED -> identified;
                case MONITORING -> monitoring;
                case CLOSED -> null;
            };
        }
    }

    /** A promised ETA / next update that passed; escalates once it is {@code escalateAfter} late. */
    public record Eta(boolean enabled, Duration escalateAfter) {}

    /** Recent count over {@code window} against the trailing {@code baseline} before it. */
    public record Spike(boolean enabled, Duration window, Duration baseline, double factor, int minCount) {}

    /** Unsorted holds more than {@code count} mentions or its oldest is older than {@code age}. */
    public record Backlog(boolean enabled, int count, Duration age) {}
}
