package org.crisisdesk.mention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Canonical lines full of text that breaks naive code, and the exact-round-trip check over them. */
public final class ImportExportRoundTripTestData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportExportRoundTripTestData() {}

    /** Lines full of text that breaks naive code: every field must come back exactly. */
    public static List<String> hostileLines() throws Exception {
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
            "+1+1 spreadsheet sum",
            "=HYPERLINK(\"http://evil.example\",\"click\")",
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

    /** Every original line comes back with the same id, instant, author, name, language, text and category. */
    public static void assertSameMentions(List<String> originals, List<String> exportedLines) throws Exception {
        Map<String, JsonNode> exported = new HashMap<>();
        for (String l : exportedLines) {
            JsonNode node = JSON.readTree(l);
            exported.put(node.get("id").asText(), node);
        }
        assertThat(exported).hasSize(originals.size());
        for (String l : originals) {
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
}
