package org.crisisdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Mention;

/** Test fixtures: a fresh home with a real H2 file (same Flyway migrations as the app). */
public final class TempDesk {
    private TempDesk() {}

    public static Path newHome() {
        try {
            return Files.createTempDirectory("crisisdesk-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Services open(Path home, Clock clock) {
        return Services.open(home, null, clock);
    }

    public static Clock fixed(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    public static Mention mention(String source, String id, String text) {
        return new Mention(source, id, Instant.parse("2026-10-17T01:00:00Z").plusSeconds(Long.parseLong(id) % 100000),
                "user" + id, "User " + id, "ko", text, null, null, null);
    }
}
