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
