package org.crisisdesk.handover;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A planned shift such as "09-18", "18-02" or "09:30-18:00", placed in time next to the moment it is entered: the
 * start is the occurrence of the start time (yesterday, today or tomorrow in the desk's zone) nearest to that moment,
 * and an end at or before the start time of day means the next day (18-02 ends at 02:00 the day after).
 */
public record ShiftSchedule(Instant start, Instant end) {
    private static final Pattern FORM = Pattern.compile(
            "\\s*(\\d{1,2})(?::(\\d{2}))?\\s*[-–~]\\s*(\\d{1,2})(?::(\\d{2}))?\\s*");

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a message a person can act on. */
    public static ShiftSchedule parse(String text, Instant near, ZoneId zone) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("Scheduled times look like 09-18, 18-02 or 09:30-18:00");
        }
        LocalTime from = time(m.group(1), m.group(2));
        LocalTime to = time(m.group(3), m.group(4));
        ZonedDateTime around = near.atZone(zone);
        ZonedDateTime best = null;
        for (int dayOffset = -1; dayOffset <= 1; dayOffset++) {
            ZonedDateTime candidate = around.toLocalDate().plusDays(dayOffset).atTime(from).atZone(zone);
            if (best == null || Duration.between(candidate.toInstant(), near).abs()
                    .compareTo(Duration.between(best.toInstant(), near).abs()) < 0) {
                best = candidate;
            }
        }
        ZonedDateTime end = best.toLocalDate().atTime(to).atZone(zone);
        if (!end.isAfter(best)) {
            end = best.toLocalDate().plusDays(1).atTime(to).atZone(zone);
        }
        return new ShiftSchedule(best.toInstant(), end.toInstant());
    }

    private static LocalTime time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int min = minutes == null ? 0 : Integer.parseInt(minutes);
        if (h == 24 && min == 0) {
            h = 0;
        }
        if (h > 23 || min > 59) {
            throw new IllegalArgumentException("Not a time of day: " + hours + (minutes == null ? "" : ":" + minutes));
        }
        return LocalTime.of(h, min);
    }
}
