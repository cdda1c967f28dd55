package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisisdesk.app.CliTest.Run;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/** Import cases a hostile drill found (issue 20 follow-up): each failed before its fix. */
class HostileImportDrillTest {

    private static String line(String id, String text) {
        return IngestSafetyTest.line(id, text, "");
    }

    @Test
    void aLineLongerThan64MbInAFileIsSkippedAndTheLinesAfterItAreImported() throws Exception {
        // a 100 MB single line stopped the file: "no end of line within 64 MB … the rest of the file was not read"
        Path home = TempDesk.newHome();
        Path in = home.resolve("huge line.jsonl");
        try (var w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write(line("1", "before") + "\n");
            w.write("{\"id\":\"2\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, 'a');
            for (int i = 0; i < 66; i++) {
                w.write(block);
            }
            w.write("\"}\n");
            w.write(line("3", "after") + "\n");
        }
        Run r = CliTest.run("--home", home.toString(), "import", in.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("imported 2, duplicates skipped 0, rejected 1").contains("line 2: longer than 16 MB; skipped")
                .doesNotContain("rest of the file was not read");
        assertThat(IngestSafetyTest.count(home)).isEqualTo(2);
    }

    @Test
    void aUtf16FileIsNamedAsSuchOnceInsteadOfEveryLineBeingBadUtf8() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("excel.jsonl");
        String text = String.join("\n", line("1", "한글 하나"), line("2", "둘"), line("3", "셋")) + "\n";
        Files.write(in, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
        Path be = home.resolve("be.jsonl");
        Files.write(be, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE));
        Run r = CliTest.run("--home", home.toString(), "import", in.toString(), be.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(in + ": imported 0, duplicates skipped 0, rejected 1")
                .contains("line 1: the file is UTF-16 (little-endian) (it starts with that byte order mark), not UTF-8: "
                        + "save it as UTF-8 and import it again")
                .contains("line 1: the file is UTF-16 (big-endian)")
                .doesNotContain("line 2:");
        // and a UTF-8 BOM is still fine
        Path utf8 = home.resolve("bom8.jsonl");
        Files.write(utf8, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        Run ok = CliTest.run("--home", home.toString(), "import", utf8.toString());
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("imported 3");
    }

    @Test
    void aFolderOrMissingFileAmongTheFilesIsNamedAndTheOthersAreImported() throws Exception {
        Path home = TempDesk.newHome();
        Path dir = home.resolve("exports folder");
        Files.createDirectories(dir);
        Path good = home.resolve("good.jsonl");
        Files.write(good, List.of(line("1", "ok")), StandardCharsets.UTF_8);
        Run r = CliTest.run("--home", home.toString(), "import", dir.toString(), home.resolve("nope.jsonl").toString(),
                good.toString());
        assertThat(r.err()).contains(dir + ": is a folder, not a file: give the JSON Lines files in it")
                .contains("nope.jsonl: no such file; not imported").doesNotContain("Is a directory");
        assertThat(r.out()).contains(good + ": imported 1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(IngestSafetyTest.count(home)).isEqualTo(1);
    }

    @Test
    void aLongImportSaysHowFarItGot() throws Exception {
        // a 1M-line file ran for minutes with not a word until its end
        Path home = TempDesk.newHome();
        Path in = home.resolve("many.jsonl");
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            lines.add(line(String.valueOf(i), "배송 " + i));
        }
        Files.write(in, lines, StandardCharsets.UTF_8);
        long before = ImportCommand.progressEveryNanos;
        ImportCommand.progressEveryNanos = 0;
        try {
            Run r = CliTest.run("--home", home.toString(), "import", in.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).contains(in + ": so far imported 2000, duplicates skipped 0…")
                    .contains(in + ": so far imported 4000, duplicates skipped 0…");
            assertThat(r.out()).contains("imported 5000, duplicates skipped 0, rejected 0");
        } finally {
            ImportCommand.progressEveryNanos = before;
        }
    }

    @Test
    void aKoreanPathUnderAnAsciiLocaleSaysHowToRunIt() throws Exception {
        // under LANG=C the path reached picocli as "/tmp/?????? dir" and the answer was an InvalidPathException
        // message and the whole usage text
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/env"))
                && Files.isExecutable(Path.of("/bin/bash")));
        Path home = TempDesk.newHome();
        // the Korean name is made by bash from its UTF-8 bytes: this JVM may not be able to pass it on itself
        ImportFaultTest.Child c = ImportFaultTest.launch(List.of("/usr/bin/env", "-u", "LC_ALL", "-u", "LC_CTYPE",
                "LANG=C", "H=" + home, "/bin/bash", "-c",
                "exec \"$@\" --home \"$(printf '%s/\\355\\225\\234\\352\\270\\200 home' \"$H\")\" export --out x.jsonl",
                "bash"));
        assertThat(c.exit()).as(c.out() + c.err()).isEqualTo(2);
        assertThat(c.err()).contains("Run it with a UTF-8 locale, e.g. LANG=C.UTF-8").doesNotContain("Usage:");
    }
}
