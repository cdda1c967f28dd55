package org.crisisdesk.notice;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as a notice says them and as people type them. Everything is in the desk's zone: "14:00" means 14:00 on the
 * desk's clock, the ETA "09:00" typed at 22:00 means tomorrow 09:00.
 */
public final class NoticeTimes {
    private static final Pattern HH_MM = Pattern.compile("^\\s*(\\d{1,2})\\s*[:시.]\\s*(\\d{2})\\s*분?\\s*$");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter KO_DATE = DateTimeFormatter.ofPattern("M월 d일 HH:mm", Locale.KOREAN);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter KO_YEAR = DateTimeFormatter.ofPattern("uuuu년 M월 d일 HH:mm", Locale.KOREAN);
    private static final DateTimeFormatter EN_YEAR = DateTimeFormatter.ofPattern("MMM d uuuu HH:mm", Locale.ENGLISH);
    /** The times a notice, an export or a report can name: 1970 to 9999 (anything else is a typo, and breaks zones). */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");
    private static final DateTimeFormatter LOCAL_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss]");

    private NoticeTimes() {}

    /** The as-of time as the text says it: {@code "14:00"}. */
    public static String clock(Instant t, ZoneId zone) {
        return HM.format(t.atZone(zone));
    }

    /**
     * A later time (ETA, next update) said relative to the as-of day: {@code "18:00"} the same day, {@code "내일 09:00"}
     * / {@code "tomorrow 09:00"} the next day, a date further out.
     */
    public static String relative(Instant t, Instant asOf, ZoneId zone, NoticeLang lang) {
        ZonedDateTime at = t.atZone(zone);
        LocalDate base = (asOf == null ? t : asOf).atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(base, at.toLocalDate());
        if (days == 0) {
            return HM.format(at);
        }
        if (days == 1) {
            return (lang == NoticeLang.KO ? "내일 " : "tomorrow ") + HM.format(at);
        }
        if (at.getYear() != base.getYear()) { // another year says which
            return (lang == NoticeLang.KO ? KO_YEAR : EN_YEAR).format(at);
        }
        return (lang == NoticeLang.KO ? KO_DATE : EN_DATE).format(at);
    }

    /**
     * What a person typed for an ETA or next update: {@code "18:00"} (today in the zone, or tomorrow when that is before
     * {@code asOf}), {@code "2026-10-18 09:00"} (local), or ISO-8601 with an offset. Null or blank gives null.
     *
     * @throws IllegalArgumentException with a message to show when the text is not a time
     */
    public static Instant parseLater(String text, Instant asOf, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = HH_MM.matcher(text);
        if (m.matches()) {
            LocalTime time = time(m, text);
            ZonedDateTime base = asOf.atZone(zone);
            ZonedDateTime candidate = ZonedDateTime.of(base.toLocalDate(), time, zone);
            if (candidate.toInstant().isBefore(asOf)) {
                candidate = ZonedDateTime.of(base.toLocalDate().plusDays(1), time, zone);
            }
            return candidate.toInstant();
        }
        Instant t = parseAbsolute(text, zone);
        if (asOf != null && t.isBefore(asOf)) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is before the as-of time " + asOf
                    + "; a time still to come must be after it");
        }
        return t;
    }

    /**
     * The as-of time as typed: {@code "14:00"} (today, in the zone, relative to {@code now}), a local date-time, or
     * ISO-8601 with an offset. Unlike {@link #parseLater} it never rolls forward.
     */
    public static Instant parseAsOf(String text, Instant now, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = HH_MM.matcher(text);
        if (m.matches()) {
            LocalTime time = time(m, text);
            return ZonedDateTime.of(now.atZone(zone).toLocalDate(), time, zone).toInstant();
        }
        return parseAbsolute(text, zone);
    }

    /**
     * The offset written in an as-of such as {@code 2026-03-14T14:00+09:00}: what the person meant the notice's
     * clock to read in. Empty for "14:00", a date-time without an offset, a UTC instant written with "Z" (shown in
     * the desk's zone), or text that is not a time.
     */
    public static java.util.Optional<java.time.ZoneOffset> writtenOffset(String text) {
        // "…Z" is how machines write an instant (logs, scripts): it names the moment, not the clock a person reads
        if (text == null || text.isBlank() || text.strip().toUpperCase(Locale.ROOT).endsWith("Z")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(OffsetDateTime.parse(text.strip()).getOffset());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static LocalTime time(Matcher m, String text) {
        try {
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a time of day (00:00 to 23:59)");
        }
    }

    /** Refuses a time outside {@link #EARLIEST}..{@link #LATEST}, naming it. */
    public static Instant inRange(Instant t, String text) {
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is outside the years 1970 to 9999");
        }
        return t;
    }

    private static Instant parseAbsolute(String text, ZoneId zone) {
        try {
            return inRange(parseAnyAbsolute(text, zone), text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a time this desk can use ("
                    + e.getMessage() + ")");
        }
    }

    private static Instant parseAnyAbsolute(String text, ZoneId zone) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException notInstant) {
                try {
                    return java.time.LocalDateTime.parse(s, LOCAL_ISO).atZone(zone).toInstant();
                } catch (DateTimeParseException notLocal) {
                    throw new IllegalArgumentException("\"" + s + "\" is not a time; use HH:MM, \"2026-10-18 09:00\" "
                            + "or ISO-8601 such as 2026-10-18T09:00+09:00");
                }
            }
        }
    }
}
