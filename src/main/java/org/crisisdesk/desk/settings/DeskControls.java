package org.crisisdesk.desk.settings;

import java.util.Locale;

/**
 * What the settings and the welcome screen may ask of the application around the window: the look, the language
 * and reopening the desk (after an account was connected, or to run the demo). Implemented by {@code DeskApp};
 * FX thread only.
 */
public interface DeskControls {
    boolean dark();

    /** Applies the theme at once and saves it. */
    void setDark(boolean dark);

    /** Rebuilds the window in {@code locale} and saves it. */
    void setLanguage(Locale locale);

    /**
     * Closes the running desk and opens it again from the home: live when an account is connected (unless
     * {@code demo}), with the zone and database settings read anew.
     */
    void reopen(boolean demo);

    /** Opens a link or a folder with the system (browser, file manager). */
    void open(String uri);

    /** Does nothing: for windows built without an application (tests, tools). */
    DeskControls NONE = new DeskControls() {
        private boolean dark;

        @Override
        public boolean dark() {
            return dark;
        }

        @Override
        public void setDark(boolean value) {
            dark = value;
        }

        @Override
        public void setLanguage(Locale locale) {}

        @Override
        public void reopen(boolean demo) {}

        @Override
        public void open(String uri) {}
    };
}
