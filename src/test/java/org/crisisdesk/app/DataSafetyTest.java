package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.crisisdesk.app.CliTest.Run;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's data-loss cases, each as it was found: restoring what is not a backup, restoring under a running
 * collector, a backup cut short, a truncated or empty database file, and --db naming a folder that does not exist.
 */
class DataSafetyTest {

    static Run run(String... args) {
        return CliTest.run(args);
    }

    /** A home with {@code n} mentions imported (and its database closed, so stamped). */
    static Path homeWith(int n) throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add("{\"id\":\"" + i + "\",\"created_at\":\"2026-10-17T09:00:00+09:00\",\"author\":\"a" + i
                    + "\",\"text\":\"배송 언제 와요 " + "가나다라 ".repeat(i % 40) + i + "\"}");
        }
        Files.write(in, lines, StandardCharsets.UTF_8);
        Run imp = run("--home", home.toString(), "import", in.toString());
        assertThat(imp.exit()).as(imp.out() + imp.err()).isZero();
        return home;
    }

    static int exported(Path home) throws Exception {
        Path out = home.resolve("out-" + System.nanoTime() + ".jsonl");
        Run exp = run("--home", home.toString(), "export", "--out", out.toString());
        assertThat(exp.exit()).as(exp.err()).isZero();
        return Files.readAllLines(out).size();
    }

    static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    static Path zip(Path dir, String name, Map<String, byte[]> entries) throws Exception {
        Path zip = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }

    static List<Path> beforeRestoreFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains("before-restore")
                    || p.getFileName().toString().startsWith(".restore-")).toList();
        }
    }

    @Test
    void restoreRefusesEveryZipThatIsNotAGoodBackupAndLeavesTheDatabaseAsItWas() throws Exception {
        Path home = homeWith(30);
        Path junk = TempDesk.newHome();
        Run backup = run("--home", home.toString(), "backup");
        Path good = Path.of(backup.out().trim().replace("backup written to ", ""));
        byte[] goodBytes = Files.readAllBytes(good);

        Map<String, Path> bad = new LinkedHashMap<>();
        bad.put("readme only", zip(junk, "readme.zip", Map.of("readme.txt", "hello".getBytes())));
        bad.put("empty zip", zip(junk, "empty.zip", Map.of()));
        Files.writeString(junk.resolve("text.zip"), "just some text\n");
        bad.put("text file", junk.resolve("text.zip"));
        Files.write(junk.resolve("pk.zip"), "PK\u0003\u0004 and then junk junk junk".getBytes(StandardCharsets.ISO_8859_1));
        bad.put("PK + junk", junk.resolve("pk.zip"));
        bad.put("path traversal", zip(junk, "up.zip", Map.of("../../x", "x".getBytes())));
        bad.put("traversal named like a db", zip(junk, "up2.zip", Map.of("../crisisdesk.mv.db", goodBytes)));
        bad.put("garbage database", zip(junk, "garbage.zip", Map.of("crisisdesk.mv.db", "garbage".repeat(900).getBytes())));
        bad.put("two entries", zip(junk, "two.zip", Map.of("crisisdesk.mv.db", goodBytes, "x.txt", new byte[1])));
        Files.write(junk.resolve("cut.zip"), java.util.Arrays.copyOf(goodBytes, goodBytes.length / 2));
        bad.put("backup cut in half", junk.resolve("cut.zip"));
        bad.put("missing file", junk.resolve("nope.zip"));

        Path db = home.resolve("crisisdesk.mv.db");
        String before = sha(db);
        for (Map.Entry<String, Path> c : bad.entrySet()) {
            Run r = run("--home", home.toString(), "restore", c.getValue().toString());
            assertThat(r.exit()).as(c.getKey() + ": " + r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).as(c.getKey()).startsWith("crisisdesk: The backup ").contains("cannot be used")
                    .doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(sha(db)).as(c.getKey() + ": the live database is untouched").isEqualTo(before);
            assertThat(beforeRestoreFiles(home)).as(c.getKey()).isEmpty();
        }
        assertThat(junk.getParent().resolve("x")).doesNotExist();
        assertThat(exported(home)).isEqualTo(30);

        // and the good one still restores
        Run ok = run("--home", home.toString(), "restore", good.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(exported(home)).isEqualTo(30);
    }

    @Test
    void aBackupIsRenamedOnlyWhenCompleteAndTheListMarksBrokenOnes() throws Exception {
        Path home = homeWith(5);
        Run backup = run("--home", home.toString(), "backup");
        assertThat(backup.exit()).isZero();
        Path good = Path.of(backup.out().trim().replace("backup written to ", ""));
        try (Stream<Path> s = Files.list(good.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly(
                    good.getFileName().toString());
        }
        // what a killed or disk-full backup used to leave: a cut-short zip under a final name; and a .part now
        byte[] bytes = Files.readAllBytes(good);
        Path cut = good.resolveSibling("crisisdesk-20200101-000000-manual.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        Files.write(good.resolveSibling(".crisisdesk-20200102-000000-manual.zip.part"), bytes);
        Run list = run("--home", home.toString(), "backup", "--list");
        assertThat(list.exit()).isEqualTo(1);
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo(good.toString()));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(cut + "  BROKEN: ").contains("cut short"));
        assertThat(list.out()).doesNotContain(".part");
        // the damaged-database message names the newest good backup, not the broken one
        Files.setLastModifiedTime(cut, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.write(home.resolve("crisisdesk.mv.db"), new byte[0]);
        Run broken = run("--home", home.toString(), "export", "--out", home.resolve("x.jsonl").toString());
        assertThat(broken.err()).contains("The last backup is " + good);
    }

    @Test
    void restoreIsRefusedWhileAnotherProcessHasTheDatabaseOpen() throws Exception {
        Path home = homeWith(10);
        Run backup = run("--home", home.toString(), "backup");
        Path zip = Path.of(backup.out().trim().replace("backup written to ", ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", HoldDatabase.class.getName(), home.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("OPEN 10");
            String before = sha(home.resolve("crisisdesk.mv.db"));
            Run r = run("--home", home.toString(), "restore", zip.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("is open in another program").contains("nothing was changed")
                    .doesNotContain("\tat ");
            assertThat(beforeRestoreFiles(home)).isEmpty();
            assertThat(sha(home.resolve("crisisdesk.mv.db"))).isEqualTo(before);
        } finally {
            try (OutputStream in = child.getOutputStream()) {
                in.flush();
            }
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        Run r = run("--home", home.toString(), "restore", zip.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void aTruncatedDatabaseIsRefusedWithItsPathAndNeverWrittenOver() throws Exception {
        Path home = homeWith(300);
        run("--home", home.toString(), "backup");
        Path db = home.resolve("crisisdesk.mv.db");
        long size = Files.size(db);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(size / 2);
        }
        String cut = sha(db);
        Run exp = run("--home", home.toString(), "export", "--out", home.resolve("x.jsonl").toString());
        assertThat(exp.exit()).isEqualTo(2);
        assertThat(exp.err()).contains(db.toString()).contains("damaged").contains("cut short")
                .contains("The last backup is ").contains("crisisdesk restore").doesNotContain("\tat ");
        assertThat(home.resolve("x.jsonl")).doesNotExist();
        Path in = home.resolve("more.jsonl");
        Files.writeString(in, "{\"id\":\"9999\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"x\"}\n");
        Run imp = run("--home", home.toString(), "import", in.toString());
        assertThat(imp.exit()).isEqualTo(2);
        assertThat(sha(db)).as("the damaged file is left as it was").isEqualTo(cut);
    }

    @Test
    void aZeroLengthDatabaseIsRefusedNotMigratedIntoAnEmptyOne() throws Exception {
        Path home = TempDesk.newHome();
        Files.write(home.resolve("crisisdesk.mv.db"), new byte[0]);
        Run exp = run("--home", home.toString(), "export", "--out", home.resolve("x.jsonl").toString());
        assertThat(exp.exit()).isEqualTo(2);
        assertThat(exp.err()).contains(home.resolve("crisisdesk.mv.db").toString()).contains("empty (0 bytes)")
                .contains("There is no backup in");
        assertThat(Files.size(home.resolve("crisisdesk.mv.db"))).isZero();
    }

    @Test
    void aDatabaseThatOpensWithFewerMentionsThanItsStampIsRefused() throws Exception {
        Path home = homeWith(20);
        Path early = TempDesk.newHome().resolve("early.mv.db");
        Files.copy(home.resolve("crisisdesk.mv.db"), early);
        Path in = home.resolve("more.jsonl");
        Files.writeString(in, "{\"id\":\"500\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"x\"}\n");
        assertThat(run("--home", home.toString(), "import", in.toString()).exit()).isZero();
        // an older copy of the file, as long as the newer one (H2 reading back to an older chunk looks like this)
        long len = Files.size(home.resolve("crisisdesk.mv.db"));
        Files.copy(early, home.resolve("crisisdesk.mv.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (Files.size(early) < len) {
            Files.writeString(home.resolve("crisisdesk.mv.db.stamp"),
                    Files.readString(home.resolve("crisisdesk.mv.db.stamp")).replaceAll("length=\\d+", "length=" + Files.size(early)));
        }
        Run exp = run("--home", home.toString(), "export", "--out", home.resolve("x.jsonl").toString());
        assertThat(exp.exit()).isEqualTo(2);
        assertThat(exp.err()).contains("opens with 20 mentions, fewer than the 21");
    }

    @Test
    void dbInAFolderThatDoesNotExistIsRefusedNotCreated() throws Exception {
        Path home = TempDesk.newHome();
        Path typo = home.resolve("dtaa");
        Run r = run("--home", home.toString(), "--db", "jdbc:h2:file:" + typo.resolve("desk"), "export", "--out",
                home.resolve("x.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("The folder " + typo).contains("does not exist").contains("mkdir -p " + typo);
        assertThat(typo).doesNotExist();
        Files.createDirectories(typo);
        Run ok = run("--home", home.toString(), "--db", "jdbc:h2:file:" + typo.resolve("desk"), "export", "--out",
                home.resolve("x.jsonl").toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
    }
}
