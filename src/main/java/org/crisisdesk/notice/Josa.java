package org.crisisdesk.notice;

/**
 * Korean particles that change with the word before them: 이/가, 은/는, 을/를, 과/와, 으로/로. The choice depends on
 * whether the last sounded syllable ends in a consonant (받침); with 으로/로 a final ㄹ takes 로.
 */
final class Josa {
    private static final int HANGUL_FIRST = 0xAC00;
    private static final int HANGUL_LAST = 0xD7A3;
    private static final int RIEUL = 8;

    private Josa() {}

    static String pick(String word, String afterConsonant, String afterVowel) {
        int jong = finalConsonant(word);
        if (jong < 0) {
            return afterConsonant + "(" + afterVowel + ")";
        }
        if (jong == 0) {
            return afterVowel;
        }
        if (jong == RIEUL && afterConsonant.startsWith("으")) {
            return afterVowel;
        }
        return afterConsonant;
    }

    /** 0 for none, the jongseong index for a Hangul syllable, -1 when it cannot be told. */
    static int finalConsonant(String word) {
        for (int i = word.length() - 1; i >= 0; i--) {
            char c = word.charAt(i);
            if (c >= HANGUL_FIRST && c <= HANGUL_LAST) {
                return (c - HANGUL_FIRST) % 28;
            }
            if (Character.isDigit(c)) {
                // 영 일 이 삼 사 오 육 칠 팔 구: read as Sino-Korean numbers
                return switch (c) {
                    case '0', '1', '3', '6', '7', '8' -> c == '1' || c == '7' || c == '8' ? RIEUL : 1;
                    default -> 0;
                };
            }
            if (Character.isLetter(c)) {
                char l = Character.toLowerCase(c);
                // Letters read with a final consonant: L(엘) M(엠) N(엔) R(알); the rest end in a vowel (에이, 비, 티...)
                return l == 'l' || l == 'r' ? RIEUL : l == 'm' || l == 'n' ? 1 : 0;
            }
            // skip closing brackets, quotes and punctuation: "(주)물류" -> look further back
        }
        return -1;
    }
}
