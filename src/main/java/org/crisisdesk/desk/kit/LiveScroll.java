package org.crisisdesk.desk.kit;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * For scroll panes whose content changes while it is on screen (the boards, the detail, the composer's preview).
 *
 * <p>The default skin caches its viewport as an image, which pays off for content that only scrolls. For live
 * content every change (a count, a new card) throws the image away and paints the whole content again into a new
 * one: with software rendering a board column's count changing repainted all 850 nodes of the board (30-60 ms per
 * frame, issue #8) instead of the few pixels that changed.
 */
public final class LiveScroll {
    private LiveScroll() {}

    /** Turns the viewport cache off once the skin exists (and again if the skin is replaced). */
    public static <T extends ScrollPane> T uncached(T scroll) {
        scroll.skinProperty().addListener((o, was, skin) -> uncacheViewport(scroll));
        uncacheViewport(scroll);
        return scroll;
    }

    /** The same for a text area whose text is replaced while shown: its skin scrolls the text in a scroll pane. */
    public static <T extends javafx.scene.control.TextArea> T uncachedText(T area) {
        area.skinProperty().addListener((o, was, skin) -> {
            if (area.lookup(".scroll-pane") instanceof ScrollPane inner) {
                uncached(inner);
            }
        });
        return area;
    }

    private static void uncacheViewport(ScrollPane scroll) {
        Node viewport = scroll.getSkin() == null ? null : scroll.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }
}
