package org.crisisdesk.notice;

import java.util.Locale;

/** The language a notice is written in. Korean first: the account's audience reads Korean. */
public enum NoticeLang {
    KO("ko"),
    EN("en");

    private final String tag;

    NoticeLang(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** "ko", "KO", "ko-KR", "en", "en-US"...; anything else is an error the caller shows. */
    public static NoticeLang parse(String s) {
        if (s == null || s.isBlank()) {
            return KO;
        }
        String lang = s.strip().toLowerCase(Locale.ROOT);
        if (lang.startsWith("ko")) {
            return KO;
        }
        if (lang.startsWith("en")) {
            return EN;
        }
        throw new IllegalArgumentException("Language must be ko or en, not \"" + s + "\"");
    }
}
