package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadSplitterTest {

    @Test
    void aTextThatFitsIsOnePartWithoutNumbers() {
        assertThat(ThreadSplitter.split("짧은 안내입니다.")).containsExactly("짧은 안내입니다.");
        assertThat(ThreadSplitter.split("  ")).isEmpty();
    }

    @Test
    void longTextBecomesANumberedThreadAtSentenceEnds() {
        String sentence = "물류팀이 재배송을 준비하고 있으며 지역별로 순차 출고합니다.";
        String text = (sentence + " ").repeat(12).strip() + " 자세히: https://example.com/notice/42";
        List<String> parts = ThreadSplitter.split(text);
        assertThat(parts.size()).isBetween(2, 4);
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            assertThat(WeightedLength.fits(p)).as(p).isTrue();
            assertThat(p).endsWith(" (" + (i + 1) + "/" + parts.size() + ")");
            String body = p.substring(0, p.lastIndexOf(" ("));
            assertThat(body).as("breaks after a sentence or the link").matches("(?s).*(다\\.|/42)$");
        }
        assertThat(parts.get(parts.size() - 1)).contains("https://example.com/notice/42");
        String rejoined = String.join(" ", parts.stream().map(p -> p.substring(0, p.lastIndexOf(" ("))).toList());
        assertThat(rejoined).isEqualTo(text);
    }

    @Test
    void aWordLongerThanAPostIsCutBetweenCharactersNotInsideEmoji() {
        String text = "가".repeat(150) + "👨‍👩‍👧".repeat(30);
        List<String> parts = ThreadSplitter.split(text);
        assertThat(parts).hasSizeGreaterThan(1);
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            assertThat(WeightedLength.fits(p)).isTrue();
            b.append(p, 0, p.lastIndexOf(" ("));
        }
        assertThat(b.toString()).isEqualTo(text);
    }
}
