package org.crisisdesk.desk.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.crisisdesk.desk.I18n;

/** "3m", "2h", or the time of day for older posts; the absolute time for tooltips. */
public final class RelativeTime {
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private RelativeTime() {}

    public static String relative(I18n i18n, Instant then, Instant now, ZoneId zone) {
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.getSeconds() < 60) {
            return i18n.t("time.now");
        }
        if (d.toMinutes() < 60) {
            return i18n.t("time.minutes", d.toMinutes());
        }
        if (d.toHours() < 24) {
            return i18n.t("time.hours", d.toHours());
        }
        return TIME.format(then.atZone(zone));
    }

    public static String absolute(Instant then, ZoneId zone) {
        return ABSOLUTE.format(then.atZone(zone));
    }

    public static String clock(Instant then, ZoneId zone) {
        return TIME.format(then.atZone(zone));
    }
}
