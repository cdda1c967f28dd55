package org.crisisdesk.source.twitter;

import java.util.Comparator;

/**
 * The X source's checkpoint: the newest mention id stored, the newest keyword-search id, and a hole still to be
 * back-filled from search, written in the same transaction as the posts it covers. Encoded as
 * {@code m:<id>;s:<id>;h:<since>-<until>}; "" is the empty position.
 *
 * <p>The hole is what lets the mentions checkpoint move past posts the mentions endpoint could not reach (it serves
 * only the newest 800): the first batch that moves {@code m} beyond them records the hole with it, and the back-fill
 * narrows it page by page ({@code until} moves down to the oldest id stored) until search has nothing left in it.
 * A crash anywhere therefore resumes with exactly the part not yet stored.
 *
 * @param hole mentions with {@code since < id < until} may exist that are not stored yet, or null
 */
record Position(String mentionsSince, String searchSince, Hole hole) {
    static final Position NONE = new Position(null, null, null);

    /** Both bounds exclusive: the checkpoint before the gap, and the oldest post the mentions walk reached. */
    record Hole(String since, String until) {
        String encode() {
            return since + "-" + until;
        }

        /** This hole and another as one: the span from the older since to the newer until. */
        Hole merge(Hole other) {
            if (other == null) {
                return this;
            }
            String s = ID_ORDER.compare(since, other.since) <= 0 ? since : other.since;
            return new Hole(s, newer(until, other.until));
        }
    }

    /** Orders numeric ids as numbers (shorter is smaller), without parsing them. */
    static final Comparator<String> ID_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    Position(String mentionsSince, String searchSince) {
        this(mentionsSince, searchSince, null);
    }

    static Position decode(String s) {
        if (s == null || s.isBlank()) {
            return NONE;
        }
        String m = null;
        String q = null;
        Hole h = null;
        for (String part : s.split(";")) {
            String p = part.strip();
            if (p.startsWith("m:")) {
                m = id(p.substring(2));
            } else if (p.startsWith("s:")) {
                q = id(p.substring(2));
            } else if (p.startsWith("h:")) {
                String[] bounds = p.substring(2).split("-", 2);
                String since = bounds.length == 2 ? id(bounds[0]) : null;
                String until = bounds.length == 2 ? id(bounds[1]) : null;
                if (since != null && until != null && ID_ORDER.compare(since, until) < 0) {
                    h = new Hole(since, until);
                }
            } else {
                m = id(p);
            }
        }
        return new Position(m, q, h);
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
        if (hole != null) {
            sb.append(sb.length() > 0 ? ";" : "").append("h:").append(hole.encode());
        }
        return sb.toString();
    }

    Position withMentions(String id) {
        return new Position(newer(mentionsSince, id), searchSince, hole);
    }

    Position withSearch(String id) {
        return new Position(mentionsSince, newer(searchSince, id), hole);
    }

    /** Records (or widens the recorded) hole to include {@code since < id < until}. */
    Position withHole(String since, String until) {
        Hole h = new Hole(since, until);
        return new Position(mentionsSince, searchSince, h.merge(hole));
    }

    /** The hole narrowed to end before {@code until}; none when nothing can be left in it. */
    Position holeBefore(String until) {
        if (hole == null) {
            return this;
        }
        if (ID_ORDER.compare(until, hole.since) <= 0) {
            return withoutHole();
        }
        String u = ID_ORDER.compare(until, hole.until) < 0 ? until : hole.until;
        return new Position(mentionsSince, searchSince, new Hole(hole.since, u));
    }

    Position withoutHole() {
        return new Position(mentionsSince, searchSince, null);
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
