package org.crisisdesk.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measures behind an alert ("count=43;window=15;noticeAgo=52"), kept apart from the English message so the desk
 * and the handover report can word them in either language. Values never hold ';' or '=' (they are escaped).
 * Immutable.
 */
public final class Facts {
    public static final Facts NONE = new Facts(Map.of());

    private final Map<String, String> values;

    private Facts(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Alternating keys and values; values are written with {@code String.valueOf} (instants as ISO-8601). */
    public static Facts of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put(String.valueOf(keysAndValues[i]), String.valueOf(keysAndValues[i + 1]));
            }
        }
        return new Facts(m);
    }

    public static Facts decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return NONE;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : encoded.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(unescape(pair.substring(0, eq)), unescape(pair.substring(eq + 1)));
            }
        }
        return new Facts(m);
    }

    public String encode() {
        StringBuilder sb = new StringBuilder();
        for (var e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(escape(e.getKey())).append('=').append(escape(e.getValue()));
        }
        return sb.toString();
    }

    public String get(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public long getLong(String key, long fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public double getDouble(String key, double fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public Instant getInstant(String key) {
        String v = values.get(key);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public Map<String, String> asMap() {
        return values;
    }

    private static String escape(String s) {
        return s.replace("%", "%25").replace(";", "%3B").replace("=", "%3D");
    }

    private static String unescape(String s) {
        return s.replace("%3D", "=").replace("%3B", ";").replace("%25", "%");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Facts f && f.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}
