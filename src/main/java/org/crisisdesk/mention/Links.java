package org.crisisdesk.mention;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The web links in a mention's text, in order, each once, for the detail pane to offer as clickable links. */
public final class Links {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence around a link far more often than it ends the link itself. */
    private static final String TRAILING = ".,;:!?'\"’”)]}>»」』】、。，！？";

    private Links() {}

    public static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group();
            while (!url.isEmpty() && TRAILING.indexOf(url.charAt(url.length() - 1)) >= 0
                    && !(url.endsWith(")") && url.contains("("))) { // keep the ")" of a wiki-style link
                url = url.substring(0, url.length() - 1);
            }
            if (url.length() > "https://".length() && !out.contains(url)) {
                out.add(url);
            }
        }
        return out;
    }
}
