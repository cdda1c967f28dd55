package org.crisisdesk.desk.alerts;

import java.time.Duration;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertState;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;

/** One alert in the list: what and where, its state (open, snoozed, resolved by notice #N), and the actions. */
final class AlertCell extends ListCell<Alert> {
    private final DeskContext ctx;
    private final AlertsViewModel model;
    private final AlertText text;

    AlertCell(DeskContext ctx, AlertsViewModel model) {
        this.ctx = ctx;
        this.model = model;
        this.text = new AlertText(ctx);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        getStyleClass().add("alert-cell");
    }

    @Override
    protected void updateItem(Alert a, boolean empty) {
        super.updateItem(a, empty);
        if (empty || a == null) {
            setGraphic(null);
            return;
        }
        Label title = new Label(text.title(a), Icons.of(a.level() >= 2 ? "mdi2a-alert" : "mdi2b-bell-ring-outline"));
        title.getStyleClass().addAll("alert-title", "alert-level-" + Math.min(3, a.level()));
        Label state = new Label(text.state(a));
        state.getStyleClass().addAll("alert-state", "alert-state-" + a.state().name().toLowerCase(java.util.Locale.ROOT));
        state.setId("alert-state-" + a.id());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, spacer, state);
        top.setAlignment(Pos.CENTER_LEFT);

        Label detail = new Label(text.detail(a));
        detail.setWrapText(true);
        detail.getStyleClass().add("alert-detail");

        Label when = new Label(text.raised(a) + " · " + text.level(a));
        when.getStyleClass().add("alert-when");
        when.setWrapText(true);
        // the actions get a row of their own at their full width: beside the time they were cut to "Write not…" and
        // "Sno…" (issue #26)
        HBox bottom = new HBox(6);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        if (a.state() == AlertState.OPEN || a.state() == AlertState.SNOOZED) {
            if (a.categoryId() != null) {
                Button compose = new Button(ctx.t("alerts.action.compose"), Icons.of("mdi2p-pencil"));
                compose.setId("alert-compose-" + a.id());
                compose.setOnAction(e -> model.openComposer(a));
                bottom.getChildren().add(compose);
            }
            MenuButton snooze = new MenuButton(ctx.t("alerts.action.snoozeMenu"), Icons.of("mdi2a-alarm-snooze"));
            snooze.setId("alert-snooze-" + a.id());
            for (Duration d : AlertsViewModel.SNOOZES) {
                MenuItem item = new MenuItem(ctx.t("alerts.action.snooze.tooltip", d.toMinutes()));
                item.setId("alert-snooze-" + a.id() + "-" + d.toMinutes());
                item.setOnAction(e -> model.snooze(a, d));
                snooze.getItems().add(item);
            }
            Button dismiss = new Button(null, Icons.of("mdi2b-bell-off-outline"));
            dismiss.setId("alert-dismiss-" + a.id());
            dismiss.setTooltip(new Tooltip(ctx.t("alerts.action.dismiss")));
            dismiss.setOnAction(e -> model.dismiss(a));
            bottom.getChildren().addAll(snooze, dismiss);
            bottom.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        }
        VBox box = new VBox(4, top, detail, when);
        // who outside the desk was told, per channel, and whether it went out (issue 25)
        java.util.List<org.crisisdesk.alert.delivery.Delivery> told = model.deliveries().get()
                .getOrDefault(a.id(), java.util.List.of());
        if (!told.isEmpty()) {
            VBox lines = new VBox(1);
            lines.setId("alert-deliveries-" + a.id());
            for (org.crisisdesk.alert.delivery.Delivery d : told) {
                Label line = new Label(text.delivery(d), Icons.of(switch (d.state()) {
                    case "SENT" -> "mdi2s-send-check";
                    case "FAILED" -> "mdi2a-alert-circle-outline";
                    case "CANCELLED" -> "mdi2c-cancel";
                    default -> "mdi2c-clock-outline";
                }));
                line.setWrapText(true);
                line.getStyleClass().addAll("alert-delivery", "alert-delivery-" + d.state().toLowerCase(
                        java.util.Locale.ROOT));
                lines.getChildren().add(line);
            }
            box.getChildren().add(lines);
        }
        if (!bottom.getChildren().isEmpty()) {
            box.getChildren().add(bottom);
        }
        box.getStyleClass().add("alert-card");
        if (!a.active()) {
            box.getStyleClass().add("alert-closed");
        }
        box.prefWidthProperty().bind(widthProperty().subtract(24));
        setGraphic(box);
    }
}
