package org.crisisdesk.triage;

import org.crisisdesk.mention.Mention;

/** Suggests a category for a new mention. Called on the pipeline thread; implementations must be thread-safe. */
public interface Suggester {
    Suggester NONE = m -> Suggestion.NONE;

    Suggestion suggest(Mention mention);

    /** Confidence at or above which a suggestion files the mention automatically; above 1 means never. */
    default double autoFileThreshold() {
        return 2.0;
    }

    /**
     * Whether a confident suggestion of {@code categoryId} may file a mention without a person. Never for the
     * customer-centre column or a spam-like category: a mistake there is exported to the customer centre or hidden.
     */
    default boolean mayAutoFile(long categoryId) {
        return true;
    }

    /** A person filed {@code mention} into {@code categoryId} (a move is a label); learning engines update. */
    default void learn(Mention mention, long categoryId) {}

    /** Categories or their rules changed (create, rename, rules, merge, archive): re-read them. */
    default void categoriesChanged() {}

    /** A person took {@code mention} back to Unsorted (e.g. an undo): learning engines forget that label. */
    default void forget(Mention mention) {}
}
