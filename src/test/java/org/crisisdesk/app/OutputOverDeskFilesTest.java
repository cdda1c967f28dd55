package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.crisisdesk.app.CliTest.Run;
import org.junit.jupiter.api.Test;

/**
 * A hostile drill's {@code export --out HOME/crisisdesk.mv.db}: the export was moved over the live database (3.5 MB
 * became 2 KB of JSON Lines, rc=0 "exported 24 mentions"), and the next command refused the home as damaged. No
 * --out may name one of the desk's own files.
 */
class OutputOverDeskFilesTest {

    @Test
    void noExportOrReportIsWrittenOverTheDatabaseSettingsOrBackups() throws Exception {
        Path home = DataSafetyTest.homeWith(20);
        Run backup = CliTest.run("--home", home.toString(), "backup");
        assertThat(backup.exit()).as(backup.err()).isZero();
        Path zip = Path.of(backup.out().trim().replace("backup written to ", ""));
        Path db = home.resolve("crisisdesk.mv.db");
        long dbBefore = Files.size(db);
        String zipBefore = DataSafetyTest.sha(zip);
        Path link = home.getParent().resolve("link-" + home.getFileName());
        Files.createSymbolicLink(link, home);

        String[][] commands = {
            {"export", "--out", db.toString()},
            {"export", "--format", "csv", "--out", home.resolve("crisisdesk.mv.db.stamp").toString()},
            {"export", "--out", link.resolve("crisisdesk.mv.db").toString()},
            {"export", "--out", home.resolve("sub/../crisisdesk.mv.db").toString()},
            {"handover", "--out", zip.toString()},
            {"handover", "--format", "md", "--out", home.resolve("desk.properties").toString()},
            {"categories", "export", "--out", home.resolve("twitter4j.properties").toString()},
        };
        for (String[] c : commands) {
            String[] args = new String[c.length + 2];
            args[0] = "--home";
            args[1] = home.toString();
            System.arraycopy(c, 0, args, 2, c.length);
            Run r = CliTest.run(args);
            assertThat(r.exit()).as(String.join(" ", c) + ": " + r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", c)).contains("it is one of the desk's own files")
                    .doesNotContain("\tat ");
        }
        // each command opens the database (so its bytes change); what counts is that it is still the database
        assertThat(Files.size(db)).isGreaterThanOrEqualTo(dbBefore);
        assertThat(Files.readString(db, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("H:2,");
        assertThat(DataSafetyTest.sha(zip)).isEqualTo(zipBefore);
        assertThat(home.resolve("desk.properties")).doesNotExist();
        assertThat(DataSafetyTest.exported(home)).isEqualTo(20);

        // an export of its own into the home is fine
        Run mine = CliTest.run("--home", home.toString(), "export", "--out", home.resolve("mentions.jsonl").toString());
        assertThat(mine.exit()).as(mine.err()).isZero();
    }
}
