package org.crisisdesk.desk.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.crisisdesk.app.DeskOptions;
import org.crisisdesk.desk.DeskBootstrap;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.crisisdesk.testing.TempDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** In the desk: the toolbar shows the shift, the review opens from it, and its category links move the boards. */
@ExtendWith(ApplicationExtension.class)
class DeskHandoverTest {
    private DeskSession session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Path home = TempDesk.newHome();
        DeskBootstrap.Opened opened = DeskBootstrap.open(new DeskOptions(home, null, 1));
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), opened.services().clock(), opened.zone());
        session = new DeskSession(opened.services(), ctx, opened.collector(), opened.replay());
        window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        stage.setScene(new Scene(window, 1000, 800));
        stage.show();
        session.boards().reload();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void shiftInTheToolbarReviewWindowAndCategoryLinks(FxRobot robot) throws Exception {
        MenuButton shift = robot.lookup("#shift-control").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shift.getText().equals("No shift"));
        robot.interact(() -> session.shifts().start("Kim Minji", "09-18"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shift.getText().startsWith("On shift: Kim Minji (since "));
        assertThat(robot.lookup("#status-shift").queryAs(Label.class).getText()).isEqualTo(shift.getText());

        robot.interact(window::openHandover);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#handover-summary").tryQuery()
                .map(n -> ((Label) n).getText().contains("mentions")).orElse(false));
        assertThat(robot.lookup("#handover-window").queryAs(Label.class).getText()).endsWith("Kim Minji");

        // the last column is off screen at 1000 px; a link from the review scrolls the boards to it
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !session.boards().columns().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Long last = session.boards().columns().get(session.boards().columns().size() - 1).categoryId();
        javafx.scene.Node column = window.boardsView().column(last);
        assertThat(column.getScene()).isNull(); // out of view, so out of the scene graph
        javafx.scene.Node slot = window.boardsView().slotOf(column);
        double before = slot.localToScene(slot.getBoundsInLocal()).getMinX();
        assertThat(before).isGreaterThan(window.getWidth());
        robot.interact(() -> {
            window.showCategory(last);
            window.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column.getScene()).isNotNull();
        double after = column.localToScene(column.getBoundsInLocal()).getMinX();
        assertThat(after).isLessThan(window.getWidth()).isLessThan(before);
    }

    @Test
    void aNoticeInTheReviewLeadsToItsColumnAndTheComposerTimeline(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !session.boards().columns().isEmpty());
        Long last = session.boards().columns().get(session.boards().columns().size() - 1).categoryId();
        robot.interact(() -> session.shifts().start("Kim Minji", ""));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.shifts().currentProperty().get() != null);
        java.time.Instant now = session.services().clock().instant();
        new org.crisisdesk.handover.ReportFixture(session.services()).notice("POSTED", last, now,
                now.plus(java.time.Duration.ofHours(2)), null, 1, 3, "확인 중입니다");

        robot.interact(window::openHandover);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#handover-notices").tryQuery()
                .map(n -> !((javafx.scene.control.TableView<?>) n).getItems().isEmpty()).orElse(false));
        javafx.scene.control.TableView<?> notices = robot.lookup("#handover-notices").queryTableView();
        assertThat(notices.getTooltip().getText()).startsWith("Double-click");
        javafx.scene.control.TabPane tabs = robot.lookup("#right-tabs").query();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero(); // the detail tab, before

        javafx.scene.control.ScrollPane scroll = robot.lookup("#handover-scroll").query();
        robot.interact(() -> scroll.setVvalue(0.25)); // the notices table, below the chart, into the screen
        robot.doubleClickOn(robot.lookup("#handover-notices .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.composer().categoryProperty().get() != null
                && last.equals(session.composer().categoryProperty().get().id()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !session.composer().timeline().isEmpty());
        assertThat(session.composer().timeline()).singleElement()
                .satisfies(e -> assertThat(e.facts().text()).isEqualTo("확인 중입니다"));
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        robot.interact(window::layout);
        assertThat(window.boardsView().column(last).getScene()).isNotNull(); // scrolled into view
    }

    @Test
    void escapeAndTheCloseButtonCloseTheReviewWindow(FxRobot robot) throws Exception {
        Stage[] review = new Stage[1];
        robot.interact(() -> review[0] = window.openHandover());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, review[0]::isShowing);
        robot.interact(review[0]::requestFocus);
        robot.clickOn("#handover-close"); // the button is there and closes
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !review[0].isShowing());

        robot.interact(() -> review[0] = window.openHandover());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, review[0]::isShowing);
        robot.interact(review[0]::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !review[0].isShowing());
        assertThat(review[0].isShowing()).isFalse();
    }
}
