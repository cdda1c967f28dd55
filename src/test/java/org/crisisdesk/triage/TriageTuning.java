package org.crisisdesk.triage;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How the engine's parameters were chosen (not a test; run by hand): 5-fold cross-validation inside the TRAINING
 * splits of the first three evaluation crises only, with and without their rules, at all labels and at 50 and 100
 * labels. The test splits and the fourth crisis (ticket-crash) are never read here.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.crisisdesk.triage.TriageTuning [l2 eta0 epochs
 * balance prior ruleBoost temperature]...</pre>
 */
public final class TriageTuning {
    private TriageTuning() {}

    record Crisis(String name, List<LabelledMentions.Labelled> train, List<CategoryFile.Spec> rules) {}

    public static void main(String[] args) throws Exception {
        List<Crisis> crises = new ArrayList<>();
        for (String n : List.of("airline-storm", "bank-outage", "food-leak")) {
            Path dir = Path.of("assets/scenarios/eval");
            List<CategoryFile.Spec> rules;
            try (InputStream in = Files.newInputStream(dir.resolve(n + ".categories.json"))) {
                rules = CategoryFile.read(in);
            }
            crises.add(new Crisis(n, LabelledMentions.read(dir.resolve(n + ".train.jsonl"), null), rules));
        }
        for (int a = 0; a + 8 <= args.length; a += 8) {
            LinearModel.Params p = new LinearModel.Params(Double.parseDouble(args[a]), Double.parseDouble(args[a + 1]),
                    Integer.parseInt(args[a + 2]), Double.parseDouble(args[a + 3]), 0.5);
            TriageEngine.Tuning t = new TriageEngine.Tuning(Double.parseDouble(args[a + 4]),
                    Double.parseDouble(args[a + 5]), 0.5, 1.0, Double.parseDouble(args[a + 6]),
                    Double.parseDouble(args[a + 7]));
            StringBuilder sb = new StringBuilder();
            double total = 0;
            int parts = 0;
            for (boolean withRules : new boolean[] {true, false}) {
                for (int size : new int[] {50, 100, 0}) {
                    double[] m = cv(crises, p, t, withRules, size);
                    sb.append(String.format(Locale.ROOT, " %s%s %.3f/%.3f ece %.3f", withRules ? "R" : "-",
                            size == 0 ? "all" : size, m[0], m[1], m[4]));
                    total += m[0] + m[1];
                    parts += 2;
                }
            }
            System.out.printf(Locale.ROOT, "%s %s  mean %.4f |%s%n", p, t, total / parts, sb);
        }
    }

    /** Mean engine acc, F1, reference acc, F1 over crises and folds; size > 0: train on that many of the fold's. */
    static double[] cv(List<Crisis> crises, LinearModel.Params p, TriageEngine.Tuning t, boolean withRules, int size) {
        double[] sum = new double[5];
        int n = 0;
        for (Crisis c : crises) {
            List<LabelledMentions.Labelled> all = c.train();
            int folds = 5;
            for (int f = 0; f < folds; f++) {
                List<LabelledMentions.Labelled> tr = new ArrayList<>();
                List<LabelledMentions.Labelled> te = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    (i % folds == f ? te : tr).add(all.get(i));
                }
                if (size > 0) {
                    Collections.shuffle(tr, new Random(1000 + f));
                    tr = tr.subList(0, Math.min(size, tr.size()));
                }
                TriageEvaluation.Report r = TriageEvaluation.run(tr, te, withRules ? c.rules() : null, t, p, false);
                double ece = 0;
                for (double[] b : r.engine().calibration()) {
                    ece += b[2] * Math.abs(b[3] - b[4]);
                }
                sum[4] += ece / te.size();
                sum[0] += r.engine().accuracy();
                sum[1] += r.engine().macroF1();
                if (r.reference() != null) {
                    sum[2] += r.reference().accuracy();
                    sum[3] += r.reference().macroF1();
                }
                n++;
            }
        }
        for (int i = 0; i < 5; i++) {
            sum[i] /= n;
        }
        return sum;
    }
}
