package org.crisisdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.crisisdesk.app.Services;
import org.crisisdesk.mention.Mention;

/** Test fixtures: a fresh home with a real H2 file (same Flyway migrations as the app). */
public final class TempDesk {
    /** Homes made by this JVM, deleted when it exits: a full test run made hundreds, and they were never removed. */
    private static final Set<Path> HOMES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> HOMES.forEach(TempDesk::deleteQuietly), "temp-desks"));
    }

    private TempDesk() {}

    public static Path newHome() {
        try {
            Path home = Files.createTempDirectory("crisisdesk-test-");
            HOMES.add(home);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // what cannot be deleted stays in the temp folder, as before
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
