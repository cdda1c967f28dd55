package org.crisisdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.crisisdesk.mention.MentionJson;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsCompatibilityFormsAndCase() {
        assertThat(TextNormalizer.normalize("ＤＥＬＩＶＥＲＹ １２３")).isEqualTo("delivery 123");
        assertThat(TextNormalizer.normalize("Tracking STILL Broken")).isEqualTo("tracking still broken");
        assertThat(TextNormalizer.normalize("㈜노바")).isEqualTo("(주)노바");
    }

    @Test
    void decomposedHangulBecomesTheUsualSyllables() {
        String nfd = Normalizer.normalize("유심 비용", Normalizer.Form.NFD);
        assertThat(nfd).hasSizeGreaterThan(5);
        assertThat(TextNormalizer.normalize(nfd)).isEqualTo("유심 비용");
    }

    @Test
    void collapsesEveryKindOfWhitespaceAndDropsInvisibleCharacters() {
        assertThat(TextNormalizer.normalize("  배송\t\t지연\r\n\n언제\u3000와요\u2028?  ")).isEqualTo("배송 지연 언제 와요 ?");
        assertThat(TextNormalizer.normalize("배\u200B송 \u200E지\u2067연\u2069\uFEFF")).isEqualTo("배송 지연");
    }

    @Test
    void classificationDropsHandlesAndLinksButKeepsEmailAddresses() {
        assertThat(TextNormalizer.forClassification(
                "@desk_official 배송 언제 와요? https://t.co/AbC123 참고 www.example.com/x @friend_2"))
                .isEqualTo("배송 언제 와요? 참고");
        assertThat(TextNormalizer.forClassification("RT @news_kr: 유심비 27,500원"))
                .isEqualTo("rt : 유심비 27,500원");
        assertThat(TextNormalizer.forClassification("mail me@example.com please")).isEqualTo("mail me@example.com please");
        assertThat(TextNormalizer.normalize("@desk_official hi")).isEqualTo("@desk_official hi");
    }

    @Test
    void withoutSpacesIsHowKoreanSpacingVariantsMeet() {
        assertThat(TextNormalizer.withoutSpaces(TextNormalizer.normalize("유심 비용")))
                .isEqualTo(TextNormalizer.withoutSpaces(TextNormalizer.normalize("유심비용")));
    }

    @Test
    void classificationLooksAtABoundedPrefixWithoutSplittingSurrogates() {
        String longText = "배송".repeat(3_000);
        assertThat(TextNormalizer.forClassification(longText)).hasSize(TextNormalizer.MAX_CLASSIFIED_CHARS);
        String emoji = "a".repeat(TextNormalizer.MAX_CLASSIFIED_CHARS - 1) + "😀😀";
        String cut = TextNormalizer.forClassification(emoji);
        assertThat(cut).doesNotEndWith("\uD83D");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
    }

    @Test
    void hostileTextNeverBreaksNormalization() throws IOException {
        List<String> texts = hostileTexts();
        assertThat(texts).hasSizeGreaterThan(30);
        for (String t : texts) {
            String n = TextNormalizer.forClassification(t);
            assertThat(n).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ", "\n", "\t", "\u200B");
            assertThat(TextNormalizer.forClassification(n)).isEqualTo(n); // idempotent
        }
    }

    static List<String> hostileTexts() throws IOException {
        try (InputStream in = TextNormalizerTest.class.getResourceAsStream("/triage/hostile.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(MentionJson::parseLine)
                    .flatMap(p -> p.mentions().stream())
                    .map(m -> m.text())
                    .toList();
        }
    }
}
