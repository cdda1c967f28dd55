package org.crisisdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs fuzz cases with a {@link Hostile} generator and names the seed and case of the first failure. */
public final class Fuzz {
    /** Counts every case run in this JVM, so a suite can report its total. */
    public static final AtomicInteger CASES = new AtomicInteger();

    private Fuzz() {}

    @FunctionalInterface
    public interface Case {
        void run(Hostile h, int n) throws Exception;
    }

    /** Runs {@code count} cases; any exception or failed assertion is rethrown with the seed to replay it. */
    public static void run(Hostile h, int count, Case body) {
        for (int n = 0; n < count; n++) {
            h.startCase(n);
            CASES.incrementAndGet();
            try {
                body.run(h, n);
            } catch (Throwable t) {
                AssertionError e = new AssertionError(h.describe(n) + ": " + t, t);
                System.err.println(e.getMessage());
                throw e;
            }
        }
    }

    private static final Pattern TAG = Pattern.compile("<\\s*(/?)\\s*([A-Za-z!?][A-Za-z0-9:-]*)([^>]*)>?");
    private static final Pattern EVENT_ATTR = Pattern.compile("(?i)[\\s/\"']on[a-z]+\\s*=");

    /**
     * The HTML holds only the renderer's own elements: every {@code <} starts one of {@code ownTags} (or the
     * doctype), no element carries an event handler, and no link points at {@code javascript:} or {@code data:}.
     */
    public static void assertOnlyOwnMarkup(String html, Set<String> ownTags) {
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (name.equals("!doctype")) {
                continue;
            }
            assertThat(ownTags).as("a <%s> element that the renderer does not write, near: %s", name,
                    around(html, m.start())).contains(name);
            // quoted values are text (their quotes are escaped): look only at attribute names
            String attributes = m.group(3).replaceAll("\"[^\"]*\"", "\"\"");
            assertThat(EVENT_ATTR.matcher(attributes).find()).as("an event handler in %s", m.group()).isFalse();
        }
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("href=\"javascript").doesNotContain("href=\"data:")
                .doesNotContain("src=\"javascript");
    }

    private static String around(String s, int at) {
        return s.substring(Math.max(0, at - 60), Math.min(s.length(), at + 60));
    }
}
