package org.crisisdesk.desk.handover;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.handover.Shift;
import org.crisisdesk.handover.render.ReportText;

/**
 * "Correct shift times…": pick a recent shift and edit its start and end (date and HH:mm in the desk's zone). The
 * fields are checked as they are typed; the change is saved off the FX thread by {@link ShiftViewModel#correct}, which
 * also tells an open review to rebuild. FX thread only.
 */
final class ShiftTimesDialog {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private ShiftTimesDialog() {}

    static Dialog<ButtonType> open(Window owner, DeskContext ctx, ShiftViewModel model, List<Shift> recent) {
        ReportText words = new ReportText(ctx.i18n().locale(), ctx.zone());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(ctx.t("handover.times.title"));
        ComboBox<Shift> picker = new ComboBox<>();
        picker.setId("shift-times-picker");
        picker.getItems().setAll(recent);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Shift s) {
                return s == null ? "" : s.manager() + " · " + words.dateTime(s.startedAt()) + " – "
                        + (s.endedAt() == null ? ctx.t("handover.shift.open") : words.dateTime(s.endedAt()));
            }

            @Override
            public Shift fromString(String s) {
                return null;
            }
        });
        DatePicker startDate = new DatePicker();
        startDate.setId("shift-times-start-date");
        TextField startTime = timeField("shift-times-start-time");
        DatePicker endDate = new DatePicker();
        endDate.setId("shift-times-end-date");
        TextField endTime = timeField("shift-times-end-time");
        Label error = new Label();
        error.setId("shift-times-error");
        error.getStyleClass().add("handover-problem");
        Label note = new Label(ctx.t("handover.times.note", ctx.zone().getId()));
        note.getStyleClass().add("handover-meta");
        note.setWrapText(true);
        note.setMaxWidth(420);

        picker.valueProperty().addListener((o, was, s) -> {
            startDate.setValue(s == null ? null : date(s.startedAt(), ctx));
            startTime.setText(s == null ? "" : time(s.startedAt(), ctx));
            boolean open = s == null || s.endedAt() == null;
            endDate.setValue(open ? null : date(s.endedAt(), ctx));
            endTime.setText(open ? "" : time(s.endedAt(), ctx));
            endDate.setDisable(open);
            endTime.setDisable(open);
            endTime.setPromptText(open && s != null ? ctx.t("handover.shift.open") : "HH:mm");
        });

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label(ctx.t("handover.times.shift")), picker);
        grid.addRow(1, new Label(ctx.t("handover.times.start")), new HBox(6, startDate, startTime));
        grid.addRow(2, new Label(ctx.t("handover.times.end")), new HBox(6, endDate, endTime));
        grid.add(note, 0, 3, 2, 1);
        grid.add(error, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(ctx.t("handover.times.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        org.crisisdesk.desk.kit.DialogWords.localize(dialog.getDialogPane(), ctx);

        // "" when the fields make a valid correction, else what is wrong
        StringBinding problem = Bindings.createStringBinding(() -> {
            Shift s = picker.getValue();
            if (s == null) {
                return " ";
            }
            Instant start = instant(startDate.getValue(), startTime.getText(), ctx);
            Instant end = s.endedAt() == null ? null : instant(endDate.getValue(), endTime.getText(), ctx);
            if (start == null || (s.endedAt() != null && end == null)) {
                return ctx.t("handover.times.bad");
            }
            Instant now = ctx.clock().instant();
            if (start.isAfter(now) || (end != null && end.isAfter(now))) {
                return ctx.t("handover.times.future");
            }
            if (!(end != null ? end : now).isAfter(start)) {
                return ctx.t("handover.times.order");
            }
            return "";
        }, picker.valueProperty(), startDate.valueProperty(), startTime.textProperty(), endDate.valueProperty(),
                endTime.textProperty());
        error.textProperty().bind(problem);
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(problem.isNotEmpty());
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setResultConverter(b -> {
            Shift s = picker.getValue();
            if (b == save && s != null) {
                model.correct(s.id(), kept(instant(startDate.getValue(), startTime.getText(), ctx), s.startedAt()),
                        s.endedAt() == null ? null
                                : kept(instant(endDate.getValue(), endTime.getText(), ctx), s.endedAt()));
            }
            return b;
        });
        if (!recent.isEmpty()) {
            picker.setValue(recent.stream().filter(s -> s.endedAt() != null).findFirst().orElse(recent.get(0)));
        }
        dialog.show();
        return dialog;
    }

    private static TextField timeField(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(5);
        f.setPromptText("HH:mm");
        return f;
    }

    private static LocalDate date(Instant at, DeskContext ctx) {
        return at.atZone(ctx.zone()).toLocalDate();
    }

    private static String time(Instant at, DeskContext ctx) {
        return HH_MM.format(at.atZone(ctx.zone()));
    }

    /** A boundary left as shown keeps its seconds: only what was edited moves. */
    private static Instant kept(Instant typed, Instant original) {
        return original.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(typed) ? original : typed;
    }

    /** The instant of a date and "HH:mm" in the desk's zone; null when either is missing or malformed. */
    static Instant instant(LocalDate date, String hhmm, DeskContext ctx) {
        if (date == null || hhmm == null) {
            return null;
        }
        try {
            return ZonedDateTime.of(date, LocalTime.parse(hhmm.strip(), HH_MM), ctx.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
