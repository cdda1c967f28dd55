package org.crisisdesk.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The says-something check: a notice should say when (as-of), who (department), how far (stage) and when the next
 * news comes (ETA or next update), and should not be mostly apology boilerplate. Warnings, not errors: a person can
 * post anyway after seeing them.
 *
 * <p>A fact counts only when it made it into the text (a template without {@code {asOf}} loses the as-of even when
 * the field is filled). "Mostly apology" means: the text uses a stock phrase ("죄송합니다", "확인 중입니다",
 * "sorry for the inconvenience", "we are looking into it", ...) and either has no fact at all (no time, no stage, no
 * number of steps, no link) or more than half of its sentences are stock phrases without a fact.
 */
public final class NoticeLint {

    public enum Warning {
        NO_AS_OF,
        NO_DEPARTMENT,
        NO_STAGE,
        NO_ETA_OR_NEXT_UPDATE,
        APOLOGY_ONLY,
        /** The as-of time was set by hand and is older than {@link #STALE_AFTER}: "as of 11:11" posted at 11:43. */
        STALE_AS_OF,
        /** No link to the full notice: where people read the whole story (the product brief asks for one). */
        NO_LINK
    }

    /** A hand-set as-of time older than this at posting is asked about. */
    public static final java.time.Duration STALE_AFTER = java.time.Duration.ofMinutes(15);

    static final List<String> BOILERPLATE = List.of(
            "죄송합니다", "죄송", "사과드립니다", "사과 드립니다", "불편을 드려", "불편을 끼쳐", "불편드려", "양해 부탁",
            "양해를 부탁", "양해 바랍니다", "확인 중입니다", "확인중입니다", "확인 중에 있습니다", "확인하고 있습니다",
            "파악 중입니다", "검토 중입니다", "최선을 다하", "빠르게 조치", "신속히 조치", "조속히", "노력하겠습니다",
            "기다려 주시", "sorry", "apologi", "apologies", "inconvenience", "looking into it", "looking into this",
            "looking into the issue", "we are investigating", "we're investigating", "working on it", "bear with us",
            "your patience", "as soon as possible", "asap", "we are aware", "we're aware");

    private static final Pattern FACT = Pattern.compile(
            "\\d{1,2}:\\d{2}|\\d+\\s*/\\s*\\d+|\\d+\\s*단계|(?i:step\\s+\\d+)|https?://|\\d+\\s*(?:시|분|건|%)",
            Pattern.UNICODE_CASE);
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?。])\\s+|\\n+");

    private NoticeLint() {}

    /** Warnings for a rendered notice: the facts that were filled in and used, and the text itself. */
    public static List<Warning> check(Notice n, Set<String> used, String text) {
        List<Warning> out = new ArrayList<>();
        if (n.asOf() == null || !used.contains("asOf")) {
            out.add(Warning.NO_AS_OF);
        }
        if (n.department() == null || !used.contains("department")) {
            out.add(Warning.NO_DEPARTMENT);
        }
        if (n.stage() == null || !(used.contains("stepOf") || used.contains("stage"))) {
            out.add(Warning.NO_STAGE);
        }
        boolean eta = n.eta() != null && used.contains("eta");
        boolean next = n.nextUpdate() != null && used.contains("nextUpdate");
        if (!eta && !next) {
            out.add(Warning.NO_ETA_OR_NEXT_UPDATE);
        }
        if (apologyOnly(text)) {
            out.add(Warning.APOLOGY_ONLY);
        }
        return out;
    }

    /**
     * The composer's check: the above, and also an as-of time older than {@link #STALE_AFTER} at {@code now} and a
     * notice without a link to the full notice.
     */
    public static List<Warning> check(Notice n, Set<String> used, String text, java.time.Instant now) {
        List<Warning> out = check(n, used, text);
        if (now != null && n.asOf() != null && n.asOf().isBefore(now.minus(STALE_AFTER))) {
            out.add(Warning.STALE_AS_OF);
        }
        if (n.link() == null || n.link().isBlank() || !used.contains("link")) {
            out.add(Warning.NO_LINK);
        }
        return out;
    }

    /** The apology check alone, for any text. */
    public static boolean apologyOnly(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (BOILERPLATE.stream().noneMatch(lower::contains)) {
            return false;
        }
        if (!FACT.matcher(text).find()) {
            return true;
        }
        int sentences = 0;
        int stock = 0;
        for (String s : SENTENCES.split(text)) {
            String t = s.strip();
            if (t.isEmpty()) {
                continue;
            }
            sentences++;
            String l = t.toLowerCase(Locale.ROOT);
            if (BOILERPLATE.stream().anyMatch(l::contains) && !FACT.matcher(t).find()) {
                stock++;
            }
        }
        return stock * 2 > sentences;
    }
}
