package org.crisisdesk.desk.boards;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the boards like a person: {@code boards.drag(boards.feedCard("1001")).to("배송 지연")}. Columns are named
 * by category name ("미분류" for Unsorted) and scrolled into view before a drop.
 */
final class BoardsRobot {
    static final String UNSORTED = "미분류";

    private final FxRobot robot;
    private final MainWindow window;

    BoardsRobot(FxRobot robot, MainWindow window) {
        this.robot = robot;
        this.window = window;
    }

    /** A card in the live feed. */
    Node feedCard(String platformId) {
        return card(window.feedView().list(), platformId);
    }

    /** A card in a column. */
    Node columnCard(String column, String platformId) {
        return card(list(column), platformId);
    }

    ListView<StoredMention> list(String column) {
        return window.boardsView().list(categoryId(column));
    }

    Node column(String column) {
        Node n = window.boardsView().column(categoryId(column));
        Objects.requireNonNull(n, () -> "no column " + column);
        return n;
    }

    /** The header of a column (where a column drag starts). */
    Node header(String column) {
        return column(column).lookup(".column-header");
    }

    private Long categoryId(String column) {
        if (UNSORTED.equals(column)) {
            return null;
        }
        for (Category c : window.boardsView().context().categories().values()) {
            if (c.name().equals(column) && !c.archived()) {
                return c.id();
            }
        }
        throw new IllegalArgumentException("no category " + column);
    }

    private Node card(ListView<StoredMention> list, String platformId) {
        int index = -1;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).platformId().equals(platformId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new AssertionError("no card " + platformId + " in " + list.getId());
        }
        int at = index;
        robot.interact(() -> {
            // The flow's own scrollTo makes the cell fully visible; ListView.scrollTo puts it on top, which for the
            // last cards of a short list of fixed-height cells stops short of them (JavaFX 21).
            if (list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                flow.scrollTo(at);
            } else {
                list.scrollTo(at);
            }
            list.layout();
        });
        reveal(list);
        for (Node n : list.lookupAll(".mention-cell")) {
            if (n instanceof ListCell<?> cell && cell.getItem() instanceof StoredMention m
                    && m.platformId().equals(platformId) && onScreen(cell, list)) {
                return cell;
            }
        }
        throw new AssertionError("card " + platformId + " not on screen in " + list.getId());
    }

    /** Scrolls the boards sideways until {@code node} (inside a column) is on screen. */
    void reveal(Node node) {
        reveal(node, null);
    }

    /**
     * Scrolls the boards sideways so that both nodes are on screen (when they fit), leaving the view alone when they
     * already are. Nodes outside the boards (the feed) need no scrolling.
     */
    void reveal(Node a, Node b) {
        ScrollPane scroll = (ScrollPane) window.boardsView().lookup(".board-scroll");
        robot.interact(() -> {
            Node content = scroll.getContent();
            double viewport = scroll.getViewportBounds().getWidth();
            double extra = content.getBoundsInLocal().getWidth() - viewport;
            if (extra <= 0) {
                return;
            }
            double left = (scroll.getHvalue() - scroll.getHmin()) / (scroll.getHmax() - scroll.getHmin()) * extra;
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (Node given : new Node[] {a, b}) {
                // a column out of view is out of the scene graph; its slot stays in the row
                Node n = given instanceof ColumnView && !isInside(given, content)
                        ? window.boardsView().slotOf(given) : given;
                if (n != null && isInside(n, content)) {
                    Bounds bounds = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                    min = Math.min(min, bounds.getMinX());
                    max = Math.max(max, bounds.getMaxX());
                }
            }
            if (min == Double.MAX_VALUE || (min >= left && max <= left + viewport)) {
                return;
            }
            double wanted = max - min <= viewport ? (min + max - viewport) / 2 : min - 10;
            wanted = Math.max(0, Math.min(extra, wanted));
            scroll.setHvalue(wanted / extra * (scroll.getHmax() - scroll.getHmin()) + scroll.getHmin());
            scroll.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A cell the list shows: visible and within the list's bounds (the flow may keep a spare cell, still marked
     * visible, just outside them).
     */
    static boolean onScreen(ListCell<?> cell, ListView<?> list) {
        if (!cell.isVisible()) {
            return false;
        }
        Bounds c = cell.localToScene(cell.getBoundsInLocal());
        Bounds l = list.localToScene(list.getBoundsInLocal());
        return c.getMinY() + c.getHeight() / 2 > l.getMinY() && c.getMinY() + c.getHeight() / 2 < l.getMaxY();
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    Drag drag(Node source) {
        return new Drag(source);
    }

    /** A drag in progress: pick where it ends. */
    final class Drag {
        private final Node source;

        private Drag(Node source) {
            this.source = source;
        }

        /** Drops on the middle of the named column's card list. */
        void to(String column) {
            Node target = list(column);
            reveal(source, target);
            robot.drag(source, MouseButton.PRIMARY).dropTo(target);
            WaitForAsyncUtils.waitForFxEvents();
        }

        /** Drops on any node (e.g. somewhere that takes no drops). */
        void toNode(Node target) {
            robot.drag(source, MouseButton.PRIMARY).dropTo(target);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Click, then Ctrl-click the others: a multi-selection. */
    void select(Node first, Node... more) {
        robot.clickOn(first);
        for (Node n : more) {
            robot.press(KeyCode.CONTROL).clickOn(n).release(KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
