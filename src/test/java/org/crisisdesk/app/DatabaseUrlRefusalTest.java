package org.crisisdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crisisdesk.app.CliTest.Run;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.Test;

/**
 * Database URLs from a hostile drill (issue 20, item 15 and after): an H2 file named without {@code file:} went past
 * every check (a missing folder was made and an empty database started, the integrity stamp was never read); an
 * in-memory URL answered "imported 10" and kept nothing; an {@code INIT=} setting ran what the URL said and the error
 * printed the whole of a file it named.
 */
class DatabaseUrlRefusalTest {

    private static final String LINE =
            "{\"id\":\"1\",\"created_at\":\"2026-10-17T09:00:00+09:00\",\"author\":\"a\",\"text\":\"ok\"}\n";

    @Test
    void anH2FileWithoutFilePrefixIsCheckedLikeAnyOther() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        Files.writeString(in, LINE);
        Path typo = home.resolve("no-such-folder");

        Run r = CliTest.run("--home", home.toString(), "--db", "jdbc:h2:" + typo.resolve("desk"), "import",
                in.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("The folder " + typo + " for the database").contains("does not exist")
                .doesNotContain("\tat ");
        assertThat(typo).doesNotExist();

        // once the folder exists the same URL works, as an H2 file with its integrity stamp
        Files.createDirectories(typo);
        Run ok = CliTest.run("--home", home.toString(), "--db", "jdbc:h2:" + typo.resolve("desk"), "import",
                in.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(typo.resolve("desk.mv.db")).exists();
        assertThat(typo.resolve("desk.mv.db.stamp")).exists();
    }

    @Test
    void anInMemoryDatabaseIsRefusedInsteadOfForgettingTheImport() throws Exception {
        Path home = TempDesk.newHome();
        Path in = home.resolve("in.jsonl");
        Files.writeString(in, LINE);
        for (String url : new String[] {"jdbc:h2:mem:x", "jdbc:h2:mem:", "jdbc:h2:", "JDBC:H2:MEM:x;DB_CLOSE_DELAY=-1"}) {
            Run r = CliTest.run("--home", home.toString(), "--db", url, "import", in.toString());
            assertThat(r.exit()).as(url + ": " + r.out()).isEqualTo(2);
            assertThat(r.out()).as(url).doesNotContain("imported");
            assertThat(r.err()).as(url).contains("is an in-memory H2 database: it keeps nothing once the command ends");
        }
        Files.writeString(home.resolve("desk.properties"), "db.url=jdbc\\:h2\\:mem\\:x\n", StandardCharsets.UTF_8);
        Run fromSettings = CliTest.run("--home", home.toString(), "import", in.toString());
        assertThat(fromSettings.exit()).isEqualTo(2);
        assertThat(fromSettings.err()).contains("in-memory");
    }

    @Test
    void anInitSettingIsRefusedAndNothingItNamesIsRead() throws Exception {
        Path home = TempDesk.newHome();
        Path secret = home.resolve("secret.txt");
        Files.writeString(secret, "top secret line\n".repeat(200));
        String url = "jdbc:h2:file:" + home.resolve("x") + ";INIT=RUNSCRIPT FROM '" + secret + "'";
        Run r = CliTest.run("--home", home.toString(), "--db", url, "export", "--out", home.resolve("o.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("has an INIT setting, which runs SQL (and Java) on every open: CrisisDesk refuses it")
                .doesNotContain("top secret");
        assertThat(home.resolve("x.mv.db")).doesNotExist();

        Run copy = CliTest.run("--home", home.toString(), "db", "copy", "--to", url);
        assertThat(copy.exit()).isEqualTo(2);
        assertThat(copy.err()).contains("INIT").doesNotContain("top secret");
    }

    @Test
    void somethingThatIsNoDatabaseUrlIsSaidSo() throws Exception {
        Path home = TempDesk.newHome();
        Run r = CliTest.run("--home", home.toString(), "--db", "garbage", "export", "--out",
                home.resolve("o.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"garbage\" is not a database CrisisDesk can use").doesNotContain("\tat ");
    }
}
