package org.crisisdesk.triage;

import org.crisisdesk.mention.Mention;

/** A mention's identity as one string ({@code source NUL platformId}), for the engine's map of what it learned. */
final class LabelKey {
    private LabelKey() {}

    static String of(String source, String platformId) {
        return source + '\u0000' + platformId;
    }

    static String of(Mention m) {
        return of(m.source(), m.platformId());
    }

    static String source(String key) {
        return key.substring(0, key.indexOf('\u0000'));
    }

    static String platformId(String key) {
        return key.substring(key.indexOf('\u0000') + 1);
    }
}
