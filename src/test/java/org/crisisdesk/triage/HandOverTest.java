package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.testing.MutableClock;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

class HandOverTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-17T05:00:00Z"));

    private List<Long> casesIn(Services s) {
        List<StoredMention> stored = s.mentions().ingest(List.of(
                Filing.unsorted(new Mention("x", "501", Instant.parse("2026-10-17T03:10:00Z"), "minji", "김민지", "ko",
                        "@desk_official 주문번호 2026-10-17-1234 주소 변경 부탁드려요", null, null, null)),
                Filing.unsorted(new Mention("x", "502", Instant.parse("2026-10-17T03:11:00Z"), "joe", null, "en",
                        "=HYPERLINK(\"http://evil\") refund please, \"quoted\", comma", null, null, null)),
                Filing.unsorted(TempDesk.mention("x", "503", "배송 언제"))), null, "replay");
        long cc = s.categories().byName("고객센터").orElseThrow().id();
        s.triage().move(List.of(stored.get(0).pk(), stored.get(1).pk()), cc, "desk-a");
        return stored.stream().map(StoredMention::pk).toList();
    }

    @Test
    void csvHandsOverPendingCasesOnceAndMarksThem() throws Exception {
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, clock)) {
            List<Long> pks = casesIn(s);
            Path out = home.resolve("out/cases.csv");

            int n = s.triage().handOver(out, MentionExporter.Format.CSV, SEOUL);

            assertThat(n).isEqualTo(2);
            String csv = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFFid,created_at,author,author_name,link,text,category,context,assignee\n");
            assertThat(csv).contains("501,\"2026-10-17T12:10:00+09:00\",minji,김민지,\"https://x.com/minji/status/501\","
                    + "\"'@desk_official 주문번호 2026-10-17-1234 주소 변경 부탁드려요\"");
            // a formula is defused and quotes survive CSV escaping
            assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\") refund please, \"\"quoted\"\", comma\"");
            assertThat(csv).doesNotContain("503");
            assertThat(s.mentions().find(pks.get(0)).orElseThrow().handedOverAt()).isEqualTo(clock.instant());
            assertThat(s.mentions().find(pks.get(2)).orElseThrow().handedOverAt()).isNull();
            assertThat(s.triage().stats().columns().values()).allSatisfy(c -> assertThat(c.notHandedOver()).isZero());

            // nothing pending: no file written, the previous one untouched
            Path again = home.resolve("out/again.csv");
            assertThat(s.triage().handOver(again, MentionExporter.Format.CSV, SEOUL)).isZero();
            assertThat(again).doesNotExist();
            try (Stream<Path> files = Files.list(home.resolve("out"))) {
                assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("cases.csv");
            }
        }
    }

    @Test
    void jsonlCarriesAuthorLinkTextAndTime() throws Exception {
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, clock)) {
            casesIn(s);
            Path out = home.resolve("cases.jsonl");
            assertThat(s.triage().handOver(out, MentionExporter.Format.JSONL, SEOUL)).isEqualTo(2);
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo("{\"id\":\"501\",\"created_at\":\"2026-10-17T12:10:00+09:00\","
                    + "\"author\":\"minji\",\"author_name\":\"김민지\",\"link\":\"https://x.com/minji/status/501\","
                    + "\"text\":\"@desk_official 주문번호 2026-10-17-1234 주소 변경 부탁드려요\",\"category\":\"고객센터\","
                    + "\"context\":\"\",\"assignee\":\"\"}"); // nobody assigned (issue 22)
            assertThat(lines.get(1)).contains("\"text\":\"=HYPERLINK(\\\"http://evil\\\") refund please");
        }
    }

    @Test
    void aFileThatCannotBeCommittedMarksNothing() throws Exception {
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, clock)) {
            List<Long> pks = casesIn(s);
            Path blocked = home.resolve("blocked.csv");
            Files.createDirectories(blocked.resolve("inside")); // a non-empty directory cannot be replaced by a file

            assertThatThrownBy(() -> s.triage().handOver(blocked, MentionExporter.Format.CSV, SEOUL))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("blocked.csv");

            assertThat(s.mentions().find(pks.get(0)).orElseThrow().handedOverAt()).isNull();
            try (Stream<Path> files = Files.list(home)) {
                assertThat(files).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
            }
            assertThat(s.triage().handOver(home.resolve("ok.csv"), MentionExporter.Format.CSV, SEOUL)).isEqualTo(2);
        }
    }

    @Test
    void csvNamesTheCategoryAndThePostACaseAnswersDefused() throws Exception {
        Path home = TempDesk.newHome();
        try (Services s = TempDesk.open(home, clock)) {
            List<StoredMention> stored = s.mentions().ingest(List.of(
                    Filing.unsorted(new Mention("x", "600", Instant.parse("2026-10-17T02:00:00Z"), "desk_official",
                            null, "ko", "=공지: 유심 개통 지연 안내", null, null, null)),
                    Filing.unsorted(new Mention("x", "601", Instant.parse("2026-10-17T03:00:00Z"), "minji", null, "ko",
                            "@desk_official 제 주문은요?", "600", null, null)),
                    Filing.unsorted(new Mention("x", "602", Instant.parse("2026-10-17T03:05:00Z"), "joe", null, "en",
                            "and mine?", "599", null, null))), null, "replay");
            long cc = s.categories().byName("고객센터").orElseThrow().id();
            s.triage().move(List.of(stored.get(1).pk(), stored.get(2).pk()), cc, "desk-a");
            Path out = home.resolve("cases.csv");

            assertThat(s.triage().handOver(out, MentionExporter.Format.CSV, SEOUL)).isEqualTo(2);

            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).endsWith(",text,category,context,assignee");
            // the replied-to post, held by the desk: its author and text, defused like every cell
            assertThat(lines.get(1)).startsWith("601,").endsWith(",고객센터,\"'@desk_official: =공지: 유심 개통 지연 안내\",");
            // a post the desk does not hold: its link
            assertThat(lines.get(2)).startsWith("602,").endsWith(",고객센터,\"https://x.com/i/web/status/599\",");
        }
    }
}
