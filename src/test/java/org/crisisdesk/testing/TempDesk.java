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

    /** Set by {@link PostgresExtension} for an {@link OnPostgres} class: each new home gets a PostgreSQL database. */
    private static volatile boolean postgres;

    static void usePostgres(boolean on) {
        postgres = on;
    }

    /** Whether this test runs on PostgreSQL (an {@link OnPostgres} class). */
    public static boolean onPostgres() {
        return postgres;
    }

    /**
     * A fresh home. Under {@link OnPostgres} its desk.properties names a new PostgreSQL database (at this build's
     * schema), so {@code Services.open(home, null, ..)} and {@link #dbUrl} use that instead of the H2 file.
     */
    public static Path newHome() {
        try {
            Path home = Files.createTempDirectory("crisisdesk-test-");
            HOMES.add(home);
            if (postgres) {
                String url = TestPostgres.createMigrated();
                // a new team database asks for a second person's approval before a notice posts (issue 22); the
                // tests shared with H2 post directly, as a desk on its own does: ApprovalTest turns it on itself
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                        java.sql.PreparedStatement st = c.prepareStatement(
                                "INSERT INTO setting (name, setting_value) VALUES (?, 'false')")) {
                    st.setString(1, org.crisisdesk.notice.ApprovalStore.SETTING);
                    st.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                org.crisisdesk.settings.DeskPrefs.load(home).put(org.crisisdesk.settings.DeskPrefs.DB_URL, url);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh home on its H2 file, also in an {@link OnPostgres} class. */
    public static Path newH2Home() {
        boolean was = postgres;
        postgres = false;
        try {
            return newHome();
        } finally {
            postgres = was;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // what cannot be deleted stays in the temp folder, as before
        }
    }

    /** The database URL of a home made by {@link #newHome}: its PostgreSQL database, else its H2 file. */
    public static String dbUrl(Path home) {
        return org.crisisdesk.settings.DeskPrefs.dbUrl(home).orElse(org.crisisdesk.store.Database.fileUrl(home));
    }

    /**
     * The desk of a home made by {@link #newHome}. A home on its H2 file gets a copy of one empty database migrated
     * once per JVM, instead of running every migration again: the same schema, and the same first open the desk does
     * on a database that is current (see {@code Database.MIGRATIONS}).
     */
    public static Services open(Path home, Clock clock) {
        seedH2(home);
        return Services.open(home, null, clock);
    }

    /** An empty H2 database at this build's schema, made once per JVM by the first {@link #open}. */
    private static volatile Path template;

    private static synchronized Path template() {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("crisisdesk-template-");
                HOMES.add(dir);
                org.crisisdesk.store.Database.open(org.crisisdesk.store.Database.fileUrl(dir)).close();
                template = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    /**
     * Copies the template's file (and its integrity stamp) into a home that has no database of its own yet; a home
     * that does not exist yet is left to the desk to make.
     */
    private static void seedH2(Path home) {
        if (!Files.isDirectory(home) || org.crisisdesk.settings.DeskPrefs.dbUrl(home).isPresent()
                || Files.exists(home.resolve(H2_FILE))) {
            return;
        }
        Path from = template();
        try {
            for (String name : new String[] {H2_FILE, H2_FILE + ".stamp"}) {
                if (Files.exists(from.resolve(name))) {
                    Path to = Files.copy(from.resolve(name), home.resolve(name));
                    if (to.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString(
                                "rw-------")); // as the desk leaves its own files
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The H2 file of {@code Database.fileUrl(home)}. */
    private static final String H2_FILE = "crisisdesk.mv.db";

    public static Clock fixed(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    public static Mention mention(String source, String id, String text) {
        return new Mention(source, id, Instant.parse("2026-10-17T01:00:00Z").plusSeconds(Long.parseLong(id) % 100000),
                "user" + id, "User " + id, "ko", text, null, null, null);
    }
}
