package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.crisisdesk.desk.DeskBootstrap;
import org.crisisdesk.settings.DeskPrefs;
import org.crisisdesk.store.StoreException;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a team database that cannot be reached at start is refused in words (which database, on which host and
 * port, what to do), with a nonzero exit, by the CLI and by the desk; neither falls back to a local database.
 * Needs no server: the port is one nothing listens on.
 */
class TeamDatabaseRefusalTest {

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean anyDatabaseFile(Path home) throws Exception {
        try (var files = Files.walk(home)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".mv.db"));
        }
    }

    @Test
    void theCliRefusesAnUnreachableTeamDatabaseWithANonzeroExitAndNoLocalDatabase() throws Exception {
        Path home = TempDesk.newH2Home();
        int port = closedPort();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = Cli.commandLine(); // as the jar runs it, without a desk
        cli.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
        cli.setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute("--home", home.toString(), "--db",
                "jdbc:postgresql://127.0.0.1:" + port + "/crisis?user=crisis", "categories", "export");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).startsWith("crisisdesk: The team database").contains("team database crisis on 127.0.0.1:" + port + " cannot be reached")
                .contains("does not fall back to a local database").contains("--db").doesNotContain("Exception");
        assertThat(anyDatabaseFile(home)).as("a local database made instead").isFalse();
    }

    @Test
    void theDeskRefusesToStartOnAnUnreachableTeamDatabaseInsteadOfRunningTheDemoLocally() throws Exception {
        int port = closedPort();
        String team = "jdbc:postgresql://127.0.0.1:" + port + "/crisis?user=crisis";
        // chosen by --db
        Path home = TempDesk.newH2Home();
        assertThatThrownBy(() -> DeskBootstrap.open(new DeskOptions(home, team, 10)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("team database crisis on 127.0.0.1:" + port + " cannot be reached")
                .hasMessageContaining("settings");
        assertThat(anyDatabaseFile(home)).as("the demo opened on a local database instead").isFalse();
        // chosen in the settings (desk.properties), as the settings window keeps it
        Path chosen = TempDesk.newH2Home();
        DeskPrefs.load(chosen).put(DeskPrefs.DB_URL, team);
        assertThatThrownBy(() -> DeskBootstrap.open(new DeskOptions(chosen, null, 10)))
                .hasMessageContaining("127.0.0.1:" + port);
        assertThat(anyDatabaseFile(chosen)).isFalse();
    }
}
