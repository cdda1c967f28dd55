package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The accuracy floor: trained on the demo scenario, tested on the held-out set written from a separate bank. */
class TriageAccuracyTest {

    @Test
    void learnedEngineBeatsTheKeywordBaselineByFar() {
        TriageEvaluation.Report r = TriageEvaluation.run(DemoData.scenario(), DemoData.heldout(), DemoData.rules());
        assertThat(r.engine().tested()).isEqualTo(400);
        // Measured: baseline 0.620 / macro-F1 0.668; engine 0.865 / 0.849 (logistic regression; naive Bayes had
        // 0.878 / 0.860 here, tuned on this data); reference 0.713 / 0.636.
        assertThat(r.baseline().accuracy()).isBetween(0.55, 0.66);
        assertThat(r.engine().accuracy()).isGreaterThanOrEqualTo(0.82);
        assertThat(r.engine().macroF1()).isGreaterThanOrEqualTo(0.80);
        assertThat(r.engine().accuracy() - r.baseline().accuracy()).isGreaterThanOrEqualTo(0.18);
        assertThat(r.engine().macroF1() - r.baseline().macroF1()).isGreaterThanOrEqualTo(0.12);
        for (TriageEvaluation.CategoryScore c : r.engine().perCategory()) {
            assertThat(c.f1()).as(c.category()).isGreaterThan(0.6);
        }
    }

    @Test
    void theOtherWayRoundTooAFewHundredLabelsBeatTheRulesAlone() {
        // 400 labels from Sunday's bank, tested on Saturday's 2,379 mentions. Measured: baseline 0.638, engine 0.769.
        TriageEvaluation.Report r = TriageEvaluation.run(DemoData.heldout(), DemoData.scenario(), DemoData.rules());
        assertThat(r.engine().accuracy()).isGreaterThanOrEqualTo(0.72);
        assertThat(r.engine().accuracy() - r.baseline().accuracy()).isGreaterThanOrEqualTo(0.08);
    }

    /**
     * The evaluation crises (assets/scenarios/eval, other industries than the demo, never used to tune the engine's
     * weights against their test splits): the engine with each crisis's rules against its keyword baseline and the
     * reference model (TF-IDF character 1-4-grams + logistic regression, default settings), on the fixed 60/40 split.
     * Measured (engine / reference accuracy): airline-storm 0.875 / 0.846, bank-outage 0.882 / 0.790, food-leak
     * 0.911 / 0.783, ticket-crash 0.917 / 0.844 (written after the parameters were chosen).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"airline-storm", "bank-outage", "food-leak", "ticket-crash"})
    void onEveryEvaluationCrisisTheEngineBeatsTheReferenceAndNoCategoryVanishes(String crisis) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("assets/scenarios/eval");
        List<LabelledMentions.Labelled> train = LabelledMentions.read(dir.resolve(crisis + ".train.jsonl"), null);
        List<LabelledMentions.Labelled> test = LabelledMentions.read(dir.resolve(crisis + ".test.jsonl"), null);
        List<CategoryFile.Spec> rules;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(dir.resolve(crisis + ".categories.json"))) {
            rules = CategoryFile.read(in);
        }
        assertThat(train.size() + test.size()).isGreaterThanOrEqualTo(400);
        TriageEvaluation.Report r = TriageEvaluation.run(train, test, rules);
        assertThat(r.engine().accuracy()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.engine().macroF1()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.engine().accuracy()).isGreaterThanOrEqualTo(r.reference().accuracy());
        assertThat(r.engine().macroF1()).isGreaterThanOrEqualTo(r.reference().macroF1());
        assertThat(r.engine().accuracy() - r.baseline().accuracy()).isGreaterThanOrEqualTo(0.15);
        java.util.Map<String, Long> labels = train.stream().collect(java.util.stream.Collectors.groupingBy(
                LabelledMentions.Labelled::category, java.util.stream.Collectors.counting()));
        for (TriageEvaluation.CategoryScore c : r.engine().perCategory()) {
            if (labels.getOrDefault(c.category(), 0L) >= 10) {
                assertThat(c.recall()).as(c.category()).isGreaterThanOrEqualTo(0.6);
            }
        }
    }

    /**
     * The learned part alone (no rules file: only the labels and the categories' names) against the reference, on
     * every held-out crisis, by at least a point of accuracy and of macro-F1. Measured (engine / reference, accuracy
     * and macro-F1): airline-storm 0.861 / 0.846 and 0.854 / 0.840, bank-outage 0.871 / 0.790 and 0.876 / 0.746,
     * food-leak 0.889 / 0.783 and 0.895 / 0.790, ticket-crash 0.891 / 0.844 and 0.879 / 0.818. The full table with
     * learning curves: {@code crisisdesk triage eval --cross --no-rules --curve} (docs/triage.md).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"airline-storm", "bank-outage", "food-leak", "ticket-crash"})
    void withoutRulesTheLearnedModelStillBeatsTheReference(String crisis) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("assets/scenarios/eval");
        List<LabelledMentions.Labelled> train = LabelledMentions.read(dir.resolve(crisis + ".train.jsonl"), null);
        List<LabelledMentions.Labelled> test = LabelledMentions.read(dir.resolve(crisis + ".test.jsonl"), null);
        TriageEvaluation.Report r = TriageEvaluation.run(train, test, null);
        assertThat(r.engine().accuracy() - r.reference().accuracy()).as("accuracy over the reference")
                .isGreaterThanOrEqualTo(0.01);
        assertThat(r.engine().macroF1() - r.reference().macroF1()).as("macro-F1 over the reference")
                .isGreaterThanOrEqualTo(0.01);
        java.util.Map<String, Long> labels = train.stream().collect(java.util.stream.Collectors.groupingBy(
                LabelledMentions.Labelled::category, java.util.stream.Collectors.counting()));
        for (TriageEvaluation.CategoryScore c : r.engine().perCategory()) {
            if (labels.getOrDefault(c.category(), 0L) >= 10) {
                assertThat(c.recall()).as(c.category()).isGreaterThanOrEqualTo(0.4);
            }
        }
    }
}
