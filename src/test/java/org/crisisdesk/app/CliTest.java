package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.crisisdesk.mention.ImportExportRoundTripTestData;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The jar's CLI, run in-process exactly as `java -jar crisisdesk.jar ...` would. */
class CliTest {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Cli.commandLine();
        cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
        cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpAndVersionWork() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--home", "--db", "import", "export");
        Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("CrisisDesk ");
        assertThat(run("import", "--help").out()).contains("FILE");
        List<List<String>> paths = subcommandPaths(Cli.commandLine(), List.of());
        assertThat(paths).contains(List.of("import"), List.of("triage", "eval"), List.of("categories", "export"));
        for (List<String> path : paths) {
            String[] args = Stream.concat(path.stream(), Stream.of("--version"))
                    .toArray(String[]::new);
            Run sub = run(args);
            assertThat(sub.exit()).as(String.join(" ", args)).isZero();
            assertThat(sub.out()).as(String.join(" ", args)).isEqualTo(version.out());
        }
    }

    /** Every subcommand, nested ones too, so a new command cannot miss --version. */
    private static List<List<String>> subcommandPaths(CommandLine command, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            paths.add(path);
            paths.addAll(subcommandPaths(sub, path));
        });
        return paths;
    }

    @Test
    void importThenExportRoundTripsAFileOfOddTextExactly() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("odd.jsonl");
        List<String> lines = ImportExportRoundTripTestData.hostileLines();
        Files.write(in, lines, StandardCharsets.UTF_8);
        Run imp = run("--home", home.toString(), "import", in.toString());
        assertThat(imp.exit()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("imported " + lines.size() + ", duplicates skipped 0, rejected 0");

        Path out = home.resolve("out.jsonl");
        Run exp = run("--home", home.toString(), "export", "--format", "jsonl", "--out", out.toString());
        assertThat(exp.exit()).isZero();
        assertThat(exp.out()).contains("exported " + lines.size());
        ImportExportRoundTripTestData.assertSameMentions(lines, Files.readAllLines(out, StandardCharsets.UTF_8));

        Run again = run("--home", home.toString(), "import", out.toString());
        assertThat(again.out()).contains("imported 0, duplicates skipped " + lines.size());
    }

    @Test
    void rejectedLinesAreListedAndMakeTheExitStatusNonZero() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("bad.jsonl");
        Files.writeString(in, "{\"id\":\"1\",\"created_at\":\"2026-10-17T09:00:00+09:00\",\"author\":\"a\",\"text\":\"ok\"}\n"
                + "{oops\n", StandardCharsets.UTF_8);
        Run r = run("--home", home.toString(), "import", in.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("imported 1", "rejected 1", "line 2: malformed JSON");
    }

    @Test
    void aBadTweetOfAV2PageIsRejectedByItselfWithItsLineAndIndex() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("page.jsonl");
        Files.writeString(in, "{\"meta\":{\"result_count\":0}}\n{\"data\":[{\"id\":\"1\",\"text\":\"ok\","
                + "\"author_id\":\"9\",\"created_at\":\"2026-10-17T01:00:00Z\"},{\"id\":\"2\",\"text\":\"bad\","
                + "\"author_id\":\"9\",\"created_at\":\"tomorrow\"}],\"includes\":{\"users\":[{\"id\":\"9\","
                + "\"username\":\"jane\"}]}}\n", StandardCharsets.UTF_8);
        Run r = run("--home", home.toString(), "import", in.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("imported 1,", "rejected 1", "line 2: data[1] (id 2): created_at");
    }

    @Test
    void exportFiltersByCategoryAndTimeAndWritesCsv() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        Files.write(in, ImportExportRoundTripTestData.hostileLines(), StandardCharsets.UTF_8);
        run("--home", home.toString(), "import", in.toString());
        Path csv = home.resolve("out.csv");
        Run r = run("--home", home.toString(), "export", "--format", "csv", "--out", csv.toString(),
                "--category", "배송 지연", "--from", "2026-10-17T00:00:00Z", "--to", "2026-10-18T00:00:00Z");
        assertThat(r.exit()).as(r.err()).isZero();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("id,created_at,author,author_name,lang,text,category,link");
        assertThat(text).contains("배송 지연").contains("https://x.com/hostile_0/status/");
        // a cell a spreadsheet would run as a formula is defused with a hidden apostrophe
        assertThat(text).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain("\"=HYPERLINK");
        Run bad = run("--home", home.toString(), "export", "--out", csv.toString(), "--category", "nope");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("No category named");
    }

    @Test
    void aDatabaseFromElsewhereIsExplainedNotStackTraced() throws Exception {
        Path home = TempDesk.newHome();
        Files.writeString(home.resolve("crisisdesk.mv.db"), "garbage ".repeat(1000));
        Path in = home.resolve("x.jsonl");
        Files.writeString(in, "");
        Run r = run("--home", home.toString(), "import", in.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("crisisdesk: ").contains(home.toString()).doesNotContain("\tat ");
    }

    @Test
    void backupThenRestoreBringsBackTheData() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        Files.write(in, ImportExportRoundTripTestData.hostileLines(), StandardCharsets.UTF_8);
        run("--home", home.toString(), "import", in.toString());
        Run backup = run("--home", home.toString(), "backup");
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("backup written to").contains(".zip");
        Path zip = Path.of(backup.out().trim().replace("backup written to ", ""));

        Files.writeString(home.resolve("crisisdesk.mv.db"), "damaged ".repeat(1000));
        Run broken = run("--home", home.toString(), "export", "--out", home.resolve("x.jsonl").toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("damaged").contains("The last backup is " + zip);

        Run restore = run("--home", home.toString(), "restore", zip.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("previous database kept as");
        Path out = home.resolve("after.jsonl");
        run("--home", home.toString(), "export", "--out", out.toString());
        assertThat(Files.readAllLines(out)).hasSize(ImportExportRoundTripTestData.hostileLines().size());
    }

    @Test
    void restoreWritesTheDatabaseTheDeskOpensNotTheHomesDefault() throws Exception {
        Path home = TempDesk.newHome();
        Path elsewhere = TempDesk.newHome().resolve("data");
        Files.createDirectories(elsewhere); // --db never makes a missing folder (a typo would start an empty crisis)
        String url = "jdbc:h2:file:" + elsewhere.resolve("desk");
        Path in = home.resolve("in.jsonl");
        Files.write(in, ImportExportRoundTripTestData.hostileLines(), StandardCharsets.UTF_8);
        run("--home", home.toString(), "--db", url, "import", in.toString());
        Run backup = run("--home", home.toString(), "--db", url, "backup");
        assertThat(backup.exit()).as(backup.err()).isZero();
        Path zip = Path.of(backup.out().trim().replace("backup written to ", ""));
        Files.writeString(elsewhere.resolve("desk.mv.db"), "damaged ".repeat(1000));

        Run restore = run("--home", home.toString(), "--db", url, "restore", zip.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(home.resolve("crisisdesk.mv.db")).doesNotExist();
        assertThat(restore.out()).contains("previous database kept as " + elsewhere.resolve("desk.mv.db.before-restore-"));
        Path out = home.resolve("after.jsonl");
        run("--home", home.toString(), "--db", url, "export", "--out", out.toString());
        assertThat(Files.readAllLines(out)).hasSize(ImportExportRoundTripTestData.hostileLines().size());

        Run memory = run("--home", home.toString(), "--db", "jdbc:h2:mem:x", "restore", zip.toString());
        assertThat(memory.exit()).isEqualTo(2);
        assertThat(memory.err()).contains("is not one");
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedWithTheReason() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("one.jsonl");
        Files.writeString(in, "{\"id\":\"1\",\"created_at\":\"2026-10-17T09:00:00+09:00\",\"author\":\"a\",\"text\":\"ok\"}\n");
        run("--home", home.toString(), "import", in.toString());
        Path missing = home.resolve("no/such/dir/x.csv");
        Run export = run("--home", home.toString(), "export", "--out", missing.toString());
        assertThat(export.exit()).isEqualTo(2);
        assertThat(export.err()).contains("cannot write " + missing + ": the folder " + missing.getParent()
                + " does not exist").doesNotContain(".part");

        Run categories = run("--home", home.toString(), "categories", "export", "--out", missing.toString());
        assertThat(categories.exit()).isEqualTo(1);
        assertThat(categories.err()).contains("cannot write " + missing + ": the folder").doesNotContain(".tmp");

        Path underAFile = in.resolve("report.html");
        Run handover = run("--home", home.toString(), "handover", "--out", underAFile.toString());
        assertThat(handover.exit()).isEqualTo(2);
        assertThat(handover.err()).contains("cannot write " + underAFile + ": " + in + " is not a folder");

        // root may write anywhere, so a refused folder is made up here
        Path target = home.resolve("x.csv");
        assertThat(OutputFiles.explain(target, new java.nio.file.AccessDeniedException(home.resolve(".x.part").toString()))
                .getMessage()).isEqualTo("cannot write " + target + ": permission denied");

        Path ok = home.resolve("one.csv");
        assertThat(run("--home", home.toString(), "export", "--out", ok.toString()).out())
                .isEqualTo("exported 1 mention to " + ok + System.lineSeparator());
    }
}
