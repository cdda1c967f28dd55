package org.crisisdesk.source.twitter;

import java.util.Comparator;

/**
 * The X source's checkpoint: the newest mention id stored (and the newest keyword-search id), written in the same
 * transaction as the posts it covers. Encoded as {@code m:<id>;s:<id>}; "" is the empty position.
 */
record Position(String mentionsSince, String searchSince) {
    static final Position NONE = new Position(null, null);

    /** Orders numeric ids as numbers (shorter is smaller), without parsing them. */
    static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    static Position decode(String s) {
        if (s == null || s.isBlank()) {
            return NONE;
        }
        String m = null;
        String q = null;
        for (String part : s.split(";")) {
            String p = part.strip();
            if (p.startsWith("m:")) {
                m = id(p.substring(2));
            } else if (p.startsWith("s:")) {
                q = id(p.substring(2));
            } else {
                m = id(p);
            }
        }
        return new Position(m, q);
    }

    private static String id(String s) {
        String t = s.strip();
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.chars().allMatch(c -> c == '0')) {
            return null;
        }
        return t;
    }

    String encode() {
        StringBuilder sb = new StringBuilder();
        if (mentionsSince != null) {
            sb.append("m:").append(mentionsSince);
        }
        if (searchSince != null) {
            sb.append(sb.length() > 0 ? ";" : "").append("s:").append(searchSince);
        }
        return sb.toString();
    }

    Position withMentions(String id) {
        return new Position(newer(mentionsSince, id), searchSince);
    }

    Position withSearch(String id) {
        return new Position(mentionsSince, newer(searchSince, id));
    }

    /** The newer of two ids (a checkpoint never moves back). */
    static String newer(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return ID_ORDER.compare(a, b) >= 0 ? a : b;
    }
}
