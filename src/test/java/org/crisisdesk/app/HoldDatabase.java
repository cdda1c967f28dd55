package org.crisisdesk.app;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a child JVM by {@link DataSafetyTest}: opens a home's database as a collector would (AUTO_SERVER), says
 * {@code OPEN} on stdout, and keeps it open until its stdin closes.
 */
public final class HoldDatabase {
    private HoldDatabase() {}

    public static void main(String[] args) throws Exception {
        try (Services s = Services.open(Path.of(args[0]), null, Clock.systemUTC())) {
            System.out.println("OPEN " + s.mentions().count(org.crisisdesk.mention.MentionFilter.ALL));
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
