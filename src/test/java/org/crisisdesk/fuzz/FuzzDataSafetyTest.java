package org.crisisdesk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.source.FileImporter;
import org.crisisdesk.store.BackupCheck;
import org.crisisdesk.store.Backups;
import org.crisisdesk.testing.Fuzz;
import org.crisisdesk.testing.Hostile;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.CategoryFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's properties over generated input, against a real home: import lines (every non-blank line is imported,
 * a duplicate, rejected with its number or quarantined: never an exception, never a lost line), category files (read
 * or refused with a reason), notice fields (one line, no control or bidi override) and backup zips (refused as bad, or
 * verified with the data they hold; never an other exception, nothing written outside the scratch folder).
 * About 300 cases here; {@link FuzzDataSafetyDrillTest} runs 10,000 under {@code -Pdrill}. Seeded: {@code -Dfuzz.seed}.
 */
class FuzzDataSafetyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Path home;
    static Services services;
    static Path goodBackup;
    static long backedUp;

    @BeforeAll
    static void open() throws Exception {
        home = TempDesk.newHome();
        services = Services.open(home, null, Clock.systemUTC());
        Path in = home.resolve("seed.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("{\"id\":\"seed" + i + "\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"배송 " + i
                    + "\"}");
        }
        Files.write(in, lines);
        services.importer("fuzz").importFile(in);
        goodBackup = new Backups(home).create(services.db(), Clock.systemUTC(), "fuzz");
        backedUp = services.mentions().count(MentionFilter.ALL);
    }

    @AfterAll
    static void close() {
        services.close();
        System.out.println("fuzz (data safety): " + Fuzz.CASES.get() + " cases so far in this JVM (seed "
                + Hostile.seedFromProperty() + ")");
    }

    final Hostile h = new Hostile(Hostile.seedFromProperty());

    @Test
    void importFilesLoseNoLine() {
        importCases(h, 100);
    }

    @Test
    void categoryFilesAreReadOrRefusedWithAReason() {
        categoryCases(h, 60);
    }

    @Test
    void noticeFieldsAreAlwaysOneCleanLine() {
        noticeCases(h, 100);
    }

    @Test
    void backupZipsAreRefusedOrTrueNeverHalfTrusted() throws Exception {
        zipCases(h, 40);
    }

    // ---- the cases, shared with the drill ----

    static void importCases(Hostile h, int count) {
        Fuzz.run(h, count, (g, n) -> {
            Path file = home.resolve("case-" + n + ".jsonl");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int lines = 1 + g.nextInt(6);
            int nonBlank = 0;
            for (int i = 0; i < lines; i++) {
                byte[] line = importLine(g, n + "-" + i);
                boolean blank = new String(line, StandardCharsets.UTF_8).isBlank();
                if (!blank) {
                    nonBlank++;
                }
                bytes.writeBytes(line);
                bytes.write('\n');
            }
            Files.write(file, bytes.toByteArray());
            long before = services.mentions().count(MentionFilter.ALL);
            FileImporter.Report r = services.importer("fuzz").importFile(file);
            assertThat(r.read()).as("every non-blank line is accounted for").isEqualTo(nonBlank);
            for (FileImporter.Rejection x : r.rejected()) {
                assertThat(x.line()).isBetween(1, lines);
                assertThat(x.reason()).isNotBlank();
            }
            assertThat(services.mentions().count(MentionFilter.ALL)).isEqualTo(before + r.imported());
            Files.delete(file);
        });
    }

    /** One line: a good one, a hostile one, invalid UTF-8, a numeric id, a bad category, a half line, or blank. */
    static byte[] importLine(Hostile g, String id) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("created_at", g.pick(List.of("2026-10-17T09:00:00Z", "2026-10-17T09:00:00.123+09:00",
                "+999999999-12-31T23:59:59Z", "tomorrow", "2026-02-30T00:00:00Z")));
        o.put("author", g.chance(0.9) ? "a" + g.nextInt(5) : g.text());
        o.put("text", g.chance(0.5) ? g.storableText() : g.text());
        switch (g.nextInt(9)) {
            case 0 -> o.put("category", g.chance(0.5) ? g.storableText() : "x".repeat(55 + g.nextInt(10)));
            case 1 -> o.put("lang", g.text());
            case 2 -> o.put("conversation_id", g.text());
            case 3 -> o.set("id", JSON.getNodeFactory().numberNode(new java.math.BigDecimal(g.pick(List.of("1e400",
                    "1e-400", "1e2", "-1.5", g.nextInt(1000) + ".0")))));
            case 4 -> o.put("source", g.text());
            default -> { }
        }
        String line = o.toString();
        return switch (g.nextInt(12)) {
            case 0 -> { // invalid UTF-8, on one line that is not blank
                byte[] b = g.bytes();
                for (int i = 0; i < b.length; i++) {
                    if (b[i] == '\n' || b[i] == '\r') {
                        b[i] = ' ';
                    }
                }
                byte[] x = new byte[b.length + 1];
                x[0] = 'x';
                System.arraycopy(b, 0, x, 1, b.length);
                yield x;
            }
            case 1 -> line.substring(0, g.nextInt(line.length())).getBytes(StandardCharsets.UTF_8);
            case 2 -> "   ".getBytes(StandardCharsets.UTF_8);
            default -> line.getBytes(StandardCharsets.UTF_8);
        };
    }

    static void categoryCases(Hostile h, int count) {
        Fuzz.run(h, count, (g, n) -> {
            StringBuilder b = new StringBuilder("{\"format\":\"crisisdesk-categories/1\",\"categories\":[");
            int k = g.nextInt(4);
            for (int i = 0; i < k; i++) {
                ObjectNode c = JSON.createObjectNode();
                c.put("name", g.chance(0.3) ? g.text() : "c" + i);
                c.put("color", g.pick(List.of("#aabbcc", "red", g.text())));
                c.putArray("keywords").add(g.text());
                c.putArray("regexes").add(g.pick(List.of("(ha)+", "(a+)+b", "[", "(배송|택배|\\s)+언제", g.text())));
                b.append(i == 0 ? "" : ",").append(c);
            }
            b.append("]}");
            String file = g.chance(0.2) ? b.substring(0, g.nextInt(b.length())) : b.toString();
            try {
                List<CategoryFile.Spec> specs = CategoryFile.read(new ByteArrayInputStream(
                        file.getBytes(StandardCharsets.UTF_8)));
                assertThat(specs).hasSizeLessThanOrEqualTo(k);
            } catch (IOException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        });
    }

    static void noticeCases(Hostile h, int count) {
        Fuzz.run(h, count, (g, n) -> {
            Stage stage;
            try {
                stage = Stage.parse(g.nextInt(3) + 1 + "/3 " + g.text());
            } catch (IllegalArgumentException e) {
                stage = null;
            }
            Notice notice = new Notice(null, g.text(), Instant.parse("2026-10-17T05:00:00Z"), g.text(), stage, null,
                    null, g.text(), g.text(), null, NoticeLang.KO, 0, null);
            for (String f : new String[] {notice.category(), notice.department(), notice.doneLine(),
                notice.nextLine(), stage == null ? null : stage.label()}) {
                if (f == null) {
                    continue;
                }
                assertThat(f.chars().anyMatch(ch -> Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029'
                        || org.crisisdesk.mention.TextChecks.isBidiControl((char) ch))).as("field %s", f).isFalse();
                assertThat(f).isEqualTo(f.strip());
            }
        });
    }

    static void zipCases(Hostile h, int count) throws Exception {
        byte[] good = Files.readAllBytes(goodBackup);
        Path work = TempDesk.newHome();
        Fuzz.run(h, count, (g, n) -> {
            Path zip = work.resolve("case-" + n + ".zip");
            byte[] bytes = switch (g.nextInt(6)) {
                case 0 -> java.util.Arrays.copyOf(good, g.nextInt(good.length));
                case 1 -> {
                    byte[] b = good.clone();
                    for (int i = 0; i < 1 + g.nextInt(4); i++) {
                        b[g.nextInt(b.length)] ^= (byte) (1 + g.nextInt(255));
                    }
                    yield b;
                }
                case 2 -> zipOf(g.pick(List.of("../../x", "/etc/x", "a/b.mv.db", "crisisdesk.mv.db", "x.mv.db",
                        "readme.txt", "..\\x.mv.db", g.text())), g.bytes());
                case 3 -> g.bytes();
                case 4 -> good;
                default -> zipOf("crisisdesk.mv.db", java.util.Arrays.copyOf(good, g.nextInt(good.length)));
            };
            Files.write(zip, bytes);
            Path scratch = work.resolve("scratch-" + n);
            try {
                BackupCheck.Good ok = BackupCheck.verify(zip, scratch);
                assertThat(ok.mentions()).as("a backup that passes holds what was backed up").isEqualTo(backedUp);
            } catch (BackupCheck.BadBackup bad) {
                assertThat(bad.getMessage()).startsWith("The backup " + zip + " cannot be used: ");
            }
            try (Stream<Path> s = Files.list(work)) {
                assertThat(s.map(p -> p.getFileName().toString()))
                        .allMatch(name -> name.startsWith("case-") || name.startsWith("scratch-"));
            }
            try (Stream<Path> all = Files.walk(scratch)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Files.delete(zip);
        });
    }

    static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        } catch (IllegalArgumentException e) {
            return content; // a name the zip format cannot hold: the bytes alone, not a zip
        }
        return out.toByteArray();
    }
}
