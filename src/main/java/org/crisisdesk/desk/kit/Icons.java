package org.crisisdesk.desk.kit;

import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design icons by literal ("mdi2p-pause"); one place to change size and style. */
public final class Icons {
    private Icons() {}

    public static FontIcon of(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("desk-icon");
        return icon;
    }
}
