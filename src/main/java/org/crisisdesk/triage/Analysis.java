package org.crisisdesk.triage;

import java.util.List;

/**
 * The engine's full opinion of one text: every active category with its probability, whether its rules matched, and
 * what the classifier alone thought.
 *
 * @param normalizedText the text as rules and classifier saw it
 * @param ranking        categories, most likely first
 */
public record Analysis(String normalizedText, List<Scored> ranking, RuleMatch rules, Suggestion suggestion) {

    public Analysis {
        ranking = List.copyOf(ranking);
    }

    /**
     * @param probability           combined confidence (0 when the engine has no evidence at all)
     * @param ruleMatched           a keyword or regex matched and no exclusion vetoed it
     * @param classifierProbability the classifier's calibrated probability, NaN when it knows nothing of the category
     */
    public record Scored(Category category, double probability, boolean ruleMatched, double classifierProbability) {}
}
