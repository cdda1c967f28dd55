package org.crisisdesk.notice;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.text.Normalizer;

/**
 * The platform's own count of a post's length, from the twitter-text library: Hangul, CJK and emoji weigh 2, most
 * Latin characters 1, every URL 23, limit 280, text NFC-normalized first.
 */
public final class WeightedLength {
    public static final int LIMIT = 280;

    private WeightedLength() {}

    /**
     * @param weighted the weighted length
     * @param valid whether the platform accepts it (fits, not empty, no forbidden characters)
     * @param overflowIndex UTF-16 index (in the NFC text) of the first character past the limit; -1 when it fits
     */
    public record Measure(int weighted, boolean valid, int overflowIndex) {
        public boolean overLimit() {
            return weighted > LIMIT;
        }

        /** {@code "231/280"}. */
        public String counter() {
            return weighted + "/" + LIMIT;
        }
    }

    public static Measure measure(String text) {
        if (text == null || text.isEmpty()) {
            return new Measure(0, false, -1);
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        TwitterTextParseResults r = TwitterTextParser.parseTweet(nfc);
        int overflow = -1;
        if (r.weightedLength > LIMIT) {
            overflow = Math.max(0, Math.min(nfc.length(), r.validTextRange.end + 1));
        }
        return new Measure(r.weightedLength, r.isValid, overflow);
    }

    public static boolean fits(String text) {
        return measure(text).valid();
    }
}
