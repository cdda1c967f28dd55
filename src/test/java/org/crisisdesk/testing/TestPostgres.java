package org.crisisdesk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crisisdesk.store.Database;

/**
 * The PostgreSQL server the tests use (issue 21): {@code -Dcrisisdesk.test.pg=jdbc:postgresql://HOST:PORT/DB?user=U},
 * by default the project machines' 127.0.0.1:5432 as postgres. Every test database is created here, from one
 * migrated template per test JVM (CREATE DATABASE .. TEMPLATE copies files: about 0.1 s instead of a Flyway run),
 * and dropped when its test class ends or, at the latest, when the JVM exits.
 */
public final class TestPostgres {
    public static final String ADMIN_URL = System.getProperty("crisisdesk.test.pg",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String PREFIX = "cdtest_" + ProcessHandle.current().pid() + "_";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static volatile Boolean available;
    private static volatile String unavailableReason = "";
    private static String template;
    private static TableRows seed;
    private static final List<String> FREE = new ArrayList<>();
    private static final List<String> USED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropAllAtExit, "pg-tests"));
    }

    /** How long the exit hook may take: surefire kills a fork whose System.exit has not returned after 30 s. */
    private static final long EXIT_DROP_SECONDS = 15;

    /**
     * The exit hook: drops this JVM's databases side by side on daemon threads and waits at most
     * {@link #EXIT_DROP_SECONDS}. Each DROP DATABASE forces a server checkpoint (seconds each on a busy machine); one
     * after another they kept System.exit from returning for more than surefire's 30 s, and surefire killed the fork.
     * What is not dropped in time carries this JVM's pid and is dropped by the next test JVM ({@link #dropLeftovers}).
     */
    private static void dropAllAtExit() {
        List<Thread> drops = new ArrayList<>();
        for (String name : CREATED) {
            Thread t = new Thread(() -> dropQuietly(name), "pg-drop-" + name);
            t.setDaemon(true);
            t.start();
            drops.add(t);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(EXIT_DROP_SECONDS);
        try {
            for (Thread t : drops) {
                long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                t.join(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TestPostgres() {}

    /** Whether the server answers (asked once per JVM, 3 s at most). */
    public static synchronized boolean available() {
        if (available == null) {
            try (Connection c = admin()) {
                available = c.isValid(3);
                dropLeftovers(c);
            } catch (SQLException e) {
                available = false;
                unavailableReason = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            }
        }
        return available;
    }

    public static String unavailableReason() {
        return unavailableReason;
    }

    /** A new, empty database (no schema); its URL. */
    public static String createEmpty() {
        String name = PREFIX + COUNTER.incrementAndGet();
        execAdmin("CREATE DATABASE " + name);
        CREATED.add(name);
        return urlOf(name);
    }

    /**
     * A database at this build's schema holding only what the migrations put there (as a new one would); its URL.
     * Databases a finished test class used are emptied and handed out again ({@link #recycleAll}): a DROP DATABASE
     * forces a server checkpoint, 1-3 s each on a busy machine, which was most of the PostgreSQL variants' time.
     */
    public static synchronized String createMigrated() {
        if (template == null) {
            String name = PREFIX + "template";
            execAdmin("CREATE DATABASE " + name);
            CREATED.add(name);
            Database.open(urlOf(name)).close();
            seed = TableRows.read(urlOf(name));
            template = name;
        }
        if (!FREE.isEmpty()) {
            String name = FREE.remove(FREE.size() - 1);
            USED.add(name);
            return urlOf(name);
        }
        String name = PREFIX + COUNTER.incrementAndGet();
        USED.add(name);
        execAdmin("CREATE DATABASE " + name + " TEMPLATE " + template);
        CREATED.add(name);
        return urlOf(name);
    }

    /** Drops the database of {@code url}, closing whatever still holds it. */
    public static void drop(String url) {
        String name = nameOf(url);
        dropQuietly(name);
        CREATED.remove(name);
    }

    /**
     * Empties every database handed out since the last call back to the template's rows (closing whatever still
     * holds them) so the next test class gets them as new; one that cannot be emptied is dropped.
     */
    public static synchronized void recycleAll() {
        for (String name : new ArrayList<>(USED)) {
            USED.remove(name);
            try {
                try (Connection c = admin(); Statement st = c.createStatement()) {
                    st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                            + "' AND pid <> pg_backend_pid()");
                }
                seed.restore(urlOf(name));
                FREE.add(name);
            } catch (RuntimeException | SQLException e) {
                dropQuietly(name);
                CREATED.remove(name);
            }
        }
    }

    public static String urlOf(String name) {
        int slash = ADMIN_URL.indexOf('/', "jdbc:postgresql://".length());
        int q = ADMIN_URL.indexOf('?');
        return ADMIN_URL.substring(0, slash + 1) + name + (q < 0 ? "" : ADMIN_URL.substring(q));
    }

    static String nameOf(String url) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int q = url.indexOf('?');
        return url.substring(slash + 1, q < 0 ? url.length() : q);
    }

    public static Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(ADMIN_URL, p);
    }

    private static void execAdmin(String sql) {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Databases of test JVMs that were killed before their exit hook ran (named by their pid). */
    private static void dropLeftovers(Connection c) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'cdtest\\_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                try {
                    long pid = Long.parseLong(parts[1]);
                    if (ProcessHandle.of(pid).isEmpty()) {
                        stale.add(rs.getString(1));
                    }
                } catch (RuntimeException e) {
                    // not one of ours
                }
            }
        }
        stale.forEach(TestPostgres::dropQuietly);
    }

    private static void dropQuietly(String name) {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // left for the next run's cleanup; named by pid so it never clashes
        }
    }
}
