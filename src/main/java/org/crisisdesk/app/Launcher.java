package org.crisisdesk.app;

import org.crisisdesk.store.StoreException;
import picocli.CommandLine;

/**
 * Entry point of the jar. Not the JavaFX {@code Application} subclass, so a plain classpath jar can start JavaFX.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return commandLine().execute(args);
    }

    /** The configured command line: people get a one-line reason for expected failures, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CrisisDeskCommand());
        shareVersion(cli, cli.getCommandSpec().versionProvider());
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
