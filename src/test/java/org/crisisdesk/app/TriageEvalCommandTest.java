package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

class TriageEvalCommandTest {
    private static final String LAST_LINE = "accuracy=\\d\\.\\d{3} macro_f1=\\d\\.\\d{3}";

    private static String lastLine(String out) {
        List<String> lines = out.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void demoEvaluationPrintsPerCategoryScoresTheBaselineAndOneFinalLine() {
        CliRun r = CliRun.of("triage", "eval",
                "--train", "assets/scenarios/launch-weekend.jsonl",
                "--train-labels", "assets/scenarios/launch-weekend.labels.tsv",
                "--test", "src/test/resources/triage/heldout.jsonl",
                "--rules", "assets/scenarios/launch-weekend.categories.json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Trained on 2379 labelled mentions, 8 categories; tested on 400.")
                .contains("Keyword baseline (rules only", "baseline accuracy=0.620")
                .contains("precision  recall     f1  support  category")
                .containsPattern("\\n +\\d\\.\\d{3} +\\d\\.\\d{3} +\\d\\.\\d{3} +120  배송 지연\\n");
        assertThat(lastLine(r.out())).matches(LAST_LINE);
        assertThat(r.out().lines().filter(l -> l.matches(LAST_LINE)).count()).isEqualTo(1);
        double accuracy = Double.parseDouble(lastLine(r.out()).split("[= ]")[1]);
        assertThat(accuracy).isGreaterThan(0.8);
    }

    @Test
    void anySetOfCategoryNamesWorksWithoutRules() throws Exception {
        Path dir = TempDesk.newHome();
        String[][] topics = {
            {"Billing", "charged twice this month", "my invoice is wrong", "why is my bill so high", "refund the fee"},
            {"Network", "no signal at home", "calls keep dropping", "mobile data is so slow", "5g not working"},
            {"Kudos", "thanks for the quick help", "great service today", "you folks rock", "love the new plan"}};
        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        int id = 1;
        for (String[] t : topics) {
            for (int rep = 0; rep < 4; rep++) {
                for (int k = 1; k < t.length; k++) {
                    String line = "{\"id\":\"" + id++ + "\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\","
                            + "\"text\":\"" + (rep == 0 ? "" : "hi, ") + t[k] + (rep == 3 ? " again" : "")
                            + "\",\"category\":\"" + t[0] + "\"}";
                    (rep < 3 ? train : test).add(line);
                }
            }
        }
        Files.write(dir.resolve("train.jsonl"), train, StandardCharsets.UTF_8);
        Files.write(dir.resolve("test.jsonl"), test, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("triage", "eval", "--train", dir.resolve("train.jsonl").toString(),
                "--test", dir.resolve("test.jsonl").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Keyword baseline: n/a (no --rules file)", "Billing", "Network", "Kudos");
        assertThat(lastLine(r.out())).isEqualTo("accuracy=1.000 macro_f1=1.000");
    }

    @Test
    void unusableInputIsAClearMessageNotAStackTrace() throws Exception {
        Path dir = TempDesk.newHome();
        Files.writeString(dir.resolve("nolabels.jsonl"),
                "{\"id\":\"1\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"x\"}\n");
        CliRun r = CliRun.of("triage", "eval", "--train", dir.resolve("nolabels.jsonl").toString(),
                "--test", dir.resolve("nolabels.jsonl").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("line 1: mention 1 has no category").doesNotContain("Exception");
        CliRun missing = CliRun.of("triage", "eval", "--train", dir.resolve("nope.jsonl").toString(),
                "--test", dir.resolve("nolabels.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.jsonl: cannot read the file");
    }
}
