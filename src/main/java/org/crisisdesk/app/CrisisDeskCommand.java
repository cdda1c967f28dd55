package org.crisisdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crisisdesk [--home DIR] [--db URL] [COMMAND]}: with no command, opens the desk. */
@Command(
        name = "crisisdesk",
        mixinStandardHelpOptions = true,
        versionProvider = CrisisDeskCommand.Version.class,
        description = {
            "A desk for running an official social-media account through a crisis.",
            "With no command, opens the desk (the demo replay runs when no X account is connected)."
        },
        subcommands = {ImportCommand.class, ExportCommand.class, CollectCommand.class, CategoriesCommand.class,
            TriageCommand.class, NoticeCommand.class, HandoverCommand.class, BackupCommand.class, RestoreCommand.class,
            DbCommand.class, CasesCommand.class, AlertsCommand.class,
            QuarantineCommand.class, UsageCommand.class})
public final class CrisisDeskCommand implements Callable<Integer> {
    /** Opens the desk; given by the launcher, so this package never loads the desk's classes. */
    private final ToIntFunction<DeskOptions> desk;

    CrisisDeskCommand(ToIntFunction<DeskOptions> desk) {
        this.desk = desk;
    }

    /** For a subcommand's tests: a command line that opens no desk. */
    CrisisDeskCommand() {
        this(options -> {
            throw new IllegalStateException("this command line opens no desk");
        });
    }

    @Option(names = "--home", paramLabel = "DIR",
            description = "App home: settings, credentials and the H2 database (default: $CRISISDESK_HOME or ~/.crisisdesk).")
    Path home;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Use this database instead of the H2 file in the app home (or the location chosen in the "
                    + "desk's settings, HOME/desk.properties), e.g. jdbc:h2:file:/data/desk or the team database "
                    + "jdbc:postgresql://HOST:5432/crisis?user=NAME (password: PGPASSWORD, ~/.pgpass or HOME/pgpassword). "
                    + "An H2 file's folder must exist: a missing one is refused, never created (a mistyped path would "
                    + "start an empty database).")
    String dbUrl;

    @Option(names = "--drill",
            description = "Commands work on the drill database (HOME/demo, where the desk's demo and every replay "
                    + "run): nothing is posted to an account; `notice post` records the text in "
                    + "HOME/demo/drill-outbox.jsonl.")
    boolean drill;

    @Option(names = "--as", paramLabel = "NAME",
            description = "Who runs the command, as recorded in histories (moves, cases, notices): default the desk's "
                    + "person (settings or welcome screen, HOME/desk.properties), else the computer's user.")
    String as;

    @Option(names = "--demo-speed", paramLabel = "N", defaultValue = "10",
            description = "Speed of the demo replay, 1 to 100 (default: ${DEFAULT-VALUE}).")
    double demoSpeed;

    @Override
    public Integer call() {
        return desk.applyAsInt(new DeskOptions(home(), dbUrl, Math.max(1, Math.min(100, demoSpeed))));
    }

    Path home() {
        Path resolved = AppHome.resolve(home);
        // Logback reads this when the first logger is made, which is after option parsing.
        if (System.getProperty("crisisdesk.logdir") == null) {
            System.setProperty("crisisdesk.logdir", resolved.resolve("logs").toString());
            LogFolder.prepare(resolved.resolve("logs"));
        }
        return resolved;
    }

    /** Opens the services for a subcommand; the caller closes them. */
    Services openServices() {
        Services s = drill ? Services.openDrill(home(), dbUrl, java.time.Clock.systemUTC())
                : Services.open(home(), dbUrl, java.time.Clock.systemUTC());
        s.person().override(as);
        return s;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"CrisisDesk " + p.getProperty("version", "dev")};
        }
    }
}
