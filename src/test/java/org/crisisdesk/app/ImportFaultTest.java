package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisdesk.app.CliTest.Run;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 14: an import that runs out of room, and a home that cannot be written. Both run the real launcher
 * in a child JVM (its logging set up as a person's would be), so what a person sees on the terminal is what is
 * checked.
 *
 * <p>Out of room: the child runs under {@code ulimit -f} (RLIMIT_FSIZE; no root, no mount), so the database file
 * cannot grow past 3 MB more than it has: the write fails as on a full disk (EFBIG, "File too large",
 * instead of ENOSPC; the JVM ignores SIGXFSZ), at whatever moment the database first needs the room.
 */
@org.junit.jupiter.api.Timeout(value = 8, unit = TimeUnit.MINUTES) // two child imports; slow on a shared machine
class ImportFaultTest {
    private static final Pattern STORED = Pattern.compile("(\\d+) mentions of this file were stored before that");

    record Child(int exit, String out, String err) {}

    static Child launch(List<String> prefix, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Xshare:off", org.crisisdesk.launch.Launcher.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("child-out", ".txt");
        Path err = Files.createTempFile("child-err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            String threads = threadsOf(p);
            p.destroyForcibly();
            throw new AssertionError("the child did not end within 5 minutes: " + Files.readString(err)
                    + "\nits threads:\n" + threads);
        }
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The threads of a child that did not end (what it waits for is the defect to chase). */
    private static String threadsOf(Process p) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process dump = new ProcessBuilder(jcmd, Long.toString(p.pid()), "Thread.print").redirectErrorStream(true)
                    .start();
            String text = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            return text;
        } catch (java.io.IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "(no thread dump: " + e + ")";
        }
    }

    @Test
    void anImportThatRunsOutOfRoomNamesTheFileSaysWhatWasKeptAndLeavesTheDatabaseWhole() throws Exception {
        assumeThat(Path.of("/bin/bash")).exists();
        Path home = TempDesk.newH2Home();
        Path first = home.resolve("first.jsonl");
        writeLines(first, 0, 50, 40);
        assertThat(CliTest.run("--home", home.toString(), "import", first.toString()).exit()).isZero();
        Path db = home.resolve("crisisdesk.mv.db");
        long room = Files.size(db) + 3 * 1024 * 1024;

        Path big = home.resolve("big-file.jsonl");
        // 1,000 Korean characters a line, about 7.5 MB: far more than the room, which runs out inside the first batch
        // of 2,000 lines (about 1,600 fit), so more lines only made the second import below longer
        int lines = 2_500;
        writeLines(big, 1000, lines, 1000);
        Child full = launch(List.of("/bin/bash", "-c", "ulimit -f " + (room / 1024) + "; exec \"$@\"", "limited"),
                "--home", home.toString(), "import", big.toString());

        assertThat(full.exit()).as(full.out() + full.err()).isEqualTo(2);
        assertThat(full.err()).as(full.err()).contains(big.toString() + ": the import stopped")
                .containsAnyOf("No room to write the database", "was closed after an error writing it")
                .contains(db.toString()).contains("Free some space")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(full.err().lines().count()).as(full.err()).isLessThanOrEqualTo(4);
        Matcher m = STORED.matcher(full.err());
        assertThat(m.find()).as(full.err()).isTrue();
        int stored = Integer.parseInt(m.group(1));
        assertThat(stored).isLessThan(lines);

        // the database opens (no repair, no refusal) with what was said to be stored, and at most the batch being
        // written when the room ran out: H2 keeps the rows of that batch it had already written (found here: 1,610
        // of a 2,000-line batch whose commit never returned), so the message says that part may be there too
        long there;
        try (Services s = TempDesk.open(home, java.time.Clock.systemUTC())) {
            there = s.mentions().count(MentionFilter.ALL);
        }
        assertThat(there).as(full.err()).isBetween(50L + stored, 50L + stored + 2000);
        assertThat(full.err()).contains("may also be there in part");
        // with room again, the same file adds the rest and skips whatever was kept: every line once
        Run again = CliTest.run("--home", home.toString(), "import", big.toString());
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("imported " + (50 + lines - there) + ", duplicates skipped "
                + (there - 50) + ",");
        try (Services s = TempDesk.open(home, java.time.Clock.systemUTC())) {
            assertThat(s.mentions().count(MentionFilter.ALL)).isEqualTo(50L + lines);
        }
    }

    @Test
    void aHomeThatIsAFileIsRefusedInOneLine() throws Exception {
        Path parent = TempDesk.newHome();
        Path home = parent.resolve("home");
        Files.writeString(home, "not a folder");
        Path in = parent.resolve("in.jsonl");
        writeLines(in, 0, 3, 10);
        Child r = launch(List.of(), "--home", home.toString(), "import", in.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).as(r.err()).doesNotContain("\n").contains(home.toString())
                .contains("is a file, not a folder").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.readString(home)).isEqualTo("not a folder");
    }

    @Test
    void aReadOnlyHomeIsRefusedInOneLineNamingTheFolder() throws Exception {
        // chmod does not stop root (CI and these machines run as root): the case is covered there by the home
        // that is a file above and by Database's own check; as any other user this is the read-only home itself
        assumeThat(System.getProperty("user.name")).as("root can write into a 0500 folder; run as a user")
                .isNotEqualTo("root");
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        writeLines(in, 0, 3, 10);
        assertThat(CliTest.run("--home", home.toString(), "import", in.toString()).exit()).isZero();
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("r-x------"));
        try {
            Child r = launch(List.of(), "--home", home.toString(), "import", in.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(r.err()).doesNotContain("\n").contains(home.toString())
                    .contains("read-only").doesNotContain("AUTO_SERVER").doesNotContain("\tat ");
        } finally {
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void writeLines(Path file, int from, int count, int textLength) throws Exception {
        String filler = "배송이 언제 오나요 택배 지연 ".repeat(textLength / 16 + 1).substring(0, textLength);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = from; i < from + count; i++) {
                w.write("{\"id\":\"" + i + "\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a" + i
                        + "\",\"text\":\"" + i + " " + filler + "\"}\n");
            }
        }
    }
}
