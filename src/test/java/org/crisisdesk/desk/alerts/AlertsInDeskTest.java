package org.crisisdesk.desk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.crisisdesk.alert.WatchDesk;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.DeskSession;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window: the session starts the watch on its schedule, and an alert reaches the bell and the column. */
@ExtendWith(ApplicationExtension.class)
class AlertsInDeskTest {
    private final WatchDesk desk = new WatchDesk();
    private DeskSession session;
    private MainWindow window;
    private long delivery;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        delivery = desk.category("배송 지연");
        DeskContext ctx = new DeskContext(new I18n(I18n.KOREAN), desk.clock, ZoneId.of("Asia/Seoul"));
        session = new DeskSession(desk.services, ctx, null, null);
        window = new MainWindow(session, url -> {}, () -> {}, locale -> {});
        Scene scene = new Scene(window, 1400, 850);
        scene.getStylesheets().add(org.crisisdesk.desk.DeskApp.class.getResource("desk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        session.start();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        session.close();
    }

    @Test
    void anAlertRaisedOnTheScheduleShowsOnTheBellAndInItsColumnHeader(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#column-" + delivery).tryQuery().isPresent());
        Node badge = robot.lookup("#column-" + delivery + " #alert-badge-" + delivery).query();
        assertThat(badge.isVisible()).isFalse();

        desk.mentions(delivery, 35, Duration.ofMinutes(10));

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, badge::isVisible);
        assertThat(robot.lookup("#alerts-button").queryAs(Button.class).getText()).isEqualTo("1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(".alert-toast .alert-toast-title").tryQuery().isPresent());
        assertThat(robot.lookup(".alert-toast .alert-toast-title").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("배송 지연 · 멘션 급증 기준 도달 — 주의");
    }

    @Test
    void theNotificationsWriteNoticeOpensTheComposerOnThatCategory(FxRobot robot) throws Exception {
        long stock = desk.category("매장 재고");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#column-" + delivery).tryQuery().isPresent());
        // The composer starts on another category, so only the alert can bring it to 배송 지연.
        robot.interact(() -> window.openComposer(session.context().categories().get(stock)));
        javafx.scene.control.TabPane tabs = robot.lookup("#right-tabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(0));

        desk.mentions(delivery, 35, Duration.ofMinutes(10));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup(".alert-toast .alert-action-compose").tryQuery().isPresent());
        // the card is found as soon as it is added; its buttons know their scene once the FX thread has finished
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".alert-toast .alert-action-compose").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("composer-tab");
        assertThat(session.composer().categoryProperty().get().id()).isEqualTo(delivery);
        assertThat(robot.lookup("#composer-category").queryComboBox().getSelectionModel().getSelectedItem())
                .isEqualTo(session.composer().categoryProperty().get());
    }
}
