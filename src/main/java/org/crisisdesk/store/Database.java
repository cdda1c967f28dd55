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
            "80", "82", "100", "101", "102");

    private final String url;
    private final JdbcConnectionPool pool;
    private final SqlDialect dialect;
    /** Whether opening ran Flyway (the schema was new, behind, ahead or failed), for tests. */
    private boolean flywayRan;

    private Database(String url, JdbcConnectionPool pool) {
        this.url = url;
        this.pool = pool;
        this.dialect = SqlDialect.forUrl(url);
    }

    /** The default file database inside an app home: {@code HOME/crisisdesk.mv.db}. */
    public static String fileUrl(Path home) {
        // AUTO_SERVER lets a second desk (or a headless collector) open the same file safely through H2's mixed mode.
        return "jdbc:h2:file:" + home.toAbsolutePath().resolve("crisisdesk") + ";AUTO_SERVER=TRUE";
    }

    /** Opens and migrates; throws {@link StoreException} with a message a person can act on. */
    public static Database open(String requestedUrl) {
        String url = durableUrl(requestedUrl);
        refuseMissingParent(url);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
        Database db = new Database(url, pool);
        try {
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            pool.dispose();
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

    private static void refuseMissingParent(String url) {
        if (url.startsWith("jdbc:h2:file:")) {
            Path parent = h2FileBase(url).orElseThrow().getParent();
            try {
                Files.createDirectories(parent);
            } catch (Exception e) {
                throw new StoreException("Cannot create the database folder " + parent + ": " + e.getMessage(), e);
            }
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
            log.info("Database migrated to version {} ({} migrations)", result.targetSchemaVersion, result.migrationsExecuted);
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
        return url.split(";")[0];
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
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.explain(url, e);
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
        inTransactionVoid(c -> {
            try (var st = c.prepareStatement("BACKUP TO ?")) {
                st.setString(1, zip.toAbsolutePath().toString());
                st.execute();
            }
        });
    }

    @Override
    public void close() {
        pool.dispose();
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
