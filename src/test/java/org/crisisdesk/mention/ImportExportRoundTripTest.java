package org.crisisdesk.mention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.app.Services;
import org.crisisdesk.source.FileImporter;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

class ImportExportRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void importThenExportKeepsEveryFieldExactly() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        List<String> lines = ImportExportRoundTripTestData.hostileLines();
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path out = home.resolve("out.jsonl");
        try (Services s = TempDesk.open(home, TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            FileImporter.Report r = s.importer("test").importFile(in);
            assertThat(r.rejected()).isEmpty();
            assertThat(r.imported()).isEqualTo(lines.size());
            Map<Long, String> names = new HashMap<>();
            s.categories().all().forEach(c -> names.put(c.id(), c.name()));
            int n = s.exporter().export(MentionFilter.ALL, MentionExporter.Format.JSONL, out, names::get);
            assertThat(n).isEqualTo(lines.size());
        }
        ImportExportRoundTripTestData.assertSameMentions(lines, Files.readAllLines(out, StandardCharsets.UTF_8));
    }

    @Test
    void badLinesAreReportedByNumberAndGoodOnesStillImported() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("mixed.jsonl");
        byte[] invalidUtf8 = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        try (var os = Files.newOutputStream(in)) {
            os.write(("{\"id\":\"1\",\"created_at\":\"2026-10-17T09:00:00+09:00\",\"author\":\"a\",\"text\":\"ok\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            os.write("{not json\n".getBytes(StandardCharsets.UTF_8));
            os.write(invalidUtf8);
            os.write('\n');
            os.write("{\"id\":\"3\",\"created_at\":\"yesterday\",\"author\":\"a\",\"text\":\"t\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
            os.write("{\"id\":\"4\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"nul \\u0000\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
            os.write("{\"id\":\"5\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"lone \\ud800\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
            os.write("\n[1,2]\n".getBytes(StandardCharsets.UTF_8));
            os.write(("{\"id\":\"6\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"b\",\"text\":\"fine\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (Services s = TempDesk.open(home, TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            FileImporter.Report r = s.importer("test").importFile(in);
            assertThat(r.imported()).isEqualTo(2);
            assertThat(r.rejected()).extracting(FileImporter.Rejection::line).containsExactly(2, 3, 4, 5, 6, 8);
            assertThat(r.rejected().get(0).reason()).startsWith("malformed JSON");
            assertThat(r.rejected().get(1).reason()).isEqualTo("not valid UTF-8");
            assertThat(r.rejected().get(2).reason()).contains("ISO-8601");
            assertThat(r.rejected().get(3).reason()).contains("NUL");
            assertThat(r.rejected().get(4).reason()).contains("surrogate");
            FileImporter.Report again = s.importer("test").importFile(in);
            assertThat(again.imported()).isZero();
            assertThat(again.duplicates()).isEqualTo(2);
        }
    }

    @Test
    void aRealReplacementCharacterIsTextAndABadByteBesideOneIsStillRejected() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("fffd.jsonl");
        try (var os = Files.newOutputStream(in)) {
            os.write("{\"id\":\"1\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"깨진 글자 \uFFFD 그대로\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
            os.write("{\"id\":\"2\",\"created_at\":\"2026-10-17T09:00:00Z\",\"author\":\"a\",\"text\":\"\uFFFD "
                    .getBytes(StandardCharsets.UTF_8));
            os.write(new byte[] {(byte) 0xFF, '"', '}', '\n'});
        }
        try (Services s = TempDesk.open(home, TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            FileImporter.Report r = s.importer("test").importFile(in);
            assertThat(r.imported()).isEqualTo(1);
            assertThat(r.rejected()).singleElement().satisfies(x -> {
                assertThat(x.line()).isEqualTo(2);
                assertThat(x.reason()).isEqualTo("not valid UTF-8");
            });
            assertThat(s.mentions().page(MentionFilter.ALL, 10)).singleElement()
                    .satisfies(m -> assertThat(m.mention().text()).isEqualTo("깨진 글자 \uFFFD 그대로"));
        }
    }

    @Test
    void aV2PageWithOneBadTweetImportsTheOthersAndNamesTheBadOne() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("v2.jsonl");
        Files.writeString(in, "{\"meta\":{\"result_count\":0}}\n"
                + "{\"data\":[{\"id\":\"40\",\"text\":\"a\",\"author_id\":\"9\",\"created_at\":\"2026-10-17T01:00:00Z\"},"
                + "{\"id\":\"41\",\"text\":\"nul \\u0000\",\"author_id\":\"9\",\"created_at\":\"2026-10-17T01:00:01Z\"},"
                + "{\"id\":\"42\",\"text\":\"c\",\"author_id\":\"8\",\"created_at\":\"2026-10-17T01:00:02Z\"}],"
                + "\"includes\":{\"users\":[{\"id\":\"9\",\"username\":\"jane\"}]}}\n", StandardCharsets.UTF_8);
        try (Services s = TempDesk.open(home, TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            FileImporter.Report r = s.importer("test").importFile(in);
            assertThat(r.imported()).isEqualTo(2);
            assertThat(r.rejected()).singleElement().satisfies(x -> {
                assertThat(x.line()).isEqualTo(2);
                assertThat(x.reason()).startsWith("data[1] (id 41): ").contains("NUL");
            });
            assertThat(s.mentions().page(MentionFilter.ALL, 10)).extracting(m -> m.mention().author())
                    .containsExactlyInAnyOrder("jane", "id:8");
        }
    }

    @Test
    void nanosecondsAreCutToMicrosecondsSoTheStoredInstantIsTheParsedOne() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("nanos.jsonl");
        String line = "{\"id\":\"1\",\"created_at\":\"2026-10-17T09:00:03.123456789+09:00\",\"author\":\"a\",\"text\":\"t\"}";
        Files.writeString(in, line + "\n", StandardCharsets.UTF_8);
        Instant parsed = MentionJson.parseLine(line).mentions().get(0).createdAt();
        assertThat(parsed).isEqualTo(Instant.parse("2026-10-17T00:00:03.123456Z")); // truncated, not rounded up
        try (Services s = TempDesk.open(home, TempDesk.fixed("2026-10-17T03:00:00Z"))) {
            s.importer("test").importFile(in);
            assertThat(s.mentions().page(MentionFilter.ALL, 10)).singleElement()
                    .satisfies(m -> assertThat(m.mention().createdAt()).isEqualTo(parsed));
            Path out = home.resolve("out.jsonl");
            s.exporter().export(MentionFilter.ALL, MentionExporter.Format.JSONL, out, id -> null);
            assertThat(Files.readString(out)).contains("\"created_at\":\"2026-10-17T00:00:03.123456Z\"");
        }
    }
}
