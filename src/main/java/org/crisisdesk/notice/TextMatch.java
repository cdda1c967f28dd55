package org.crisisdesk.notice;

import com.twitter.twittertext.Extractor;
import java.text.Normalizer;
import java.util.List;

/**
 * Compares what we meant to post with what the platform shows, for reconciliation: the platform shortens every URL
 * to t.co, HTML-escapes {@code & < >}, and may tidy white space. So both sides are NFC-normalized, unescaped, every
 * URL replaced by one marker and white space collapsed.
 */
public final class TextMatch {
    private static final String URL_MARK = "\u0001url\u0001";

    private TextMatch() {}

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        List<Extractor.Entity> urls = new Extractor().extractURLsWithIndices(s);
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Extractor.Entity e : urls) {
            b.append(s, at, e.getStart()).append(URL_MARK);
            at = e.getEnd();
        }
        b.append(s.substring(at));
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    public static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }
}
