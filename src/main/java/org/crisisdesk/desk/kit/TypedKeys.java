package org.crisisdesk.desk.kit;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;

/**
 * A single-key command that opens a text field ("/" focuses the search, "M" opens "move to…") acts on KEY_PRESSED;
 * the KEY_TYPED that follows the same stroke then lands in the field it just focused, so "/" searched for "/유심비"
 * and M filtered the picker by "m" (issue #26). {@link #swallowNext} drops that one typed character. FX thread only.
 */
public final class TypedKeys {
    private TypedKeys() {
    }

    /**
     * Consumes, at {@code field}, the next KEY_TYPED if it carries one of {@code chars} (case-insensitive); stops
     * looking at the first typed character or the key's release, so a later keystroke is never eaten.
     */
    public static void swallowNext(Node field, String chars) {
        EventHandler<KeyEvent> once = new EventHandler<>() {
            @Override
            public void handle(KeyEvent e) {
                if (e.getEventType() == KeyEvent.KEY_TYPED) {
                    String c = e.getCharacter();
                    if (c != null && !c.isEmpty() && chars.toLowerCase(java.util.Locale.ROOT)
                            .contains(c.toLowerCase(java.util.Locale.ROOT))) {
                        e.consume();
                    }
                    field.removeEventFilter(KeyEvent.ANY, this);
                } else if (e.getEventType() == KeyEvent.KEY_RELEASED) {
                    field.removeEventFilter(KeyEvent.ANY, this);
                }
            }
        };
        field.addEventFilter(KeyEvent.ANY, once);
    }
}
