package org.crisisdesk.desk.kit;

import java.io.File;
import javafx.stage.FileChooser;

/**
 * Where a save dialog opens: the folder last saved into during this run, else the user's home (issue #26: the
 * customer-centre file dialog opened in the process's working directory, usually the install folder). FX thread.
 */
public final class SaveFolder {
    private static File last;

    private SaveFolder() {
    }

    /** Points {@code chooser} at the folder to start in. */
    public static void prepare(FileChooser chooser) {
        chooser.setInitialDirectory(initial());
    }

    /** The folder a save dialog starts in: the last used one while it exists, else home (null if neither exists). */
    public static File initial() {
        if (last != null && last.isDirectory()) {
            return last;
        }
        File home = new File(System.getProperty("user.home", ""));
        return home.isDirectory() ? home : null;
    }

    /** Remembers the folder of a file the person chose (null: the dialog was cancelled). */
    public static void chosen(File file) {
        if (file != null && file.getAbsoluteFile().getParentFile() != null) {
            last = file.getAbsoluteFile().getParentFile();
        }
    }
}
