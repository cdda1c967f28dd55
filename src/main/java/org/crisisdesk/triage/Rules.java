package org.crisisdesk.triage;

import java.util.List;

/** Keyword rules of a category: words and phrases, optional Java regular expressions, and exclusions. */
public record Rules(List<String> keywords, List<String> regexes, List<String> exclusions) {
    public static final Rules NONE = new Rules(List.of(), List.of(), List.of());

    public Rules {
        keywords = List.copyOf(keywords);
        regexes = List.copyOf(regexes);
        exclusions = List.copyOf(exclusions);
    }

    /** Stored one rule per line; a rule cannot itself hold a line break. */
    static String join(List<String> rules) {
        return String.join("\n", rules);
    }

    static List<String> split(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }

    public Rules plus(Rules other) {
        return new Rules(union(keywords, other.keywords), union(regexes, other.regexes),
                union(exclusions, other.exclusions));
    }

    private static List<String> union(List<String> a, List<String> b) {
        var set = new java.util.LinkedHashSet<>(a);
        set.addAll(b);
        return List.copyOf(set);
    }
}
