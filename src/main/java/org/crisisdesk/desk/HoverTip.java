package org.crisisdesk.desk;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip, made the first time the pointer reaches the control. A tooltip is a popup window with a scene
 * of its own: two per card made the first frame of a large desk 60-90 ms slower and every card heavier (issue #8),
 * while few cards are ever hovered. The tooltip then works as any other: it shows after the usual delay.
 */
public final class HoverTip {
    private final Control owner;
    private final double maxWidth;
    private Tooltip tip;
    private String text = "";

    /** @param maxWidth the tooltip's wrapping width, or 0 for one line */
    public HoverTip(Control owner, double maxWidth) {
        this.owner = owner;
        this.maxWidth = maxWidth;
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> tooltip());
    }

    public void setText(String value) {
        text = value == null ? "" : value;
        if (tip != null) {
            tip.setText(text);
        }
    }

    /** The tooltip, made now if the pointer has not been here yet. */
    public Tooltip tooltip() {
        if (tip == null) {
            tip = new Tooltip(text);
            if (maxWidth > 0) {
                tip.setWrapText(true);
                tip.setMaxWidth(maxWidth);
            }
            owner.setTooltip(tip);
        }
        return tip;
    }
}
