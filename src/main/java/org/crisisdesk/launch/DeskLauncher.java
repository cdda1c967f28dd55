package org.crisisdesk.launch;

import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.desk.DeskApp;

/** Opens the desk window; separate so the CLI commands never touch JavaFX classes. */
final class DeskLauncher {
    private DeskLauncher() {}

    /** Blocks until the window closes; the exit status (1: the desk could not open its database). */
    static int launch(DeskOptions options) {
        return DeskApp.launch(options);
    }
}
