package org.crisisdesk.triage;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trains an in-memory engine on labelled mentions and measures it on others: precision, recall and F1 per category,
 * accuracy and macro-F1, next to a keyword-only baseline (the rules alone, first matching category; no match counts
 * as wrong). Works for any set of category names: the categories come from the rules file and the labels.
 */
public final class TriageEvaluation {
    private TriageEvaluation() {}

    /** Scores of one classifier on the test set. {@code perCategory} is in category order. */
    public record Scores(List<CategoryScore> perCategory, double accuracy, double macroF1, int tested, int unanswered,
            List<double[]> calibration) {}

    /** @param support how many test mentions truly belong to the category */
    public record CategoryScore(String category, double precision, double recall, double f1, int support,
            int predicted) {}

    /**
     * The engine's scores, the baseline's when rules were given (null otherwise) and the reference model's (TF-IDF
     * character 1-4-grams + logistic regression, {@link ReferenceModel}; null when not computed).
     */
    public record Report(List<String> categories, int trained, Scores engine, Scores baseline, Scores reference) {}

    /** One point of a learning curve: mean scores over {@code orders} random orders of the training labels. */
    public record CurvePoint(int labels, double engineAccuracy, double engineMacroF1, double referenceAccuracy,
            double referenceMacroF1, double minEngineMinusReferenceAccuracy) {}

    /** The sizes of the learning curve ({@code --curve}). */
    public static final int[] CURVE_SIZES = {25, 50, 100, 200};
    /** Random orders averaged per curve point, and the seed of the first. */
    public static final int CURVE_ORDERS = 5;
    public static final long CURVE_SEED = 24;

    public static Report run(List<LabelledMentions.Labelled> train, List<LabelledMentions.Labelled> test,
            List<CategoryFile.Spec> rules) {
        return run(train, test, rules, TriageEngine.Tuning.DEFAULT, true);
    }

    public static Report run(List<LabelledMentions.Labelled> train, List<LabelledMentions.Labelled> test,
            List<CategoryFile.Spec> rules, TriageEngine.Tuning tuning) {
        return run(train, test, rules, tuning, true);
    }

    public static Report run(List<LabelledMentions.Labelled> train, List<LabelledMentions.Labelled> test,
            List<CategoryFile.Spec> rules, TriageEngine.Tuning tuning, boolean withReference) {
        return run(train, test, rules, tuning, LinearModel.Params.DEFAULT, withReference);
    }

    static Report run(List<LabelledMentions.Labelled> train, List<LabelledMentions.Labelled> test,
            List<CategoryFile.Spec> rules, TriageEngine.Tuning tuning, LinearModel.Params params,
            boolean withReference) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, Rules> rulesByName = new LinkedHashMap<>();
        Map<String, CategoryFile.Spec> specs = new LinkedHashMap<>();
        if (rules != null) {
            for (CategoryFile.Spec s : rules) {
                names.add(s.name());
                rulesByName.put(s.name(), s.rules());
                specs.put(s.name(), s);
            }
        }
        train.forEach(l -> names.add(l.category()));
        test.forEach(l -> names.add(l.category()));
        List<Category> categories = new ArrayList<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        long id = 1;
        for (String n : names) {
            CategoryFile.Spec s = specs.get(n);
            categories.add(new Category(id, n, s == null ? CategoryStore.DEFAULT_COLOR : s.color(), (int) id,
                    s == null ? Category.Kind.TOPIC : s.kind(), false, rulesByName.getOrDefault(n, Rules.NONE)));
            ids.put(n, id);
            id++;
        }
        List<String> order = new ArrayList<>(names);

        TriageEngine engine = TriageEngine.inMemory(categories, tuning);
        if (params != LinearModel.Params.DEFAULT) {
            engine.train(params);
        }
        for (LabelledMentions.Labelled l : train) {
            engine.learn(l.mention(), ids.get(l.category()));
        }
        List<String> predicted = new ArrayList<>(test.size());
        List<Double> confidence = new ArrayList<>(test.size());
        for (LabelledMentions.Labelled l : test) {
            Suggestion s = engine.suggest(l.mention());
            predicted.add(s.categoryId() == null ? null : order.get((int) (s.categoryId() - 1)));
            confidence.add(s.confidence());
        }
        Scores engineScores = score(order, test, predicted, confidence);

        Scores baseline = null;
        if (rules != null) {
            RuleSet rs = RuleSet.compileLenient(categories, new ArrayList<>());
            List<String> base = new ArrayList<>(test.size());
            for (LabelledMentions.Labelled l : test) {
                base.add(rs.match(l.mention().text()).first().map(h -> h.category().name()).orElse(null));
            }
            baseline = score(order, test, base, null);
        }
        Scores reference = null;
        if (withReference && !train.isEmpty()) {
            ReferenceModel ref = ReferenceModel.fit(train.stream().map(l -> l.mention().text()).toList(),
                    train.stream().map(LabelledMentions.Labelled::category).toList());
            List<String> refPredicted = new ArrayList<>(test.size());
            for (LabelledMentions.Labelled l : test) {
                refPredicted.add(ref.predict(l.mention().text()));
            }
            reference = score(order, test, refPredicted, null);
        }
        return new Report(order, train.size(), engineScores, baseline, reference);
    }

    /**
     * The learning curve: for each size of {@link #CURVE_SIZES} no larger than the training set, the engine and the
     * reference trained on the first labels of {@link #CURVE_ORDERS} random orders (seeded) and scored on the whole
     * test set; means over the orders.
     */
    public static List<CurvePoint> curve(List<LabelledMentions.Labelled> train, List<LabelledMentions.Labelled> test,
            List<CategoryFile.Spec> rules) {
        List<CurvePoint> out = new ArrayList<>();
        for (int size : CURVE_SIZES) {
            if (size > train.size()) {
                break;
            }
            double ea = 0, ef = 0, ra = 0, rf = 0;
            double minGap = Double.POSITIVE_INFINITY;
            for (int o = 0; o < CURVE_ORDERS; o++) {
                List<LabelledMentions.Labelled> shuffled = new ArrayList<>(train);
                java.util.Collections.shuffle(shuffled, new java.util.Random(CURVE_SEED + o));
                Report r = run(shuffled.subList(0, size), test, rules, TriageEngine.Tuning.DEFAULT, true);
                ea += r.engine().accuracy();
                ef += r.engine().macroF1();
                ra += r.reference().accuracy();
                rf += r.reference().macroF1();
                minGap = Math.min(minGap, r.engine().accuracy() - r.reference().accuracy());
            }
            int n = CURVE_ORDERS;
            out.add(new CurvePoint(size, ea / n, ef / n, ra / n, rf / n, minGap));
        }
        return out;
    }

    /** Prints a learning curve as a table. */
    public static void printCurve(List<CurvePoint> points, PrintWriter out) {
        out.printf(Locale.ROOT, "Learning curve (first N labels of %d random orders, seed %d; means):%n", CURVE_ORDERS,
                CURVE_SEED);
        out.println("  labels  engine acc  engine F1  reference acc  reference F1  engine-reference acc/F1");
        for (CurvePoint p : points) {
            out.printf(Locale.ROOT, "  %6d  %10.3f  %9.3f  %13.3f  %12.3f  %+6.3f / %+6.3f%n", p.labels(),
                    p.engineAccuracy(), p.engineMacroF1(), p.referenceAccuracy(), p.referenceMacroF1(),
                    p.engineAccuracy() - p.referenceAccuracy(), p.engineMacroF1() - p.referenceMacroF1());
        }
        out.flush();
    }

    static Scores score(List<String> categories, List<LabelledMentions.Labelled> test, List<String> predicted,
            List<Double> confidence) {
        int correct = 0;
        int unanswered = 0;
        List<CategoryScore> per = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn
        categories.forEach(c -> counts.put(c, new int[3]));
        for (int i = 0; i < test.size(); i++) {
            String truth = test.get(i).category();
            String guess = predicted.get(i);
            if (guess == null) {
                unanswered++;
                counts.get(truth)[2]++;
            } else if (guess.equals(truth)) {
                correct++;
                counts.get(truth)[0]++;
            } else {
                counts.get(guess)[1]++;
                counts.get(truth)[2]++;
            }
        }
        double f1Sum = 0;
        int f1Count = 0;
        for (String c : categories) {
            int[] k = counts.get(c);
            int support = k[0] + k[2];
            int predictedCount = k[0] + k[1];
            if (support == 0 && predictedCount == 0) {
                continue; // neither in the test set nor guessed: not part of the macro average
            }
            double p = predictedCount == 0 ? 0 : (double) k[0] / predictedCount;
            double r = support == 0 ? 0 : (double) k[0] / support;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            per.add(new CategoryScore(c, p, r, f1, support, predictedCount));
            f1Sum += f1;
            f1Count++;
        }
        List<double[]> calibration = new ArrayList<>();
        if (confidence != null) {
            double[] edges = {0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99};
            for (int b = 0; b < edges.length; b++) {
                double lo = edges[b];
                double hi = b + 1 < edges.length ? edges[b + 1] : 1.01;
                int n = 0;
                int ok = 0;
                double confSum = 0;
                for (int i = 0; i < test.size(); i++) {
                    double cf = confidence.get(i);
                    if (predicted.get(i) != null && cf >= lo && cf < hi) {
                        n++;
                        confSum += cf;
                        if (predicted.get(i).equals(test.get(i).category())) {
                            ok++;
                        }
                    }
                }
                calibration.add(new double[] {lo, hi, n, n == 0 ? 0 : confSum / n, n == 0 ? 0 : (double) ok / n});
            }
        }
        return new Scores(per, test.isEmpty() ? 0 : (double) correct / test.size(), f1Count == 0 ? 0 : f1Sum / f1Count,
                test.size(), unanswered, calibration);
    }

    /** The human-readable report; its last line is exactly {@code accuracy=0.xxx macro_f1=0.xxx} (the engine's). */
    public static void print(Report r, PrintWriter out) {
        print(r, out, true);
    }

    /** @param last whether this report ends the output (its line is then exactly {@code accuracy=.. macro_f1=..}) */
    public static void print(Report r, PrintWriter out, boolean last) {
        out.printf(Locale.ROOT, "Trained on %d labelled mentions, %d categories; tested on %d.%n", r.trained(),
                r.categories().size(), r.engine().tested());
        if (r.baseline() != null) {
            out.println();
            out.println("Keyword baseline (rules only, first matching category; no match is wrong):");
            table(r.baseline(), out);
            out.printf(Locale.ROOT, "  baseline accuracy=%.3f macro_f1=%.3f (%d without a match)%n",
                    r.baseline().accuracy(), r.baseline().macroF1(), r.baseline().unanswered());
        } else {
            out.println("Keyword baseline: n/a (no --rules file)");
        }
        if (r.reference() != null) {
            out.println();
            out.println("Reference (TF-IDF character 1-4-grams + logistic regression, L2, C=1, default settings):");
            table(r.reference(), out);
            out.printf(Locale.ROOT, "  reference accuracy=%.3f macro_f1=%.3f%n", r.reference().accuracy(),
                    r.reference().macroF1());
        }
        out.println();
        out.println("Triage engine (rules + classifier):");
        table(r.engine(), out);
        out.println("  calibration (confidence band: mentions, mean confidence, accuracy):");
        for (double[] b : r.engine().calibration()) {
            if (b[2] > 0) {
                out.printf(Locale.ROOT, "    %.2f-%.2f: %4d  %.3f  %.3f%n", b[0], Math.min(1.0, b[1]), (int) b[2], b[3],
                        b[4]);
            }
        }
        if (r.reference() != null) {
            out.printf(Locale.ROOT, "  engine minus reference: accuracy %+.3f, macro_f1 %+.3f%n",
                    r.engine().accuracy() - r.reference().accuracy(), r.engine().macroF1() - r.reference().macroF1());
        }
        out.printf(Locale.ROOT, (last ? "" : "  engine ") + "accuracy=%.3f macro_f1=%.3f%n", r.engine().accuracy(),
                r.engine().macroF1());
        out.flush();
    }

    private static void table(Scores s, PrintWriter out) {
        out.println("  precision  recall     f1  support  category");
        for (CategoryScore c : s.perCategory()) {
            out.printf(Locale.ROOT, "  %9.3f  %6.3f  %5.3f  %7d  %s%n", c.precision(), c.recall(), c.f1(), c.support(),
                    c.category());
        }
    }
}
