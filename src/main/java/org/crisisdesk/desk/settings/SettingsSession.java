package org.crisisdesk.desk.settings;

import org.crisisdesk.app.Services;
import org.crisisdesk.desk.alerts.AlertsViewModel;
import org.crisisdesk.desk.boards.BoardsViewModel;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;

/**
 * What the settings window uses of a running desk (implemented by {@code DeskSession}), so this package does not
 * depend on the desk's root, which builds it.
 */
public interface SettingsSession {
    Services services();

    DeskContext context();

    Background background();

    BoardsViewModel boards();

    AlertsViewModel alerts();
}
