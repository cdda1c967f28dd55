package org.crisisdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Train an in-memory engine on labelled mentions, evaluate it on others and print precision, "
                    + "recall and F1 per category, a keyword-only baseline (with --rules), and finally one line "
                    + "accuracy=0.xxx macro_f1=0.xxx.",
                "Labelled files are canonical JSON Lines with a \"category\" field, or any mention JSONL with a "
                    + "--train-labels/--test-labels TSV (id<TAB>category). No database is touched.",
                "Example (the demo): --train assets/scenarios/launch-weekend.jsonl "
                    + "--train-labels assets/scenarios/launch-weekend.labels.tsv "
                    + "--test src/test/resources/triage/heldout.jsonl "
                    + "--rules assets/scenarios/launch-weekend.categories.json"})
    static final class Eval implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--train", required = true, paramLabel = "FILE", description = "Labelled mentions to learn from.")
        Path train;

        @Option(names = "--test", required = true, paramLabel = "FILE", description = "Labelled mentions to score.")
        Path test;

        @Option(names = "--rules", paramLabel = "FILE", description = "A categories file whose keyword rules the engine "
                + "uses (and the baseline is made of).")
        Path rules;

        @Option(names = "--train-labels", paramLabel = "TSV", description = "Labels for --train (id<TAB>category).")
        Path trainLabels;

        @Option(names = "--test-labels", paramLabel = "TSV", description = "Labels for --test (id<TAB>category).")
        Path testLabels;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                List<LabelledMentions.Labelled> trainSet = LabelledMentions.read(readable(train), optional(trainLabels));
                List<LabelledMentions.Labelled> testSet = LabelledMentions.read(readable(test), optional(testLabels));
                if (testSet.isEmpty()) {
                    err.println(test + ": no labelled mentions to evaluate");
                    err.flush();
                    return 1;
                }
                List<CategoryFile.Spec> specs = null;
                if (rules != null) {
                    try (InputStream in = Files.newInputStream(readable(rules))) {
                        specs = CategoryFile.read(in);
                    } catch (IOException e) {
                        throw new IOException(rules + ": " + e.getMessage(), e);
                    }
                }
                TriageEvaluation.print(TriageEvaluation.run(trainSet, testSet, specs), out);
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                err.println(e.getMessage());
                err.flush();
                return 1;
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
