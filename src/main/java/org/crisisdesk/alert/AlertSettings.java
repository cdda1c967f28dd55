package org.crisisdesk.alert;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A snapshot of the alert settings: raw stored values with the fallback chain category → desk → built-in default.
 * A stored value that cannot be read (edited by hand, from an older version) is skipped, never fatal. Immutable.
 */
public final class AlertSettings {
    public static final String PREFIX = "alert.";
    public static final String DESK_PREFIX = "alert.desk.";
    public static final String CATEGORY_PREFIX = "alert.cat.";
    public static final AlertSettings DEFAULTS = new AlertSettings(Map.of());

    private final Map<String, String> stored;

    /** @param stored setting rows by name (only {@code alert.*} names matter) */
    public AlertSettings(Map<String, String> stored) {
        this.stored = Collections.unmodifiableMap(new HashMap<>(stored));
    }

    /** The value in force for a category (null: the desk's). */
    public String value(Long categoryId, AlertKey key) {
        if (categoryId != null && !key.deskOnly()) {
            String v = readable(key, stored.get(key.settingName(categoryId)));
            if (v != null) {
                return v;
            }
        }
        String v = readable(key, stored.get(key.settingName(null)));
        return v != null ? v : key.defaultValue();
    }

    /** The category's own override, or null when it inherits. */
    public String override(Long categoryId, AlertKey key) {
        return readable(key, stored.get(key.settingName(categoryId)));
    }

    private static String readable(AlertKey key, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return key.normalize(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean bool(Long categoryId, AlertKey key) {
        return Boolean.parseBoolean(value(categoryId, key));
    }

    public int integer(Long categoryId, AlertKey key) {
        return Integer.parseInt(value(categoryId, key));
    }

    public Duration minutes(Long categoryId, AlertKey key) {
        return Duration.ofMinutes(integer(categoryId, key));
    }

    public Phase phase(long categoryId) {
        return Phase.valueOf(value(categoryId, AlertKey.CADENCE_PHASE));
    }

    public RuleSettings forCategory(long id) {
        Long c = id;
        return new RuleSettings(
                new RuleSettings.Volume(bool(c, AlertKey.VOLUME_ENABLED), integer(c, AlertKey.VOLUME_COUNT),
                        minutes(c, AlertKey.VOLUME_WINDOW)),
                new RuleSettings.Cadence(bool(c, AlertKey.CADENCE_ENABLED), phase(id),
                        minutes(c, AlertKey.CADENCE_INVESTIGATING), minutes(c, AlertKey.CADENCE_IDENTIFIED),
                        minutes(c, AlertKey.CADENCE_MONITORING), minutes(c, AlertKey.CADENCE_WARN)),
                new RuleSettings.Eta(bool(c, AlertKey.ETA_ENABLED), minutes(c, AlertKey.ETA_ESCALATE)),
                new RuleSettings.Spike(bool(c, AlertKey.SPIKE_ENABLED), minutes(c, AlertKey.SPIKE_WINDOW),
                        minutes(c, AlertKey.SPIKE_BASELINE), Double.parseDouble(value(c, AlertKey.SPIKE_FACTOR)),
                        integer(c, AlertKey.SPIKE_MIN)));
    }

    public RuleSettings.Backlog backlog() {
        return new RuleSettings.Backlog(bool(null, AlertKey.BACKLOG_ENABLED), integer(null, AlertKey.BACKLOG_COUNT),
                minutes(null, AlertKey.BACKLOG_AGE));
    }

    /** How long a condition must stay away before its alert clears. */
    public Duration clearAfter() {
        return minutes(null, AlertKey.CLEAR_AFTER);
    }
}
