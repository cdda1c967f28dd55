package org.crisisdesk.app;

import java.util.function.ToIntFunction;
import org.crisisdesk.store.StoreException;
import picocli.CommandLine;

/** The configured command line; {@code org.crisisdesk.launch.Launcher} runs it with the desk as the no-command case. */
public final class Cli {
    private Cli() {}

    /** The command line without a desk (tests, tools): running it with no command is refused. */
    static CommandLine commandLine() {
        return configure(new CommandLine(new CrisisDeskCommand()));
    }

    /**
     * The configured command line, {@code desk} opening the desk when no command is given: people get a one-line
     * reason for expected failures, not a stack trace.
     */
    public static CommandLine commandLine(ToIntFunction<DeskOptions> desk) {
        return configure(new CommandLine(new CrisisDeskCommand(desk)));
    }

    private static CommandLine configure(CommandLine cli) {
        shareVersion(cli, cli.getCommandSpec().versionProvider());
        CommandLine.IParameterExceptionHandler parameters = cli.getParameterExceptionHandler();
        cli.setParameterExceptionHandler((ex, args) -> {
            for (Throwable t = ex; t != null; t = t.getCause()) {
                // picocli keeps the converter's failure only in its message
                if (t instanceof java.nio.file.InvalidPathException
                        || String.valueOf(t.getMessage()).contains("java.nio.file.InvalidPathException")) {
                    // Under LANG=C (cron, systemd, a bare container) Java cannot name a Korean path at all: its
                    // letters are gone before CrisisDesk sees them, so say why and how to run it instead.
                    ex.getCommandLine().getErr().println("crisisdesk: " + ex.getMessage().split(" \\(java\\.nio")[0]
                            + ": this Java names files in " + System.getProperty("sun.jnu.encoding") + " (the "
                            + "computer's locale), which cannot hold Korean or other non-ASCII letters. Run it with a "
                            + "UTF-8 locale, e.g. LANG=C.UTF-8 (or ko_KR.UTF-8) before the command.");
                    return 2;
                }
            }
            return parameters.handleParseException(ex, args);
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof StoreException || ex instanceof java.io.IOException
                    || ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("crisisdesk: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cli;
    }

    /** Subcommands inherit --version from mixinStandardHelpOptions but no provider, so they printed nothing. */
    private static void shareVersion(CommandLine command, CommandLine.IVersionProvider version) {
        for (CommandLine sub : command.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(version);
            shareVersion(sub, version);
        }
    }
}
