package org.crisisdesk.desk.handover;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.handover.Shift;
import org.crisisdesk.handover.render.ReportText;

/** The toolbar's shift menu: who has the desk since when; start or end a shift; open the handover review. */
public final class ShiftControl extends MenuButton {

    public ShiftControl(DeskContext ctx, ShiftViewModel model, Runnable openReview) {
        setId("shift-control");
        setGraphic(Icons.of("mdi2a-account-clock-outline"));
        getStyleClass().add("shift-control");
        textProperty().bind(label(ctx, model.currentProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> model.problemProperty().get().isEmpty()
                ? ctx.t("handover.shift.tooltip") : model.problemProperty().get(), model.problemProperty()));
        setTooltip(tip);

        MenuItem start = new MenuItem(ctx.t("handover.shift.start"), Icons.of("mdi2p-play-circle-outline"));
        start.setId("shift-start");
        start.setOnAction(e -> askAndStart(ctx, model));
        MenuItem end = new MenuItem(ctx.t("handover.shift.end"), Icons.of("mdi2s-stop-circle-outline"));
        end.setId("shift-end");
        end.disableProperty().bind(model.currentProperty().isNull());
        end.setOnAction(e -> model.endCurrent());
        MenuItem review = new MenuItem(ctx.t("handover.shift.review"), Icons.of("mdi2h-handshake-outline"));
        review.setId("shift-review");
        review.setOnAction(e -> openReview.run());
        MenuItem correct = new MenuItem(ctx.t("handover.shift.correct"), Icons.of("mdi2c-clock-edit-outline"));
        correct.setId("shift-correct");
        correct.setOnAction(e -> model.recent().onSuccess(recent -> ShiftTimesDialog.open(
                getScene() == null ? null : getScene().getWindow(), ctx, model, recent)));
        getItems().addAll(start, end, correct, new SeparatorMenuItem(), review);
        model.problemProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty() && getScene() != null) {
                Alert alert = new Alert(Alert.AlertType.WARNING, now, ButtonType.OK);
                org.crisisdesk.desk.kit.DialogWords.localize(alert.getDialogPane(), ctx);
                alert.setHeaderText(ctx.t("handover.shift.failed"));
                alert.initOwner(getScene().getWindow());
                alert.show();
            }
        });
        model.refresh();
    }

    /** "On shift: Kim (since 09:02)" or "No shift", following the open shift (the toolbar and the status bar). */
    public static javafx.beans.binding.StringBinding label(DeskContext ctx,
            javafx.beans.value.ObservableValue<Shift> current) {
        ReportText words = new ReportText(ctx.i18n().locale(), ctx.zone());
        return Bindings.createStringBinding(() -> {
            Shift s = current.getValue();
            return s == null ? ctx.t("handover.shift.none")
                    : ctx.t("handover.shift.current", s.manager(), words.dateTime(s.startedAt()).substring(11));
        }, current);
    }

    private void askAndStart(DeskContext ctx, ShiftViewModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(ctx.t("handover.shift.dialog.title"));
        TextField name = new TextField();
        name.setId("shift-dialog-name");
        name.setText(ctx.deskName());
        TextField schedule = new TextField();
        schedule.setId("shift-dialog-schedule");
        schedule.setPromptText("09-18");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(ctx.t("handover.shift.dialog.name")), name);
        grid.addRow(1, new Label(ctx.t("handover.shift.dialog.schedule")), schedule);
        dialog.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(ctx.t("handover.shift.start"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        org.crisisdesk.desk.kit.DialogWords.localize(dialog.getDialogPane(), ctx);
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(name.textProperty().isEmpty());
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        name.requestFocus();
        dialog.showAndWait().filter(b -> b == ok).ifPresent(b -> model.start(name.getText(), schedule.getText()));
    }
}
