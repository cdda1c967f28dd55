package org.crisisdesk.desk.boards;

import java.util.IdentityHashMap;
import java.util.Map;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The board's columns side by side in a horizontal scroll pane, with only the columns in view in the scene graph.
 *
 * <p>Each column sits in a slot of fixed width that stays in the row, so the row's size and the scroll bar never
 * depend on what is attached. A column scrolled out of view leaves its slot: with software rendering JavaFX repaints
 * the whole window (1,100 nodes, 80-180 ms) when anything changes in a node outside the scroll pane's clip, and
 * the off-screen columns of a live board change every second (issue #8). A detached column keeps its list, its
 * selection and its scroll position, and is put back when it scrolls into view. FX thread only.
 */
final class ColumnSlots {
    private final ScrollPane scroll;
    private final Region row;
    private final ObservableDoubleValue width;
    private final Map<Node, StackPane> slots = new IdentityHashMap<>();

    ColumnSlots(ScrollPane scroll, Region row, ObservableDoubleValue width) {
        this.scroll = scroll;
        this.row = row;
        this.width = width;
        scroll.hvalueProperty().addListener(o -> update());
        scroll.viewportBoundsProperty().addListener(o -> update());
        row.layoutBoundsProperty().addListener(o -> update());
    }

    /** The slot that holds {@code column} (created on first use); attached until the next {@link #update}. */
    StackPane slotFor(Node column) {
        return slots.computeIfAbsent(column, c -> {
            StackPane slot = new Slot(c);
            slot.getStyleClass().add("board-slot");
            slot.minWidthProperty().bind(width);
            slot.prefWidthProperty().bind(width);
            slot.maxWidthProperty().bind(width);
            slot.boundsInParentProperty().addListener(o -> update());
            return slot;
        });
    }

    /** Forgets the slots of columns no longer on the board. */
    void retain(java.util.Collection<? extends Node> columns) {
        java.util.Set<Node> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(columns);
        slots.keySet().retainAll(keep);
    }

    /** Puts the columns in view into their slots and takes the others out. */
    void update() {
        double viewport = scroll.getViewportBounds().getWidth();
        double content = row.getLayoutBounds().getWidth();
        if (viewport <= 0 || content <= 0) {
            return; // not laid out yet: leave everything attached
        }
        double from = Math.max(0, content - viewport) * hvalueFraction();
        double to = from + viewport;
        slots.forEach((column, slot) -> {
            Bounds b = slot.getBoundsInParent();
            boolean inView = b.getMaxX() > from && b.getMinX() < to;
            if (inView && slot.getChildren().isEmpty()) {
                slot.getChildren().add(column);
            } else if (!inView && !slot.getChildren().isEmpty()) {
                slot.getChildren().clear();
            }
        });
    }

    private double hvalueFraction() {
        double range = scroll.getHmax() - scroll.getHmin();
        return range <= 0 ? 0 : (scroll.getHvalue() - scroll.getHmin()) / range;
    }

    /**
     * A slot whose column is a layout root: the column is unmanaged and sized here to the slot. New cards in a column
     * then lay out that column only; as a managed child its layout request went up to the window's root, which
     * measured the minimum widths of the whole window again (a fifth of a column update's 30-40 ms, issue #8).
     */
    private static final class Slot extends StackPane {
        Slot(Node column) {
            column.setManaged(false);
            getChildren().add(column);
        }

        @Override
        protected void layoutChildren() {
            javafx.geometry.Insets in = getInsets();
            double w = getWidth() - in.getLeft() - in.getRight();
            double h = getHeight() - in.getTop() - in.getBottom();
            for (Node child : getChildren()) {
                child.resizeRelocate(in.getLeft(), in.getTop(), w, h);
            }
        }
    }
}
