package org.crisisdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import org.crisisdesk.mention.MentionStore;
import org.junit.jupiter.api.Test;

class GramsTest {

    @Test
    void bigramsOfEveryScriptWithSpacesFoldedCase() {
        assertThat(Grams.ofQuery("배송 지연", true)).containsExactly("배송", "송 ", " 지", "지연");
        assertThat(Grams.ofQuery("Please", false)).containsExactly("pl", "le", "ea", "as", "se");
        assertThat(Grams.ofText("PLEASE\u00a0call")).contains("pl", "se", "e ", " c");
        assertThat(Grams.ofQuery("😡😡", true)).containsExactly("😡😡");
    }

    @Test
    void tooShortOrHalfASurrogatePairHasNoGramsSoTheStoreScans() {
        assertThat(Grams.ofQuery("유", true)).isEmpty();
        assertThat(Grams.ofQuery("😡", true)).isEmpty();
        assertThat(Grams.ofQuery("a\ud83d", false)).isEmpty();
        assertThat(Grams.ofQuery("\ude21b", false)).isEmpty();
    }

    /**
     * The property the index rests on: whenever the store's SQL condition matches (raw {@code LIKE} for a caseless
     * query, {@code LOWER(text) LIKE LOWER(query)} otherwise), every gram of the query is a gram of the text.
     */
    @Test
    void everyQueryTheStoreMatchesHasAllItsGramsInTheText() {
        String[] pieces = {"유심", "배송", " ", "  ", "\t", "\u00a0", "지연", "ㅠ", "A", "a", "Σ", "σ", "ς", "İ", "ı", "I",
            "i", "\u0307", "e\u0301", "é", "ß", "K", "\u212a", "😡", "👨\u200d👩", "%", "_", "\\", "Ǆ", "ǅ", "ǆ", "ﬀ",
            "Ａ", "ｂ", "1", "!"};
        Random random = new Random(8);
        int checked = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString();
            int[] cps = t.codePoints().toArray();
            int from = random.nextInt(cps.length);
            int to = from + 1 + random.nextInt(cps.length - from);
            String q = new String(cps, from, to - from);
            if (random.nextBoolean()) {
                q = random.nextBoolean() ? q.toUpperCase() : q.toLowerCase();
            }
            q = q.strip();
            if (q.isEmpty()) {
                continue;
            }
            boolean caseless = MentionStore.caseless(q);
            boolean matches = caseless ? t.contains(q) : t.toLowerCase().contains(q.toLowerCase());
            if (!matches) {
                continue;
            }
            Set<String> textGrams = Grams.ofText(t);
            assertThat(textGrams).as("text %s query %s", t, q).containsAll(Grams.ofQuery(q, caseless));
            checked++;
        }
        assertThat(checked).isGreaterThan(5_000);
    }

    @Test
    void theTableFoldIsTheCodePointFoldForEveryCharacterAndMixedText() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertThat(Grams.fold(one)).as("U+%04X", c).isEqualTo(Grams.foldCodePoints(one));
        }
        for (String text : new String[] {"배송 지연 ΣΑΣ ς İstanbul", "emoji 👩\u200D💻 and 𝐀𝐁", "half \uD83D alone",
            "\u0000nul", "tab\tand\u00A0nbsp\u3000wide"}) {
            assertThat(Grams.fold(text)).as(text).isEqualTo(Grams.foldCodePoints(text));
        }
    }
}
