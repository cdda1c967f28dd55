package org.crisisdesk.triage;

import java.util.List;
import java.util.Optional;

/**
 * What the rules found in one text: per category that any rule touched, the words (and regex matches) that matched
 * and the exclusions that vetoed it, in rule-priority order.
 */
public record RuleMatch(List<Hit> hits) {

    public RuleMatch {
        hits = List.copyOf(hits);
    }

    /** One category's evidence. It matches when something matched and no exclusion vetoed it. */
    public record Hit(Category category, List<String> matched, List<String> excludedBy) {
        public Hit {
            matched = List.copyOf(matched);
            excludedBy = List.copyOf(excludedBy);
        }

        public boolean matches() {
            return !matched.isEmpty() && excludedBy.isEmpty();
        }

        /** "matched: 배송, 지연", or why the category was vetoed. */
        public String explanation() {
            if (!excludedBy.isEmpty()) {
                return "excluded: " + String.join(", ", excludedBy);
            }
            return "matched: " + String.join(", ", matched);
        }
    }

    /** The first matching category in rule order: the rules-only decision. */
    public Optional<Hit> first() {
        return hits.stream().filter(Hit::matches).findFirst();
    }

    public Optional<Hit> hit(long categoryId) {
        return hits.stream().filter(h -> h.category().id() == categoryId).findFirst();
    }

    public List<Hit> matching() {
        return hits.stream().filter(Hit::matches).toList();
    }
}
