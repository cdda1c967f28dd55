package org.crisisdesk.launch;

import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.desk.DeskApp;

/** Opens the desk window; separate so the CLI commands never touch JavaFX classes. */
final class DeskLauncher {
    private DeskLauncher() {}

    static void launch(DeskOptions options) {
        DeskApp.launch(options);
    }
}
