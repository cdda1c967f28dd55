package org.crisisdesk.desk.kit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** "3m", "2h", or the date and time for posts a day old or more; the absolute time for tooltips. */
public final class RelativeTime {
    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

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
        // a time of day alone would read as today's
        ZonedDateTime t = then.atZone(zone);
        return t.getYear() == now.atZone(zone).getYear() ? DAY.format(t) : DATE.format(t);
    }

    public static String absolute(Instant then, ZoneId zone) {
        return ABSOLUTE.format(then.atZone(zone));
    }

    public static String clock(Instant then, ZoneId zone) {
        return TIME.format(then.atZone(zone));
    }
}
