package org.crisisdesk.mention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Lines full of text that breaks naive code: every field must come back exactly. */
    static List<String> hostileLines() throws Exception {
        String[] texts = {
            "줄바꿈\n두 번째 줄\r\n세 번째\t탭",
            "가족 👨‍👩‍👧‍👦 깃발 🏳️‍🌈 피부색 👍🏽 and 🧑‍💻",
            "عاجل: الشحنة متأخرة \u200F مرحبا",
            "Hebrew שלום \u202Eoverride\u202C done",
            "A&S <긴급> 3시간 > 2시간 &amp; literally",
            "<script>alert(1)</script><img src=x onerror=alert(1)>",
            "'; DROP TABLE mention; --",
            "back\\slash \"quotes\" and 'single'",
            "한글 NFD: \u1112\u1161\u11AB\u1100\u1173\u11AF vs 한글",
            "supplementary 𠀀𠀁 and zero\u200Bwidth and\u2028line sep\u2029para",
            "x".repeat(5000),
        };
        List<String> lines = new ArrayList<>();
        String[] offsets = {"+09:00", "Z", "-05:00"};
        for (int i = 0; i < texts.length; i++) {
            var o = JSON.createObjectNode();
            o.put("id", String.valueOf(1861000000000000000L + i));
            o.put("created_at", "2026-10-17T09:00:0" + (i % 10) + offsets[i % 3]);
            o.put("author", "hostile_" + i);
            o.put("author_name", i % 2 == 0 ? "이름 🌸 " + i : "Name <b>" + i + "</b>");
            o.put("lang", i % 2 == 0 ? "ko" : "en");
            o.put("text", texts[i]);
            if (i % 3 == 0) {
                o.put("category", "배송 지연");
            }
            lines.add(JSON.writeValueAsString(o));
        }
        return lines;
    }

    @Test
    void importThenExportKeepsEveryFieldExactly() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        List<String> lines = hostileLines();
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
        Map<String, JsonNode> exported = new HashMap<>();
        for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(l);
            exported.put(node.get("id").asText(), node);
        }
        for (String l : lines) {
            JsonNode orig = JSON.readTree(l);
            JsonNode back = exported.get(orig.get("id").asText());
            assertThat(back).as("line %s", orig.get("id")).isNotNull();
            for (String f : new String[] {"author", "author_name", "lang", "text"}) {
                assertThat(back.get(f).asText()).as(f).isEqualTo(orig.get(f).asText());
            }
            assertThat(OffsetDateTime.parse(back.get("created_at").asText()).toInstant())
                    .isEqualTo(OffsetDateTime.parse(orig.get("created_at").asText()).toInstant());
            if (orig.has("category")) {
                assertThat(back.get("category").asText()).isEqualTo(orig.get("category").asText());
            } else {
                assertThat(back.has("category")).isFalse();
            }
        }
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
}
