package org.crisisdesk.launch;

import org.crisisdesk.app.Cli;

/**
 * Entry point of the jar, and the one place that knows both the command line ({@code app}) and the desk: with no
 * command it opens the desk. Not the JavaFX {@code Application} subclass, so a plain classpath jar can start JavaFX.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.exit(Cli.commandLine(options -> DeskLauncher.launch(options)).execute(args));
    }
}
