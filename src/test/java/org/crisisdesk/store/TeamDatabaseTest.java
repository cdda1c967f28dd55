package org.crisisdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.crisisdesk.testing.OnPostgres;
import org.crisisdesk.testing.TempDesk;
import org.crisisdesk.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** Opening a team database: what goes wrong is said in words, and passwords stay out of URLs (issue 21). */
@OnPostgres
class TeamDatabaseTest {

    @Test
    void aPasswordInTheUrlIsRefusedBeforeAnythingConnects() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:5432/x?user=u&password=secret"))
                .isInstanceOf(StoreException.class).hasMessageContaining("PGPASSWORD")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://u:secret@127.0.0.1:5432/x"))
                .hasMessageContaining("~/.pgpass").hasMessageNotContaining("secret");
    }

    @Test
    void unreachableServerMissingDatabaseAndRefusedLoginAreToldApart() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:" + closedPort + "/crisis?user=postgres"))
                .hasMessageContaining("cannot be reached").hasMessageContaining("127.0.0.1:" + closedPort);
        String missing = TestPostgres.urlOf("cdtest_no_such_db");
        assertThatThrownBy(() -> Database.open(missing)).hasMessageContaining("does not exist")
                .hasMessageContaining("createdb");
        String nobody = missing.replace("cdtest_no_such_db", "test").replaceAll("user=[^&]*", "user=cd_no_such_role");
        assertThatThrownBy(() -> Database.open(nobody)).hasMessageContaining("authentication failed")
                .hasMessageContaining("cd_no_such_role");
    }

    @Test
    void thePasswordComesFromPgpasswordElseAnOwnerOnlyFileInTheHome() throws Exception {
        Path home = TempDesk.newH2Home();
        assertThat(TeamDatabase.password(home, Map.of("PGPASSWORD", "env-pw"))).contains("env-pw");
        assertThat(TeamDatabase.password(home, Map.of())).isEmpty();
        Path file = home.resolve(TeamDatabase.PASSWORD_FILE);
        Files.writeString(file, "file-pw\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> TeamDatabase.password(home, Map.of())).hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(TeamDatabase.password(home, Map.of())).contains("file-pw");
    }

    @Test
    void aNewTeamDatabaseIsMigratedToTheSameTablesAsAnH2File() {
        String url = TestPostgres.createEmpty();
        Map<String, java.util.List<String>> pg;
        Map<String, java.util.List<String>> h2;
        try (Database db = Database.open(url)) {
            pg = columns(db);
            assertThat(db.displayLocation()).startsWith("postgresql://127.0.0.1").doesNotContain("user=");
        }
        try (Database db = Database.open(Database.fileUrl(TempDesk.newH2Home()))) {
            h2 = columns(db);
        }
        assertThat(pg).isEqualTo(h2).containsKeys("mention", "change_log", "collector_lease");
    }

    /** Table -> its columns in order (both databases report them lower-cased by DatabaseCopy). */
    private static Map<String, java.util.List<String>> columns(Database db) {
        return db.inTransaction(c -> {
            Map<String, java.util.List<String>> out = new java.util.TreeMap<>();
            for (DatabaseCopy.Table t : DatabaseCopy.tables(c)) {
                out.put(t.name, t.columns);
            }
            return out;
        });
    }
}
