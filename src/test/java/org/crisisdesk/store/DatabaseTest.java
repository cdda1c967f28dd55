package org.crisisdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void h2FilesAreOpenedToWriteEveryCommitWithoutReusingSpaceKeepingWhatTheUrlSays() throws Exception {
        assertThat(Database.durableUrl("jdbc:h2:file:/x/desk;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/x/desk;AUTO_SERVER=TRUE;WRITE_DELAY=0;REUSE_SPACE=FALSE");
        assertThat(Database.durableUrl("jdbc:h2:file:/x/desk;write_delay=100"))
                .isEqualTo("jdbc:h2:file:/x/desk;write_delay=100;REUSE_SPACE=FALSE");
        assertThat(Database.durableUrl("jdbc:postgresql://db/desk")).isEqualTo("jdbc:postgresql://db/desk");
        try (Database db = Database.open(Database.fileUrl(TempDesk.newHome()))) {
            String delay = db.inTransaction(c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'");
                        ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(delay).isEqualTo("0");
        }
    }

    @Test
    void freshFileIsMigratedToTheFullSchema() {
        Path home = TempDesk.newHome();
        try (Database db = Database.open(Database.fileUrl(home))) {
            List<String> tables = db.inTransaction(c -> {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        names.add(rs.getString("TABLE_NAME").toLowerCase());
                    }
                }
                return names;
            });
            assertThat(tables).contains("mention", "author", "category", "assignment", "notice", "shift",
                    "source_checkpoint", "alert", "setting");
        }
        assertThat(Files.exists(home.resolve("crisisdesk.mv.db"))).isTrue();
    }

    /**
     * A desk already at version N refuses to open when a migration numbered below N turns up ("resolved migration not
     * applied"), so every new migration is numbered above all earlier ones: this list only ever grows at its end.
     */
    @Test
    void migrationsAreOnlyEverAddedAtTheEnd() {
        try (Database db = Database.open(Database.fileUrl(TempDesk.newHome()))) {
            List<String> versions = db.inTransaction(c -> {
                List<String> out = new ArrayList<>();
                try (PreparedStatement st = c.prepareStatement("SELECT \"version\" FROM \"flyway_schema_history\" "
                        + "WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
                        ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
            assertThat(versions).containsExactly("1", "10", "20", "30", "40", "50", "70", "71", "80", "82", "90", "100", "101",
                    "102", "110", "111", "112", "113", "114", "115", "116", "117", "118", "120", "121");
            assertThat(Database.MIGRATIONS).isEqualTo(versions);
        }
    }

    /** Flyway runs when the schema is new or not exactly this build's; a current one opens without it. */
    @Test
    void aCurrentSchemaOpensWithoutFlywayAndAnyOtherWithIt() {
        Path home = TempDesk.newHome();
        try (Database db = Database.open(Database.fileUrl(home))) {
            assertThat(db.flywayRan()).isTrue();
        }
        try (Database db = Database.open(Database.fileUrl(home))) {
            assertThat(db.flywayRan()).isFalse();
            // as if the newest migration had failed half-way: the history no longer matches this build
            db.inTransactionVoid(c -> c.createStatement().execute("UPDATE \"flyway_schema_history\" SET \"success\" = "
                    + "FALSE WHERE \"version\" = '" + Database.MIGRATIONS.get(Database.MIGRATIONS.size() - 1) + "'"));
        }
        assertThatThrownBy(() -> Database.open(Database.fileUrl(home))).hasMessageContaining("failed");
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() {
        Path home = TempDesk.newHome();
        try (Database db = Database.open(Database.fileUrl(home))) {
            db.inTransactionVoid(c -> c.createStatement().execute("INSERT INTO setting VALUES ('k', 'v')"));
        }
        try (Database db = Database.open(Database.fileUrl(home))) {
            String v = db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT setting_value FROM setting WHERE name = 'k'")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(v).isEqualTo("v");
        }
    }

    @Test
    void databaseFromANewerVersionIsRefusedWithAClearMessage() {
        Path home = TempDesk.newHome();
        try (Database db = Database.open(Database.fileUrl(home))) {
            db.inTransactionVoid(c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO \"flyway_schema_history\" "
                        + "(\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\", "
                        + "\"installed_by\", \"execution_time\", \"success\") VALUES (999, '999', 'future', 'SQL', "
                        + "'V999__future.sql', 1, 'sa', 1, TRUE)")) {
                    st.executeUpdate();
                }
            });
        }
        assertThatThrownBy(() -> Database.open(Database.fileUrl(home)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer CrisisDesk")
                .hasMessageContaining("999");
    }

    @Test
    void aFileThatIsNotADatabaseIsNotReplacedByAnEmptyOne() throws Exception {
        Path home = TempDesk.newHome();
        Path file = home.resolve("crisisdesk.mv.db");
        Files.writeString(file, "this is not an H2 file ".repeat(500));
        assertThatThrownBy(() -> Database.open(Database.fileUrl(home)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(home.toString());
        assertThat(Files.readString(file)).startsWith("this is not an H2 file");
    }

    @Test
    void transactionRollsBackWhenWorkFails() {
        Path home = TempDesk.newHome();
        try (Database db = Database.open(Database.fileUrl(home))) {
            assertThatThrownBy(() -> db.inTransactionVoid(c -> {
                c.createStatement().execute("INSERT INTO setting VALUES ('a', '1')");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            long n = db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM setting")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(n).isZero();
        }
    }

    @Test
    void mentionsCarryTheirIndexesAForeignKeyToTheCategoryAndALargeIdentityCache() throws Exception {
        try (Database db = Database.open(Database.fileUrl(TempDesk.newHome()))) {
            List<String> firstColumns = db.inTransaction(c -> {
                List<String> out = new ArrayList<>();
                try (PreparedStatement st = c.prepareStatement("SELECT i.INDEX_NAME, ic.COLUMN_NAME "
                        + "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic "
                        + "ON ic.INDEX_NAME = i.INDEX_NAME AND ic.TABLE_NAME = i.TABLE_NAME "
                        + "WHERE i.TABLE_NAME = 'MENTION' AND ic.ORDINAL_POSITION = 1 ORDER BY ic.COLUMN_NAME");
                        ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(2));
                    }
                }
                return out;
            });
            // Every index costs each insert and commit a b-tree: these and no more. (H2 gives each foreign key an
            // index of exactly its columns, so category_id has one of its own besides the three composite ones; the
            // suggestion's key and index went in V82. conversation_id has none: the detail pane's thread lookup scans,
            // on a thread of its own, rather than every insert paying for one more b-tree.)
            assertThat(firstColumns).containsExactly("CATEGORY_ID", "CATEGORY_ID", "CATEGORY_ID", "CATEGORY_ID",
                    "CREATED_AT", "PK", "SOURCE");
            assertThatThrownBy(() -> db.inTransactionVoid(c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT INTO mention (source, platform_id, created_at, "
                        + "received_at, author, text, category_id) VALUES ('x', '1', CURRENT_TIMESTAMP, "
                        + "CURRENT_TIMESTAMP, 'a', 't', 987654)")) {
                    st.executeUpdate();
                }
            })).isInstanceOf(StoreException.class);
            long cache = db.inTransaction(c -> {
                try (PreparedStatement st = c.prepareStatement("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS "
                        + "WHERE TABLE_NAME = 'MENTION' AND COLUMN_NAME = 'PK'"); ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(cache).isEqualTo(100_000);
        }
    }

    /** H2 writes any failed statement to a .trace.db file beside the database; opening a new one must not fail any. */
    @Test
    void aFreshDatabaseLeavesNoTraceFile() {
        Path home = TempDesk.newHome();
        try (Database db = Database.open(Database.fileUrl(home))) {
            assertThat(db.flywayRan()).isTrue();
        }
        try (Database db = Database.open(Database.fileUrl(home))) {
            assertThat(db.flywayRan()).isFalse();
        }
        assertThat(home.resolve("crisisdesk.mv.db")).exists();
        assertThat(home.resolve("crisisdesk.trace.db")).doesNotExist();
    }

    /** A desk last run with an older build (schema at V20) opens with its data and is brought up to date. */
    @Test
    void anOlderDatabaseIsMigratedWithItsDataKept() {
        Path home = TempDesk.newHome();
        String url = Database.durableUrl(Database.fileUrl(home));
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .target("20").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO category (name, color, position, kind, created_at) VALUES "
                    + "('배송 지연', '#D9480F', 0, 'TOPIC', TIMESTAMP WITH TIME ZONE '2026-10-17 00:00:00+00')");
            st.execute("INSERT INTO mention (source, platform_id, created_at, received_at, author, text, category_id) "
                    + "SELECT 'x', '1861', TIMESTAMP WITH TIME ZONE '2026-10-17 00:00:03.123456+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-10-17 00:00:04+00', 'minsu', '배송 언제 와요?', id FROM category");
            st.execute("INSERT INTO setting VALUES ('desk.zone', 'Asia/Seoul')");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        try (Database db = Database.open(Database.fileUrl(home))) {
            assertThat(db.flywayRan()).isTrue();
            List<String> versions = db.inTransaction(c -> {
                List<String> out = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
                        + "WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
            assertThat(versions).isEqualTo(Database.MIGRATIONS);
            String row = db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT m.platform_id, m.author, m.text, m.created_at, "
                        + "c.name FROM mention m JOIN category c ON c.id = m.category_id")) {
                    assertThat(rs.next()).isTrue();
                    return rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                            + rs.getObject(4, java.time.OffsetDateTime.class).toInstant() + "|" + rs.getString(5);
                }
            });
            assertThat(row).isEqualTo("1861|minsu|배송 언제 와요?|2026-10-17T00:00:03.123456Z|배송 지연");
        }
        try (Database db = Database.open(Database.fileUrl(home))) {
            assertThat(db.flywayRan()).as("current after the migration").isFalse();
            String zone = db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT setting_value FROM setting")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(zone).isEqualTo("Asia/Seoul");
        }
    }
}
