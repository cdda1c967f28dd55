package org.crisisdesk.desk.kit;

/** The desk's one style sheet ({@code org/crisisdesk/desk/desk.css}), for every window and dialog of the desk. */
public final class DeskCss {
    private DeskCss() {}

    public static String url() {
        return DeskCss.class.getResource("/org/crisisdesk/desk/desk.css").toExternalForm();
    }
}
