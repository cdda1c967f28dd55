package org.crisisdesk.source.twitter;

import java.util.Locale;

/** Which generation of the X API the connector talks to. */
public enum ApiVersion {
    /** X API v2: what ordinary paid access offers today. The default. */
    V2("v2"),
    /** X API v1.1: enterprise or compatible endpoints. */
    V1_1("v1.1");

    private final String label;

    ApiVersion(String label) {
        this.label = label;
    }

    /** "v2" or "v1.1", as written in settings and on the command line. */
    public String label() {
        return label;
    }

    /** Reads "v2", "2", "v1.1", "1.1" (any case); blank means v2. */
    public static ApiVersion parse(String s) {
        if (s == null || s.isBlank()) {
            return V2;
        }
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("v")) {
            v = v.substring(1);
        }
        switch (v) {
            case "2":
                return V2;
            case "1.1":
            case "1":
                return V1_1;
            default:
                throw new IllegalArgumentException("Unknown X API version \"" + s + "\": use v2 or v1.1");
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
