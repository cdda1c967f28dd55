package org.crisisdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.crisisdesk.notice.Publisher;
import org.crisisdesk.source.twitter.XPublisher;

/**
 * The notice outbox's publisher: the X account in the home's twitter4j.properties, re-read when the file changes
 * (the Connect dialog saves new keys while the desk runs). Thread-safe.
 */
final class HomePublisher implements Supplier<Publisher> {
    private final Path home;
    private final Clock wall;
    private final org.crisisdesk.usage.UsageRecorder usage;
    private XPublisher current;
    private long stamp = Long.MIN_VALUE;

    HomePublisher(Path home, Clock wall) {
        this(home, wall, org.crisisdesk.usage.UsageRecorder.NONE);
    }

    /** Each post it creates is counted in {@code usage} (the usage meter). */
    HomePublisher(Path home, Clock wall, org.crisisdesk.usage.UsageRecorder usage) {
        this.home = home;
        this.wall = wall;
        this.usage = usage;
    }

    @Override
    public synchronized Publisher get() {
        long now = modified();
        if (current == null || now != stamp) {
            current = XPublisher.forHome(home, wall, usage);
            stamp = now;
        }
        return current;
    }

    private long modified() {
        try {
            Path f = home.resolve("twitter4j.properties");
            return Files.exists(f) ? Files.getLastModifiedTime(f).toMillis() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
