package org.crisisdesk.desk.kit;

import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;

/**
 * A control's tooltip, made the first time the pointer reaches the control. A tooltip is a popup window with a scene
 * of its own: two per card made the first frame of a large desk 60-90 ms slower and every card heavier (issue #8),
 * while few cards are ever hovered. The tooltip then works as any other: it shows after the usual delay.
 */
public final class HoverTip {
    private static final int MAX_LINES = 40;
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
            show(tip);
        }
    }

    /** The tooltip, made now if the pointer has not been here yet. */
    public Tooltip tooltip() {
        if (tip == null) {
            tip = new Tooltip();
            if (maxWidth > 0) {
                tip.setMaxWidth(maxWidth);
            }
            show(tip);
            owner.setTooltip(tip);
        }
        return tip;
    }

    /**
     * Wrapped by the tooltip, unless JavaFX cannot wrap the text (complex scripts, see {@link ComplexTextLines}):
     * then broken into lines here, in the owner's font with room to spare for the tooltip's, and not wrapped again.
     */
    private void show(Tooltip tooltip) {
        boolean ownLines = maxWidth > 0 && ComplexTextLines.needed(text);
        tooltip.setWrapText(maxWidth > 0 && !ownLines);
        Font font = owner instanceof Labeled l ? l.getFont() : Font.getDefault();
        tooltip.setText(ownLines ? ComplexTextLines.lines(text, font, maxWidth * 0.8, MAX_LINES) : text);
    }
}
