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
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.WatchDesk;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One pop-up per alert: an escalation updates it in place, and it leaves once its alert is closed. */
@ExtendWith(ApplicationExtension.class)
class AlertNotifierReplaceTest {
    private final WatchDesk desk = new WatchDesk();
    private final long delivery = desk.category("배송 지연");
    private AlertsViewModel model;

    @Start
    void start(Stage stage) {
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), desk.clock, ZoneId.of("Asia/Seoul"));
        model = new AlertsViewModel(desk.alerts(), new Background(desk.services.background()), ctx);
        AlertNotifier notifier = new AlertNotifier(ctx, model);
        model.setOnNotify(notifier::show);
        model.connect();
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(new VBox(), notifier.layer()), 900, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitForFxEvents();
        desk.close();
    }

    private void evaluate() throws Exception {
        desk.services.background().submit(() -> desk.alerts().evaluate()).get(10, TimeUnit.SECONDS);
    }

    private List<String> titles(FxRobot robot) {
        return robot.lookup(".alert-toast .alert-toast-title").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
    }

    @Test
    void anEscalationReplacesThePopupAndADismissTakesItAway(FxRobot robot) throws Exception {
        desk.mentions(delivery, 40, Duration.ofMinutes(10));
        evaluate();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> titles(robot).size() == 1);
        assertThat(titles(robot)).singleElement().asString().endsWith("Watch");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node card = robot.lookup(".alert-toast").query();
        javafx.geometry.Bounds at = card.localToScene(card.getLayoutBounds());
        javafx.scene.Node compose = robot.lookup(".alert-toast .alert-action-compose").query();

        desk.mentions(delivery, 30, Duration.ofMinutes(2)); // 70 in 15 min: level 2
        evaluate();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> titles(robot).stream().anyMatch(t -> t.endsWith("Warning")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(titles(robot)).singleElement().asString().endsWith("Warning");
        // the same card, in the same place
        assertThat((Object) robot.lookup(".alert-toast").query()).isSameAs(card);
        assertThat(card.localToScene(card.getLayoutBounds())).isEqualTo(at);
        // and the same button: a click half done while the count rises still lands
        assertThat((Object) robot.lookup(".alert-toast .alert-action-compose").query()).isSameAs(compose);
        assertThat(compose.getScene()).isNotNull();

        Alert open = model.alerts().get(0);
        robot.interact(() -> model.dismiss(open));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> titles(robot).isEmpty());
    }
}
