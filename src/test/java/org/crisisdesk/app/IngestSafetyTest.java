package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.app.CliTest.Run;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.Rules;
import org.junit.jupiter.api.Test;

/** Issue 20: whatever a file holds, each bad line costs only itself, and a poison post never stops the others. */
class IngestSafetyTest {

    static String line(String id, String text, String extra) {
        return "{\"id\":\"" + id + "\",\"created_at\":\"2026-10-17T09:00:00+09:00\",\"author\":\"a\",\"text\":\"" + text
                + "\"" + extra + "}";
    }

    static long count(Path home) {
        try (Services s = Services.open(home, null, java.time.Clock.systemUTC())) {
            return s.mentions().count(MentionFilter.ALL);
        }
    }

    @Test
    void aBadCategoryRejectsItsLineOnlyWithItsNumberAndCreatesNothing() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        Files.write(in, List.of(
                line("1", "ok", ",\"category\":\"첫 분류\""),
                line("2", "long", ",\"category\":\"" + "x".repeat(61) + "\""),
                line("3", "nul", ",\"category\":\"bad\\u0000name\""),
                line("4", "blank", ",\"category\":\"later\"")), StandardCharsets.UTF_8);
        Run r = CliTest.run("--home", home.toString(), "import", in.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("imported 2, duplicates skipped 0, rejected 2")
                .contains("line 2: \"category\": A category name can have at most 60 characters")
                .contains("line 3: \"category\":");
        try (Services s = Services.open(home, null, java.time.Clock.systemUTC())) {
            assertThat(s.categories().all().stream().map(Category::name)).contains("첫 분류", "later")
                    .doesNotContain("x".repeat(61)).noneMatch(n -> n.startsWith("bad"));
        }
    }

    @Test
    void numericIdsAreNeverCoerced() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        String tail = ",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"t\"}";
        Files.write(in, List.of("{\"id\":1e400" + tail, "{\"id\":1e-400" + tail, "{\"id\":1e2" + tail,
                "{\"id\":1.5" + tail, "{\"id\":1e401" + tail, "{\"id\":123" + tail,
                "{\"id\":123456789012345678901234567890" + tail), StandardCharsets.UTF_8);
        Run r = CliTest.run("--home", home.toString(), "import", in.toString());
        assertThat(r.out()).contains("imported 2, duplicates skipped 0, rejected 5")
                .contains("line 1: \"id\" must be a string or a whole number, not 1e400".replace("1e400", ""))
                .contains("line 3: \"id\" must be a string or a whole number");
        Path out = home.resolve("out.jsonl");
        CliTest.run("--home", home.toString(), "export", "--out", out.toString());
        assertThat(Files.readString(out)).contains("\"id\":\"123\"").contains("\"id\":\"123456789012345678901234567890\"")
                .doesNotContain("Infinity").doesNotContain("100.0").doesNotContain("\"0.0\"");
    }

    @Test
    void devZeroAndOverlongLinesAreBoundedAndReported() throws Exception {
        Path home = TempDesk.newHome();
        Run zero = CliTest.run("--home", home.toString(), "import", "/dev/zero");
        assertThat(zero.exit()).isEqualTo(1);
        assertThat(zero.out()).contains("line 1: no end of line within 64 MB").contains("rest of the file was not read");
        Path in = home.resolve("long.jsonl");
        try (var w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write(line("1", "before", ""));
            w.write("\n{\"id\":\"2\",\"text\":\"");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, 'a');
            for (int i = 0; i < 17; i++) {
                w.write(block);
            }
            w.write("\"}\n");
            w.write(line("3", "after", ""));
            w.write("\n");
        }
        Run r = CliTest.run("--home", home.toString(), "import", in.toString());
        assertThat(r.out()).contains("imported 2, duplicates skipped 0, rejected 1").contains("line 2: longer than 16 MB");
    }

    @Test
    void aPoisonPostIsQuarantinedAndTheOthersAreStored() throws Exception {
        Path home = TempDesk.newHome();
        try (Services s = Services.open(home, null, java.time.Clock.systemUTC())) {
            s.categories().create("웃음", "#112233", Category.Kind.TOPIC, new Rules(List.of(), List.of("(ha)+", "!+"),
                    List.of()));
            s.categories().create("배송", "#112244", Category.Kind.TOPIC, new Rules(List.of(),
                    List.of("(배송|택배|\\s)+언제"), List.of()));
            s.engine().reload();
        }
        Path in = home.resolve("in.jsonl");
        List<String> lines = new ArrayList<>();
        lines.add(line("1", "before", ""));
        lines.add(line("2", "ha".repeat(4000), ""));
        lines.add(line("3", "!".repeat(5000), ""));
        lines.add(line("4", "배송 택배 ".repeat(3000) + "언제", ""));
        lines.add(line("6", "after", ""));
        Files.write(in, lines, StandardCharsets.UTF_8);
        Run r = CliTest.run("--home", home.toString(), "import", in.toString());
        assertThat(r.out()).as(r.err()).contains("imported 5, duplicates skipped 0, rejected 0");
        assertThat(r.exit()).isZero();
        try (Services s = Services.open(home, null, java.time.Clock.systemUTC())) {
            assertThat(s.mentions().count(MentionFilter.ALL)).isEqualTo(5);
            // what a collector hands the pipeline: a page with one post the store will not take (its source is
            // longer than the column; the parsers refuse that, a source adapter might not) between good ones
            java.time.Instant t = java.time.Instant.parse("2026-10-17T01:00:00Z");
            List<org.crisisdesk.mention.Mention> page = List.of(
                    new org.crisisdesk.mention.Mention("x", "10", t, "a", null, null, "good 1", null, null, null),
                    new org.crisisdesk.mention.Mention("s".repeat(40), "5", t, "a", null, null, "poison", null, null,
                            null),
                    new org.crisisdesk.mention.Mention("x", "11", t, "a", null, null, "good 2", null, null, null));
            var pipeline = s.pipeline("collect");
            assertThat(pipeline.ingest(page, new org.crisisdesk.mention.Checkpoint("x:test", "11"))).hasSize(2);
            assertThat(pipeline.quarantined()).isEqualTo(1);
            assertThat(s.mentions().checkpoint("x:test")).contains("11");
            assertThat(s.mentions().count(MentionFilter.ALL)).isEqualTo(7);
            assertThat(s.quarantine().all()).singleElement().satisfies(h -> {
                assertThat(h.platformId()).isEqualTo("5");
                assertThat(h.error()).contains("Value too long");
                assertThat(h.raw()).contains("poison");
                assertThat(h.attempts()).isEqualTo(1);
            });
        }
        // the next start tries it again (a newer version might store it): still held, one more attempt, told
        Run again = CliTest.run("--home", home.toString(), "import", in.toString());
        assertThat(again.out()).contains("imported 0, duplicates skipped 5").contains("quarantine: 1 post(s)");
        try (Services s = Services.open(home, null, java.time.Clock.systemUTC())) {
            assertThat(s.quarantine().all()).singleElement().satisfies(h -> assertThat(h.attempts()).isGreaterThan(1));
        }
    }
}
