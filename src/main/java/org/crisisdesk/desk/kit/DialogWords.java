package org.crisisdesk.desk.kit;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;

/**
 * JavaFX's own button types (OK, Cancel, Close…) take their words from the JVM's locale when the class loads, so a
 * Korean desk on an English system showed "Cancel" (issue #26). Every dialog passes its pane here once its buttons are
 * set: the built-in types get the desk's words, its ButtonData (Esc = cancel/close, Enter = OK) stays. FX thread.
 */
public final class DialogWords {
    private static final Map<ButtonType, String> KEYS = Map.of(
            ButtonType.OK, "dialog.ok",
            ButtonType.CANCEL, "dialog.cancel",
            ButtonType.CLOSE, "dialog.close",
            ButtonType.YES, "dialog.yes",
            ButtonType.NO, "dialog.no",
            ButtonType.APPLY, "dialog.apply");

    private DialogWords() {
    }

    public static void localize(DialogPane pane, DeskContext ctx) {
        for (ButtonType type : pane.getButtonTypes()) {
            String key = KEYS.get(type);
            Node button = pane.lookupButton(type);
            if (key != null && button instanceof Labeled labeled) {
                labeled.setText(ctx.t(key));
            }
        }
    }
}
