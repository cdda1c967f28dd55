package org.crisisdesk.desk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.crisisdesk.alert.AlertState;
import org.crisisdesk.alert.WatchDesk;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.mention.MentionFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Alert pop-ups in the whole window at 1366x768 (issue #26): they never take the keys from the boards, sit inside the
 * boards (never over the composer), keep their place when another arrives, count the rest, and "Write notice" has a
 * key of its own.
 */
@ExtendWith(ApplicationExtension.class)
class AlertToastsInDeskTest {
    private final WatchDesk desk = new WatchDesk();
    private DeskSession session;
    private MainWindow window;
    private Scene scene;
    private long delivery;
    private long stock;
    private long activation;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        delivery = desk.category("배송 지연");
        stock = desk.category("매장 재고");
        activation = desk.category("개통 오류");
        desk.mentions(null, 3, Duration.ofMinutes(2));
        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), desk.clock, ZoneId.of("Asia/Seoul"));
        session = new DeskSession(desk.services, ctx, null, null);
        window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        scene = new Scene(window, 1366, 768);
        scene.getStylesheets().add(org.crisisdesk.desk.DeskApp.class.getResource("desk.css").toExternalForm());
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        session.boards().reload();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        session.close();
    }

    /** A volume alert for {@code category}, evaluated off the FX thread the way the schedule does it. */
    private void raise(long category) throws Exception {
        desk.mentions(category, 43, Duration.ofMinutes(10));
        desk.services.background().submit(() -> desk.alerts().evaluate()).get(10, TimeUnit.SECONDS);
    }

    private List<Node> toasts(FxRobot robot) {
        return List.copyOf(robot.lookup(".alert-toast").queryAll());
    }

    private Node toastFor(FxRobot robot, long category) {
        long id = desk.alerts().store().active().stream().filter(a -> a.categoryId() != null && a.categoryId() == category)
                .findFirst().orElseThrow().id();
        return robot.lookup("#alert-toast-" + id).query();
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private void clickUnsortedCard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#column-unsorted .list-cell")
                .match((ListCell<?> c) -> c.getItem() != null).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#column-unsorted .list-cell").match((ListCell<?> c) -> c.getItem() != null)
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean insideToast(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("alert-toast")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aPopUpNeverTakesTheKeysFromTheBoards(FxRobot robot) throws Exception {
        clickUnsortedCard(robot);
        Node focused = scene.getFocusOwner();
        raise(delivery);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> toasts(robot).size() == 1);
        assertThat(scene.getFocusOwner()).isSameAs(focused);

        robot.type(KeyCode.DIGIT1); // files the selected card into the first column, 배송 지연
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> desk.services.mentions().count(MentionFilter.category(null)) == 2);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desk.alerts().store().active()).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.OPEN));
        assertThat(toasts(robot)).hasSize(1);
        assertThat(insideToast(scene.getFocusOwner())).isFalse();

        // a click on the pop-up's button acts, and the keys still go to the boards afterwards
        robot.clickOn(robot.lookup(".alert-toast .alert-action-dismiss").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> toasts(robot).isEmpty());
        assertThat(insideToast(scene.getFocusOwner())).isFalse();
    }

    @Test
    void popUpsStayInsideTheBoardsOffTheComposerAndKeepTheirPlace(FxRobot robot) throws Exception {
        robot.interact(() -> window.openComposer(session.context().categories().get(stock)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#column-" + delivery).tryQuery().isPresent());
        Node composer = robot.lookup("#right-tabs").query();
        Bounds windowBounds = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());

        raise(delivery);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> toasts(robot).size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Node first = toastFor(robot, delivery);
        Bounds firstAt = inScene(first);

        raise(stock);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> toasts(robot).size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inScene(first)).isEqualTo(firstAt); // the one you aim at did not move
        Node second = toastFor(robot, stock);

        raise(activation);
        Button more = robot.lookup("#alert-toast-more").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, more::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(toasts(robot)).hasSize(2); // the third waits in the list, counted
        assertThat(more.getText()).isEqualTo("+1건 더");
        assertThat(inScene(first)).isEqualTo(firstAt);

        for (Node n : List.of(first, second, more)) {
            Bounds b = inScene(n);
            assertThat(windowBounds.contains(b)).as("inside the window: %s", b).isTrue();
            assertThat(b.intersects(inScene(composer))).as("off the composer: %s", b).isFalse();
        }
        assertThat(inScene(first).getWidth()).isGreaterThan(300);
        assertThat(inScene(first).intersects(inScene(second))).isFalse();
        assertThat(inScene(more).intersects(inScene(second))).isFalse();

        // the first leaves; the second stays where it was
        Bounds secondAt = inScene(second);
        robot.interact(() -> session.alerts().dismiss(session.alerts().alerts().stream()
                .filter(a -> a.categoryId() == delivery).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> toasts(robot).size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inScene(second)).isEqualTo(secondAt);

        // the chip opens the alert list and the count is told
        robot.clickOn(more);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !more.isVisible());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof org.controlsfx.control.PopOver && w.isShowing()));
    }

    @Test
    void ctrlShiftNWritesTheNoticeForTheNewestPopUpAndF1SaysSo(FxRobot robot) throws Exception {
        clickUnsortedCard(robot);
        raise(delivery);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> toasts(robot).size() == 1);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        javafx.scene.control.TabPane tabs = robot.lookup("#right-tabs").queryAs(javafx.scene.control.TabPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "composer-tab".equals(tabs.getSelectionModel().getSelectedItem().getId()));
        assertThat(session.composer().categoryProperty().get().id()).isEqualTo(delivery);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> toasts(robot).isEmpty());

        robot.interact(window::toggleHelp);
        assertThat(robot.lookup("#help-overlay .kbd").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).contains("Ctrl+Shift+N");
    }
}
