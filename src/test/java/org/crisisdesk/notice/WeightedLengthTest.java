package org.crisisdesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedLengthTest {

    @Test
    void hangulWeighsTwoAndTheLimitIs280() {
        assertThat(WeightedLength.measure("가".repeat(140))).isEqualTo(new WeightedLength.Measure(280, true, -1));
        WeightedLength.Measure over = WeightedLength.measure("가".repeat(141));
        assertThat(over.weighted()).isEqualTo(282);
        assertThat(over.valid()).isFalse();
        assertThat(over.overflowIndex()).isEqualTo(140);
        assertThat(over.counter()).isEqualTo("282/280");
    }

    @Test
    void urlsWeigh23WhateverTheirLength() {
        String url = "https://example.com/" + "a".repeat(200);
        assertThat(WeightedLength.measure(url).weighted()).isEqualTo(23);
        assertThat(WeightedLength.measure("자세히: " + url).weighted()).isEqualTo(3 * 2 + 2 + 23);
    }

    @Test
    void agreesWithTwitterTextOnMixes() {
        List<String> samples = List.of(
                "배송 지연 😀 안내 https://example.com/x 14:00",
                "👨‍👩‍👧 가족 요금제 #공지 @someone",
                "a".repeat(279) + "가",
                "🇰🇷".repeat(70),
                "日本語とEnglishと한국어 https://t.co/abc example.com 끝.",
                "e\u0301".repeat(10));
        for (String s : samples) {
            var expected = TwitterTextParser.parseTweet(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC));
            WeightedLength.Measure m = WeightedLength.measure(s);
            assertThat(m.weighted()).as(s).isEqualTo(expected.weightedLength);
            assertThat(m.valid()).as(s).isEqualTo(expected.isValid);
        }
    }

    @Test
    void overflowIndexPointsAtTheFirstCharacterPastTheLimit() {
        String text = "a".repeat(279) + "가나";
        WeightedLength.Measure m = WeightedLength.measure(text);
        assertThat(m.weighted()).isEqualTo(283);
        // "a"*279 = 279, "가" would make 281: the overflow starts at 가
        assertThat(m.overflowIndex()).isEqualTo(279);
        String emoji = "😀".repeat(141);
        assertThat(WeightedLength.measure(emoji).overflowIndex()).isEqualTo(280); // 140 emoji = 280 UTF-16 units
    }

    @Test
    void emptyTextIsNotValid() {
        assertThat(WeightedLength.measure("").valid()).isFalse();
        assertThat(WeightedLength.measure(null).weighted()).isZero();
    }
}
