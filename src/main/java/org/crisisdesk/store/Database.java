package org.crisisdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that knows the JDBC URL: opens the pool, migrates the schema with Flyway and hands out
 * transactions. Thread-safe; every repository method runs as one {@link #inTransaction} call.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /**
     * Every migration this build ships, oldest first (a test checks that Flyway finds exactly these). A database
     * whose history lists exactly these, all successful, is current and opens without Flyway: its classpath scan
     * and validation were 0.3-0.5 s of opening a desk (issue #8). A new migration is added here and at the end.
     */
    static final java.util.List<String> MIGRATIONS = java.util.List.of("1", "10", "20", "30", "40", "50", "70", "71",
            "80", "82", "90", "100", "101", "102", "110", "111", "112", "113", "114", "115", "116", "117", "118", "120",
            "121");

    private final String url;
    private final DataSource pool;
    /** Closes the pool (H2's or the team database's). */
    private final Runnable closePool;
    private final SqlDialect dialect;
    /** Names this process's changes in the change log (issue 21): unique per opened database. */
    private final String deskId = ChangeLog.newDeskId();
    /** When this process last pruned the change log (epoch ms), see {@link ChangeFeed#pruneNowAndThen}. */
    final java.util.concurrent.atomic.AtomicLong changeLogPrunedAt = new java.util.concurrent.atomic.AtomicLong();
    /** Whether opening ran Flyway (the schema was new, behind, ahead or failed), for tests. */
    private boolean flywayRan;

    private Database(String url, DataSource pool, Runnable closePool) {
        this.url = url;
        this.pool = pool;
        this.closePool = closePool;
        this.dialect = SqlDialect.forUrl(url);
    }

    /** The default file database inside an app home: {@code HOME/crisisdesk.mv.db}. */
    public static String fileUrl(Path home) {
        // AUTO_SERVER lets a second desk (or a headless collector) open the same file safely through H2's mixed mode.
        return "jdbc:h2:file:" + home.toAbsolutePath().resolve("crisisdesk") + ";AUTO_SERVER=TRUE";
    }

    /**
     * A database URL a person gave (--db, the settings, db copy) as CrisisDesk will open it, or refused in words: an
     * H2 file named without {@code file:} ({@code jdbc:h2:/data/desk}, {@code jdbc:h2:~/desk}) is written with it, so
     * it gets the same checks as any H2 file (a missing folder refused, the integrity stamp); an in-memory H2
     * database (kept nothing once the command ended: "imported 10", then an empty desk), H2's other file systems, and
     * an H2 {@code INIT=} setting (it runs SQL, even Java, from the URL on every open) are refused. PostgreSQL and H2
     * server ({@code tcp:}, {@code ssl:}) URLs are kept as they are.
     */
    public static String checkedUrl(String given) {
        String url = given == null ? "" : given.strip();
        if (TeamDatabase.isPostgres(url)) {
            return url;
        }
        String shown = url.length() > 120 ? url.substring(0, 120) + "…" : url;
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            throw new StoreException("\"" + shown + "\" is not a database CrisisDesk can use: give an H2 file "
                    + "(jdbc:h2:file:/path/to/desk) or the team's PostgreSQL database "
                    + "(jdbc:postgresql://HOST:5432/NAME?user=USER)", null);
        }
        String rest = url.substring("jdbc:h2:".length());
        String[] parts = rest.split(";");
        for (String setting : java.util.Arrays.asList(parts).subList(1, parts.length)) {
            if (setting.strip().toUpperCase(java.util.Locale.ROOT).startsWith("INIT")) {
                throw new StoreException("The database URL " + shown.split(";")[0] + " has an INIT setting, which "
                        + "runs SQL (and Java) on every open: CrisisDesk refuses it. Remove ;INIT=… from the URL.",
                        null);
            }
        }
        String lower = rest.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("file:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
            if (!lower.startsWith("file:")) {
                return url;
            }
            String file = rest.substring("file:".length());
            // H2 reads ~ as the user's home; the integrity stamp and folder checks must look at the same file
            return "jdbc:h2:file:" + (file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file);
        }
        if (lower.startsWith("mem:") || lower.isBlank() || lower.startsWith(";")) {
            throw new StoreException("The database " + shown.split(";")[0] + " is an in-memory H2 database: it keeps "
                    + "nothing once the command ends. Give an H2 file (jdbc:h2:file:/path/to/desk) or the team's "
                    + "PostgreSQL database.", null);
        }
        String path = rest.split(";", 2)[0];
        String settings = rest.substring(path.length());
        if (path.startsWith("~/") || path.equals("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        if (path.startsWith("/") || path.startsWith("./") || path.startsWith("../")
                || path.matches("(?i)[a-z]:[\\\\/].*")) {
            return "jdbc:h2:file:" + Path.of(path).toAbsolutePath().normalize() + settings;
        }
        throw new StoreException("The database URL " + shown.split(";")[0] + " is not one CrisisDesk can use: give "
                + "an H2 file (jdbc:h2:file:/path/to/desk) or the team's PostgreSQL database "
                + "(jdbc:postgresql://HOST:5432/NAME?user=USER)", null);
    }

    /** Opens and migrates; throws {@link StoreException} with a message a person can act on. */
    public static Database open(String requestedUrl) {
        return open(requestedUrl, null, true);
    }

    /**
     * As {@link #open(String)}; {@code home} is where a team database's owner-only password file may be (see
     * {@link TeamDatabase}), null for none.
     */
    public static Database open(String requestedUrl, Path home) {
        return open(requestedUrl, home, true);
    }

    /** As {@link #open(String, Path, boolean)} with no home. */
    public static Database open(String requestedUrl, boolean createFolder) {
        return open(requestedUrl, null, createFolder);
    }

    /**
     * Opens and migrates. An H2 file is first checked against what it held when last closed (see
     * {@link IntegrityStamp}): an empty, cut-short or rolled-back file is refused, never opened with part of its data
     * nor replaced by an empty one.
     *
     * @param home where a team database's owner-only password file may be, null for none
     * @param createFolder whether a missing folder for an H2 file may be made (the home's own database); otherwise
     *     a missing folder is refused, as a mistyped path that would start a new, empty database
     */
    public static Database open(String requestedUrl, Path home, boolean createFolder) {
        String url = durableUrl(requestedUrl);
        java.util.Optional<Path> base = h2FileBase(url);
        Database db;
        if (TeamDatabase.isPostgres(url)) {
            com.zaxxer.hikari.HikariDataSource pool;
            try {
                pool = TeamDatabase.pool(url, home, System.getenv());
            } catch (RuntimeException e) {
                throw StoreException.explain(url, e);
            }
            db = new Database(url, pool, pool::close);
        } else {
            if (base.isPresent()) {
                prepareFolder(url, base.get().getParent(), createFolder);
                readOnlyFile(base.get());
                IntegrityStamp.checkBeforeOpen(base.get());
            }
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
            pool.setMaxConnections(16);
            db = new Database(url, pool, pool::dispose);
        }
        try {
            if (base.isPresent()) {
                try (Connection c = db.pool.getConnection()) {
                    IntegrityStamp.checkAfterOpen(base.get(), c);
                }
            }
            db.migrate();
            base.ifPresent(b -> OwnerOnly.restrictDatabaseFiles(b));
            return db;
        } catch (SQLException | RuntimeException e) {
            db.closePool.run();
            throw StoreException.explain(url, e);
        }
    }

    /**
     * An H2 file URL that makes a commit survive a killed process; other URLs as they are. H2 stores commits from a
     * background writer about half a second later, and CHECKPOINT SYNC does not wait for a write already under way on
     * another thread: a plain H2 writer with three threads, SIGKILLed 15 times, lost rows it had reported committed 4
     * times. With WRITE_DELAY=0 each commit is written before it returns (0 of 40 kills). With updates in the mix
     * (rewritten pages free space that new chunks then reuse) crash recovery still went back to an older chunk now
     * and then (1 of 20 kills); with REUSE_SPACE=FALSE as well it did not (0 of 20). The desk's drill saw the same:
     * moves reported done, gone after a restart. Settings already in the URL are kept.
     */
    static String durableUrl(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return url;
        }
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(url);
        for (String setting : new String[] {"WRITE_DELAY=0", "REUSE_SPACE=FALSE"}) {
            if (!upper.contains(";" + setting.substring(0, setting.indexOf('=') + 1))) {
                sb.append(';').append(setting);
            }
        }
        return sb.toString();
    }

    /**
     * The file an H2 file URL names, without H2's {@code .mv.db} ending ({@code jdbc:h2:file:/data/desk;...} gives
     * {@code /data/desk}); empty for any other URL.
     */
    public static java.util.Optional<Path> h2FileBase(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]).toAbsolutePath());
    }

    /**
     * A database file that may not be written (another user's, a copy from read-only media) is refused in one line:
     * H2 would open it read-only, which its mixed mode refuses with "Feature not supported: AUTO_SERVER=TRUE &&
     * (readOnly …)", and the desk writes on every start anyway.
     */
    static void readOnlyFile(Path base) {
        Path file = Path.of(base + ".mv.db");
        if (Files.isRegularFile(file) && !Files.isWritable(file)) {
            throw new StoreException("The database file " + file + " is read-only: CrisisDesk needs to write it "
                    + "(check its owner and permissions, or choose another --home or --db)", null);
        }
    }

    private static void prepareFolder(String url, Path parent, boolean create) {
        if (Files.isDirectory(parent)) {
            if (!Files.isWritable(parent)) {
                throw new StoreException("The database folder " + parent + " is read-only: CrisisDesk needs to write "
                        + "there (check its permissions, or choose another --home or --db)", null);
            }
            return;
        }
        if (Files.exists(parent)) {
            throw new StoreException("The database folder " + parent + " is a file, not a folder: choose another "
                    + "--home (or --db); the file is left as it is", null);
        }
        if (!create) {
            throw new StoreException("The folder " + parent + " for the database " + url.split(";")[0]
                    + " does not exist. Check the path: a mistyped one would start a new, empty database. To start a "
                    + "new database there, make the folder first (mkdir -p " + parent + ").", null);
        }
        try {
            OwnerOnly.createFolder(parent);
        } catch (Exception e) {
            throw new StoreException("Cannot create the database folder " + parent + ": " + e.getMessage(), e);
        }
    }

    private void migrate() {
        if (schemaIsCurrent()) {
            return;
        }
        flywayRan = true;
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        refuseNewerSchema(flyway.info());
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Schema migrated: {} is now at version {} ({} migrations run)", displayLocation(),
                    result.targetSchemaVersion, result.migrationsExecuted);
        }
    }

    /** True when the schema history holds exactly {@link #MIGRATIONS}, in order, all successful. */
    private boolean schemaIsCurrent() {
        java.util.List<String> applied = new java.util.ArrayList<>();
        try (Connection c = pool.getConnection()) {
            // Asked first, not found out by a failing query: H2 logs every failed statement to a .trace.db file
            // beside the database, which made every new desk look as if something had gone wrong.
            if (!hasHistoryTable(c)) {
                return false; // a new database: Flyway creates the history
            }
            try (java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM "
                            + "\"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
                while (rs.next()) {
                    if (!rs.getBoolean(2)) {
                        return false;
                    }
                    if (rs.getString(1) != null) { // Flyway's own marker rows have no version
                        applied.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            return false; // let Flyway look at it and say what is wrong
        }
        return applied.equals(MIGRATIONS);
    }

    private static boolean hasHistoryTable(Connection c) throws SQLException {
        java.sql.DatabaseMetaData meta = c.getMetaData();
        String escape = meta.getSearchStringEscape();
        String name = "flyway_schema_history".replace("_", escape + "_");
        try (java.sql.ResultSet rs = meta.getTables(null, c.getSchema(), name, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    boolean flywayRan() {
        return flywayRan;
    }

    /** A database written by a newer CrisisDesk has migrations this build does not know: refuse it, never guess. */
    private void refuseNewerSchema(MigrationInfoService info) {
        MigrationInfo[] applied = info.applied();
        MigrationInfo[] known = info.all();
        String newestKnown = null;
        for (MigrationInfo m : known) {
            if (m.getVersion() != null && m.getState().isResolved()) {
                newestKnown = m.getVersion().getVersion();
            }
        }
        for (MigrationInfo m : applied) {
            if (m.getVersion() != null && !m.getState().isResolved()) {
                throw new StoreException("This database was written by a newer CrisisDesk (schema version "
                        + m.getVersion() + ", this version knows up to " + newestKnown + "). "
                        + "Update CrisisDesk or choose another database with --db.", null);
            }
        }
    }

    public String url() {
        return url;
    }

    /** The URL as shown to people: the file path for H2 files, without options. */
    public String displayLocation() {
        if (url.startsWith("jdbc:h2:file:")) {
            return url.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db";
        }
        if (TeamDatabase.isPostgres(url)) {
            return TeamDatabase.display(url);
        }
        return url.split(";")[0];
    }

    /** This desk's name in the change log (see {@link ChangeLog}). */
    public String deskId() {
        return deskId;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException gone) {
                    // the connection broke (a team database gone away): nothing was committed, and what broke it,
                    // not the failed rollback, says why
                    e.addSuppressed(gone);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw explained(e);
        }
    }

    public void inTransactionVoid(SqlVoidWork work) {
        inTransaction(c -> {
            work.run(c);
            return null;
        });
    }

    /**
     * Forces what is committed onto the disk (fsync), so it survives a power cut as well as a killed process (which
     * {@link #durableUrl} already covers). Call this after a commit a person must never lose (a move, an
     * export mark) and before telling them it is done. PostgreSQL commits durably already.
     */
    public void syncToDisk() {
        if (dialect == SqlDialect.H2) {
            inTransactionVoid(c -> {
                try (var st = c.createStatement()) {
                    st.execute("CHECKPOINT SYNC");
                }
            });
        }
    }

    /** Hot copy of the whole database into a zip (H2 {@code BACKUP TO}). */
    public void backupTo(Path zip) {
        if (dialect != SqlDialect.H2) {
            throw new StoreException("A team database is backed up on its server (pg_dump), not by CrisisDesk.", null);
        }
        inTransactionVoid(c -> {
            try (var st = c.prepareStatement("BACKUP TO ?")) {
                st.setString(1, zip.toAbsolutePath().toString());
                st.execute();
            }
        });
    }

    /**
     * Closes the pool; for an H2 file, then stamps what the file held (see {@link IntegrityStamp}), so a file cut
     * short afterwards is recognised at the next open.
     */
    /** Set once H2 has failed to write its file: it then spins for ever in a rollback, so close takes no connection. */
    private volatile boolean writeFailed;

    private StoreException explained(Exception e) {
        StoreException s = StoreException.explain(url, e);
        if (s.isDatabaseFailure() && h2FileBase(url).isPresent()) {
            writeFailed = true;
        }
        return s;
    }

    @Override
    public void close() {
        java.util.Optional<Path> base = h2FileBase(url);
        long[] counts = null;
        if (writeFailed) {
            // After a failed write (a full disk) H2's pool spins in a rollback when a connection is taken or closed:
            // closing on a daemon thread, waited for a little, lets the command end; no stamp, as it cannot be right.
            Thread closing = new Thread(closePool, "database-close");
            closing.setDaemon(true);
            closing.start();
            try {
                closing.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (base.isPresent()) {
            try (Connection c = pool.getConnection()) {
                counts = IntegrityStamp.count(c);
            } catch (SQLException | RuntimeException e) {
                counts = null; // closed under us (a full disk): no stamp rather than a wrong one
            }
        }
        closePool.run();
        if (counts != null) {
            // The file's length is final only when no one has the database open any more (H2 deletes its lock file
            // then): while another desk or collector still uses it, H2 may yet compact it on the way out.
            boolean closedForAll = !Files.exists(base.get().resolveSibling(base.get().getFileName() + ".lock.db"));
            IntegrityStamp.write(base.get(), counts[0], counts[1], closedForAll);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    public interface SqlVoidWork {
        void run(Connection c) throws SQLException;
    }
}
