package org.crisisdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crisisdesk.triage.CategoryFile;
import org.crisisdesk.triage.LabelledMentions;
import org.crisisdesk.triage.TriageEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crisisdesk triage eval}: how well the triage engine would sort a labelled set it has never seen. */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = "Tools for the triage engine (rules + learning classifier).",
        subcommands = {TriageCommand.Eval.class})
final class TriageCommand {

    /** Where {@code --cross} looks by default: NAME.train.jsonl, NAME.test.jsonl and NAME.categories.json. */
    static final String EVAL_DIR = "assets/scenarios/eval";

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Train an in-memory engine on labelled mentions, evaluate it on others and print precision, "
                    + "recall and F1 per category for the keyword-only baseline (with --rules), a reference model "
                    + "(TF-IDF character 1-4-grams + logistic regression, default settings) and the engine, the engine "
                    + "minus the reference, and finally one line accuracy=0.xxx macro_f1=0.xxx.",
                "Labelled files are canonical JSON Lines with a \"category\" field, or any mention JSONL with a "
                    + "--train-labels/--test-labels TSV (id<TAB>category). No database is touched.",
                "Example (the demo): --train assets/scenarios/launch-weekend.jsonl "
                    + "--train-labels assets/scenarios/launch-weekend.labels.tsv "
                    + "--test src/test/resources/triage/heldout.jsonl "
                    + "--rules assets/scenarios/launch-weekend.categories.json",
                "--cross runs every evaluation crisis in " + EVAL_DIR + " in turn (the last line is then the mean "
                    + "over the crises)."})
    static final class Eval implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--train", paramLabel = "FILE", description = "Labelled mentions to learn from.")
        Path train;

        @Option(names = "--test", paramLabel = "FILE", description = "Labelled mentions to score.")
        Path test;

        @Option(names = "--rules", paramLabel = "FILE", description = "A categories file whose keyword rules the engine "
                + "uses (and the baseline is made of).")
        Path rules;

        @Option(names = "--train-labels", paramLabel = "TSV", description = "Labels for --train (id<TAB>category).")
        Path trainLabels;

        @Option(names = "--test-labels", paramLabel = "TSV", description = "Labels for --test (id<TAB>category).")
        Path testLabels;

        @Option(names = "--curve", description = "Also print the learning curve: accuracy and macro-F1 of engine and "
                + "reference after 25, 50, 100 and 200 labels (random orders, fixed seed, mean of 5 orders).")
        boolean curve;

        @Option(names = "--cross", arity = "0..1", fallbackValue = EVAL_DIR, paramLabel = "DIR",
                description = "Run every evaluation crisis in DIR (default " + EVAL_DIR + ") in turn: "
                        + "NAME.train.jsonl, NAME.test.jsonl and, when present, NAME.categories.json.")
        Path cross;

        @Option(names = "--no-rules", description = "With --cross: ignore the crises' categories files (the engine "
                + "learns from the labels and the categories' names alone; no keyword baseline).")
        boolean noRules;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                if (cross != null) {
                    return cross(out, err);
                }
                if (train == null || test == null) {
                    err.println("--train and --test are required (or --cross)");
                    err.flush();
                    return 1;
                }
                List<LabelledMentions.Labelled> trainSet = LabelledMentions.read(readable(train), optional(trainLabels));
                List<LabelledMentions.Labelled> testSet = LabelledMentions.read(readable(test), optional(testLabels));
                if (testSet.isEmpty()) {
                    err.println(test + ": no labelled mentions to evaluate");
                    err.flush();
                    return 1;
                }
                List<CategoryFile.Spec> specs = rules == null ? null : readRules(rules);
                TriageEvaluation.Report report = TriageEvaluation.run(trainSet, testSet, specs);
                if (curve) {
                    TriageEvaluation.print(report, out, false);
                    out.println();
                    TriageEvaluation.printCurve(TriageEvaluation.curve(trainSet, testSet, specs), out);
                    out.printf(Locale.ROOT, "accuracy=%.3f macro_f1=%.3f%n", report.engine().accuracy(),
                            report.engine().macroF1());
                    out.flush();
                } else {
                    TriageEvaluation.print(report, out);
                }
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                err.println(e.getMessage());
                err.flush();
                return 1;
            }
        }

        private int cross(PrintWriter out, PrintWriter err) throws IOException {
            if (!Files.isDirectory(cross)) {
                throw new IOException(cross + ": not a directory");
            }
            List<Path> trains = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(cross, "*.train.jsonl")) {
                ds.forEach(trains::add);
            }
            trains.sort(null);
            if (trains.isEmpty()) {
                throw new IOException(cross + ": no NAME.train.jsonl files");
            }
            List<String[]> summary = new ArrayList<>();
            double accSum = 0;
            double f1Sum = 0;
            for (Path tr : trains) {
                String name = tr.getFileName().toString().replace(".train.jsonl", "");
                Path te = tr.resolveSibling(name + ".test.jsonl");
                Path ru = tr.resolveSibling(name + ".categories.json");
                List<LabelledMentions.Labelled> trainSet = LabelledMentions.read(readable(tr), null);
                List<LabelledMentions.Labelled> testSet = LabelledMentions.read(readable(te), null);
                List<CategoryFile.Spec> specs = !noRules && Files.exists(ru) ? readRules(ru) : null;
                out.println("=== " + name + " ===");
                TriageEvaluation.Report r = TriageEvaluation.run(trainSet, testSet, specs);
                TriageEvaluation.print(r, out, false);
                if (curve) {
                    out.println();
                    TriageEvaluation.printCurve(TriageEvaluation.curve(trainSet, testSet, specs), out);
                }
                out.println();
                accSum += r.engine().accuracy();
                f1Sum += r.engine().macroF1();
                summary.add(new String[] {name, fmt(r.engine().accuracy()), fmt(r.engine().macroF1()),
                    fmt(r.reference().accuracy()), fmt(r.reference().macroF1()),
                    r.baseline() == null ? "  n/a" : fmt(r.baseline().accuracy()),
                    r.baseline() == null ? "  n/a" : fmt(r.baseline().macroF1())});
            }
            out.println("Summary (accuracy / macro-F1):");
            out.println("  crisis                 engine         reference      keyword baseline");
            for (String[] s : summary) {
                out.printf(Locale.ROOT, "  %-20s  %s / %s  %s / %s  %s / %s%n", (Object[]) s);
            }
            out.printf(Locale.ROOT, "accuracy=%.3f macro_f1=%.3f%n", accSum / trains.size(), f1Sum / trains.size());
            out.flush();
            return 0;
        }

        private static String fmt(double v) {
            return String.format(Locale.ROOT, "%.3f", v);
        }

        private static List<CategoryFile.Spec> readRules(Path p) throws IOException {
            try (InputStream in = Files.newInputStream(readable(p))) {
                return CategoryFile.read(in);
            } catch (IOException e) {
                throw new IOException(p + ": " + e.getMessage(), e);
            }
        }

        private static Path optional(Path p) throws IOException {
            return p == null ? null : readable(p);
        }

        private static Path readable(Path p) throws IOException {
            if (!Files.isReadable(p)) {
                throw new IOException(p + ": cannot read the file");
            }
            return p;
        }
    }
}
