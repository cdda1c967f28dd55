package org.crisisdesk.desk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.crisisdesk.alert.AlertKey;
import org.crisisdesk.alert.WatchDesk;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.triage.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Editing the rules of one category in the dialog stores an override; a bad value stores nothing and says why. */
@ExtendWith(ApplicationExtension.class)
class AlertRulesDialogTest {
    private final WatchDesk desk = new WatchDesk();
    private long delivery;
    private DeskContext ctx;
    private AlertsViewModel model;
    private VBox root;

    @Start
    void start(Stage stage) {
        delivery = desk.category("배송 지연");
        ctx = new DeskContext(new I18n(I18n.ENGLISH), desk.clock, ZoneId.of("Asia/Seoul"));
        desk.services.categories().active().forEach(c -> ctx.categories().put(c.id(), c));
        model = new AlertsViewModel(desk.alerts(), new Background(desk.services.background()), ctx);
        root = new VBox();
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @SuppressWarnings("unchecked")
    private void openFor(FxRobot robot, long categoryId) throws Exception {
        robot.interact(() -> AlertRulesDialog.show(ctx, model, root));
        WaitForAsyncUtils.waitForFxEvents();
        ChoiceBox<Category> scope = robot.lookup("#alert-rules-scope").queryAs(ChoiceBox.class);
        robot.interact(() -> scope.setValue(ctx.categories().get(categoryId)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(FxRobot robot, ButtonBar.ButtonData data) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        ButtonType type = pane.getButtonTypes().stream().filter(b -> b.getButtonData() == data).findFirst().orElseThrow();
        robot.clickOn(pane.lookupButton(type));
    }

    @Test
    void aCategoryOverrideIsSavedAndTheDeskDefaultStays(FxRobot robot) throws Exception {
        openFor(robot, delivery);
        TextField count = robot.lookup("#alert-rule-volume-count").queryAs(TextField.class);
        assertThat(count.getText()).isEmpty();
        assertThat(count.getPromptText()).isEqualTo("30");
        robot.clickOn(count).write("12");
        press(robot, ButtonBar.ButtonData.APPLY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> desk.alerts().settings().forCategory(delivery).volume().count() == 12);
        assertThat(desk.alerts().settings().value(null, AlertKey.VOLUME_COUNT)).isEqualTo("30");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#alert-rules-status").queryAs(Label.class).getText())
                .isEqualTo("Saved. Applies from the next check.");
    }

    @Test
    void aBadValueStoresNothingAndSaysWhy(FxRobot robot) throws Exception {
        openFor(robot, delivery);
        robot.clickOn("#alert-rule-volume-window").write("0");
        robot.clickOn("#alert-rule-volume-count").write("12");
        press(robot, ButtonBar.ButtonData.APPLY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#alert-rules-status").queryAs(Label.class).getText().startsWith("Not saved"));
        assertThat(robot.lookup("#alert-rules-status").queryAs(Label.class).getText())
                .isEqualTo("Not saved: volume.window must be between 1 and 1440");
        assertThat(desk.alerts().settings().override(delivery, AlertKey.VOLUME_COUNT)).isNull();
    }
}
