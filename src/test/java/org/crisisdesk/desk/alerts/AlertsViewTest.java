package org.crisisdesk.desk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertState;
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

/** The alert UI in a real window: notifications with actions, the alert list, and column badges. */
@ExtendWith(ApplicationExtension.class)
class AlertsViewTest {
    private final WatchDesk desk = new WatchDesk();
    private final List<Long> composerOpenedFor = new CopyOnWriteArrayList<>();
    private long delivery;
    private long stock;
    private AlertsViewModel model;
    private Node deliveryBadge;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        delivery = desk.category("배송 지연");
        stock = desk.category("매장 재고");
        DeskContext ctx = new DeskContext(new I18n(I18n.ENGLISH), desk.clock, ZoneId.of("Asia/Seoul"));
        model = new AlertsViewModel(desk.alerts(), new Background(desk.services.background()), ctx);
        model.connect();
        model.setOnOpenComposer(composerOpenedFor::add);
        model.setActor(() -> "minji");
        VBox root = new VBox(8);
        AlertsView view = new AlertsView(ctx, model);
        deliveryBadge = view.badge(delivery);
        root.getChildren().addAll(new HBox(8, new Label("배송 지연"), deliveryBadge, view.bellButton()), view.listPane());
        Scene scene = new Scene(new javafx.scene.layout.StackPane(root, view.toastLayer()), 900, 700);
        scene.getStylesheets().add(org.crisisdesk.desk.DeskApp.class.getResource("desk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        desk.close();
    }

    /** Raises a volume alert for {@code category} the way the schedule would: evaluated off the FX thread. */
    private Alert raiseVolume(long category) throws Exception {
        desk.mentions(category, 43, Duration.ofMinutes(10));
        Alert a = desk.services.background().submit(() -> desk.alerts().evaluate()).get(10, TimeUnit.SECONDS)
                .changes().stream().filter(c -> c.alert().categoryId() == category).findFirst().orElseThrow().alert();
        WaitForAsyncUtils.waitForFxEvents();
        return a;
    }

    @Test
    void theNotificationNamesCategoryAndReasonAndItsComposeActionOpensTheComposerForThatCategory(FxRobot robot)
            throws Exception {
        raiseVolume(delivery);
        waitFor(() -> robot.lookup(".alert-action-compose").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents(); // found as soon as it is added, in its scene once the FX thread is done

        Label title = robot.lookup(".alert-toast .alert-toast-title").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("배송 지연 · Volume threshold — Watch");
        assertThat(robot.lookup(".alert-toast .alert-toast-detail").queryAs(Label.class).getText())
                .isEqualTo("43 new in 15 min, no notice yet");

        robot.clickOn(robot.lookup(".alert-action-compose").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(composerOpenedFor).containsExactly(delivery);
    }

    @Test
    void theListsComposeButtonOpensTheComposerForTheRightCategory(FxRobot robot) throws Exception {
        Alert forStock = raiseVolume(stock);
        Alert forDelivery = desk.alerts().store().active().stream()
                .filter(a -> a.categoryId() == delivery).findFirst().orElse(null);
        assertThat(forDelivery).isNull();

        // the list's buttons show their whole label ("Write not…" and "Sno…" before, issue #26)
        for (String id : List.of("#alert-compose-", "#alert-snooze-")) {
            javafx.scene.control.Labeled b = robot.lookup(id + forStock.id()).queryAs(javafx.scene.control.Labeled.class);
            assertThat(b.getWidth()).as(id).isGreaterThanOrEqualTo(b.prefWidth(-1) - 0.5);
        }
        robot.clickOn("#alert-compose-" + forStock.id());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(composerOpenedFor).containsExactly(stock);
    }

    @Test
    void snoozeFromTheNotificationAndDismissFromTheListAreStoredAndShown(FxRobot robot) throws Exception {
        Alert a = raiseVolume(delivery);
        assertThat(deliveryBadge.isVisible()).isTrue();
        assertThat(((Label) deliveryBadge).getText()).isEqualTo("1");
        waitFor(() -> robot.lookup(".alert-toast .alert-action-snooze").tryQuery().isPresent());

        robot.clickOn(robot.lookup(".alert-toast .alert-action-snooze").queryAs(Node.class));
        waitFor(() -> robot.lookup(".alert-action-snooze-30").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".alert-action-snooze-30").queryAs(Node.class));
        waitFor(() -> desk.alerts().store().byId(a.id()).orElseThrow().state() == AlertState.SNOOZED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desk.alerts().store().byId(a.id()).orElseThrow().snoozedUntil())
                .isEqualTo(desk.clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(robot.lookup("#alert-state-" + a.id()).queryAs(Label.class).getText())
                .startsWith("Snoozed until ");
        assertThat(deliveryBadge.getStyleClass()).contains("alert-badge-snoozed");

        robot.clickOn("#alert-dismiss-" + a.id());
        waitFor(() -> desk.alerts().store().byId(a.id()).orElseThrow().state() == AlertState.DISMISSED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#alert-state-" + a.id()).queryAs(Label.class).getText()).isEqualTo("Dismissed");
        assertThat(deliveryBadge.isVisible()).isFalse();
        assertThat(desk.alerts().store().events(a.id())).extracting(e -> e.actor()).containsExactly("watch", "minji", "minji");
    }

    @Test
    void aPostedNoticeShowsAsResolvedByThatNotice(FxRobot robot) throws Exception {
        Alert a = raiseVolume(delivery);
        long notice = desk.notice(delivery);
        desk.services.background().submit(() -> desk.alerts().evaluate()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#alert-state-" + a.id()).queryAs(Label.class).getText())
                .isEqualTo("Resolved by notice #" + notice);
        assertThat(robot.lookup("#alert-compose-" + a.id()).tryQuery()).isEmpty();
        assertThat(deliveryBadge.isVisible()).isFalse();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
