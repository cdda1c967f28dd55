package org.crisisdesk.app;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The command line's times: ISO-8601 with an offset or Z, or (where a zone is given) a local date-time in it. */
final class IsoInstants {
    private IsoInstants() {}

    /** @param localZone zone for a date-time without offset, or null to refuse those */
    static Instant parse(String s, ZoneId localZone) {
        Instant t;
        try {
            t = parseAny(s, localZone);
        } catch (java.time.DateTimeException e) {
            if (e instanceof DateTimeParseException p) {
                throw p;
            }
            throw new DateTimeParseException(e.getMessage(), s, 0, e);
        }
        if (t.isBefore(org.crisisdesk.notice.NoticeTimes.EARLIEST) || t.isAfter(org.crisisdesk.notice.NoticeTimes.LATEST)) {
            throw new IllegalArgumentException("\"" + s + "\" is outside the years 1970 to 9999");
        }
        return t;
    }

    private static Instant parseAny(String s, ZoneId localZone) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                if (localZone == null) {
                    throw e2;
                }
                return LocalDateTime.parse(s).atZone(localZone).toInstant();
            }
        }
    }
}
