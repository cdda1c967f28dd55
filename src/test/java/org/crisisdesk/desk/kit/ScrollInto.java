package org.crisisdesk.desk.kit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Long settings panes sit in a scroll pane and the robot clicks only what is on screen: scroll the pane that holds a
 * node so the node shows near the top, then click it.
 */
public final class ScrollInto {
    private ScrollInto() {}

    /** Scrolls the nearest scroll pane around the node found by {@code query} so the node shows near its top. */
    public static void show(FxRobot robot, String query) {
        robot.interact(() -> {
            Node node = robot.lookup(query).query();
            ScrollPane scroll = enclosing(node);
            if (scroll == null) {
                return;
            }
            Node content = scroll.getContent();
            double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (y - 24) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@link #show}, then a click on it; returns the robot so a {@code write} can follow. */
    public static org.testfx.api.FxRobotInterface click(FxRobot robot, String query) {
        show(robot, query);
        return robot.clickOn(query);
    }

    private static ScrollPane enclosing(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) {
                return s;
            }
        }
        return null;
    }
}
