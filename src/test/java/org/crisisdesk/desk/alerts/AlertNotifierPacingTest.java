package org.crisisdesk.desk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.crisisdesk.alert.AlertChange;
import org.crisisdesk.alert.WatchDesk;
import org.crisisdesk.desk.Background;
import org.crisisdesk.desk.DeskContext;
import org.crisisdesk.desk.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** In a burst the notifications are paced: the first at once, what follows together once the pause is over. */
@ExtendWith(ApplicationExtension.class)
class AlertNotifierPacingTest {
    private final WatchDesk desk = new WatchDesk();
    private AlertNotifier notifier;

    @Start
    void start(Stage stage) {
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), desk.clock, ZoneId.of("Asia/Seoul"));
        AlertsViewModel model = new AlertsViewModel(desk.alerts(), new Background(desk.services.background()), ctx);
        notifier = new AlertNotifier(ctx, model, () -> stage, javafx.util.Duration.millis(1500));
        stage.setScene(new Scene(new VBox(), 900, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        desk.close();
    }

    private List<AlertChange> raiseVolume(String category) throws Exception {
        desk.mentions(desk.category(category), 43, Duration.ofMinutes(10));
        return desk.services.background().submit(() -> desk.alerts().evaluate()).get(10, TimeUnit.SECONDS)
                .changes().stream().filter(AlertChange::notifies).toList();
    }

    private List<String> titles(FxRobot robot) {
        return robot.lookup(".notification-bar .title").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void aSecondAlertWithinThePaceWaitsForItsEnd(FxRobot robot) throws Exception {
        List<AlertChange> first = raiseVolume("배송 지연");
        List<AlertChange> second = raiseVolume("매장 재고");
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);

        robot.interact(() -> notifier.show(first));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> titles(robot).size() == 1);
        robot.interact(() -> notifier.show(second));
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(titles(robot)).hasSize(1).allMatch(t -> t.startsWith("배송 지연"));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> titles(robot).size() == 2);
        assertThat(titles(robot)).anyMatch(t -> t.startsWith("매장 재고"));
    }
}
