package org.crisisdesk.alert;

import java.util.Locale;

/**
 * One editable alert setting. Stored in the {@code setting} table as {@code alert.desk.<name>} (the desk's default)
 * or {@code alert.cat.<categoryId>.<name>} (one category's override); a missing or unreadable value falls back to
 * the desk's, then to the built-in default here.
 */
public enum AlertKey {
    VOLUME_ENABLED("volume.enabled", Type.BOOL, "true", 0, 0, false),
    /** N new mentions ... */
    VOLUME_COUNT("volume.count", Type.INT, "30", 1, 100_000, false),
    /** ... within W minutes (and since the last notice). */
    VOLUME_WINDOW("volume.window", Type.INT, "15", 1, 1440, false),

    CADENCE_ENABLED("cadence.enabled", Type.BOOL, "true", 0, 0, false),
    CADENCE_PHASE("cadence.phase", Type.PHASE, Phase.INVESTIGATING.name(), 0, 0, false),
    CADENCE_INVESTIGATING("cadence.investigating", Type.INT, "30", 1, 1440, false),
    CADENCE_IDENTIFIED("cadence.identified", Type.INT, "60", 1, 1440, false),
    CADENCE_MONITORING("cadence.monitoring", Type.INT, "120", 1, 1440, false),
    /** Warn this many minutes before a notice is due. */
    CADENCE_WARN("cadence.warn", Type.INT, "5", 0, 1440, false),

    ETA_ENABLED("eta.enabled", Type.BOOL, "true", 0, 0, false),
    /** A missed promise escalates once it is this many minutes late. */
    ETA_ESCALATE("eta.escalate", Type.INT, "30", 1, 1440, false),

    SPIKE_ENABLED("spike.enabled", Type.BOOL, "true", 0, 0, false),
    /** Recent window (minutes). */
    SPIKE_WINDOW("spike.window", Type.INT, "15", 1, 240, false),
    /** Trailing baseline before the recent window (minutes). */
    SPIKE_BASELINE("spike.baseline", Type.INT, "60", 5, 1440, false),
    /** Recent count must reach this multiple of the baseline's rate for the same length of time. */
    SPIKE_FACTOR("spike.factor", Type.DOUBLE, "3", 1.1, 100, false),
    /** ... and at least this many mentions, so quiet categories do not flap. */
    SPIKE_MIN("spike.min", Type.INT, "10", 1, 100_000, false),

    BACKLOG_ENABLED("backlog.enabled", Type.BOOL, "true", 0, 0, true),
    /** Unsorted holds more than this many mentions ... */
    BACKLOG_COUNT("backlog.count", Type.INT, "50", 1, 1_000_000, true),
    /** ... or its oldest mention is older than this many minutes. */
    BACKLOG_AGE("backlog.age", Type.INT, "30", 1, 10_080, true),

    /** An alert whose condition stays away this many minutes clears (so a value hovering at a threshold does not flap). */
    CLEAR_AFTER("clear.after", Type.INT, "10", 0, 1440, true);

    public enum Type {
        BOOL,
        INT,
        DOUBLE,
        PHASE
    }

    private final String name;
    private final Type type;
    private final String defaultValue;
    private final double min;
    private final double max;
    private final boolean deskOnly;

    AlertKey(String name, Type type, String defaultValue, double min, double max, boolean deskOnly) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.deskOnly = deskOnly;
    }

    /** The key's own part, e.g. {@code volume.count}. */
    public String keyName() {
        return name;
    }

    public Type type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Settings of the desk as a whole (Unsorted backlog, clearing): no per-category override. */
    public boolean deskOnly() {
        return deskOnly;
    }

    /** The setting's row name: {@code alert.desk.<name>} or {@code alert.cat.<id>.<name>}. */
    public String settingName(Long categoryId) {
        return categoryId == null ? AlertSettings.DESK_PREFIX + name : AlertSettings.CATEGORY_PREFIX + categoryId + "." + name;
    }

    /**
     * Checks and normalizes a value a person typed.
     *
     * @throws IllegalArgumentException with a message that says what is allowed
     */
    public String normalize(String raw) {
        String v = raw == null ? "" : raw.strip();
        switch (type) {
            case BOOL -> {
                String b = v.toLowerCase(Locale.ROOT);
                if (b.equals("true") || b.equals("false")) {
                    return b;
                }
                throw new IllegalArgumentException(name + " must be true or false, not \"" + raw + "\"");
            }
            case PHASE -> {
                try {
                    return Phase.valueOf(v.toUpperCase(Locale.ROOT)).name();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + " must be one of INVESTIGATING, IDENTIFIED, MONITORING, "
                            + "CLOSED, not \"" + raw + "\"");
                }
            }
            case INT -> {
                long n;
                try {
                    n = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " must be a whole number, not \"" + raw + "\"");
                }
                if (n < min || n > max) {
                    throw new IllegalArgumentException(name + " must be between " + (long) min + " and " + (long) max);
                }
                return Long.toString(n);
            }
            case DOUBLE -> {
                double d;
                try {
                    d = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " must be a number, not \"" + raw + "\"");
                }
                if (!(d >= min && d <= max)) {
                    throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
                }
                return Double.toString(d);
            }
            default -> throw new IllegalStateException(type.name());
        }
    }
}
