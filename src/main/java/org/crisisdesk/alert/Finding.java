package org.crisisdesk.alert;

/**
 * A rule's verdict for one category at one moment: the condition holds, at this level (1 and up; higher means
 * worse), with the measures behind it and an English sentence for logs and reports.
 *
 * @param categoryId null for the Unsorted backlog
 */
public record Finding(Long categoryId, Reason reason, int level, Facts facts, String message) {
    public Finding {
        if (level < 1) {
            throw new IllegalArgumentException("a finding has level 1 or more");
        }
    }

    public Key key() {
        return new Key(categoryId, reason);
    }

    /** At most one active alert exists per key. */
    public record Key(Long categoryId, Reason reason) {}
}
