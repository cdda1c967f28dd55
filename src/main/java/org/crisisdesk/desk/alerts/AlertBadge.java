package org.crisisdesk.desk.alerts;

import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.crisisdesk.alert.Reason;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;

/** A column header badge: the column's open alerts (bell and count), coloured by the worst level; snoozed ones muted. */
final class AlertBadge extends Label {
    private final ChangeListener<ColumnAlerts> listener;
    private static final String[] LEVEL_CLASSES = {"alert-badge-1", "alert-badge-2", "alert-badge-3", "alert-badge-snoozed"};

    AlertBadge(DeskContext ctx, ObservableValue<ColumnAlerts> state, Long categoryId, Consumer<AlertBadge> onClick) {
        setId("alert-badge-" + (categoryId == null ? "unsorted" : categoryId));
        getStyleClass().add("alert-badge");
        setTooltip(new Tooltip());
        setOnMouseClicked(e -> onClick.accept(this));
        show(ctx, state.getValue());
        // The summary property lives as long as the desk; badges are rebuilt with the boards: listen weakly.
        listener = (o, was, now) -> show(ctx, now);
        state.addListener(new WeakChangeListener<>(listener));
    }

    private void show(DeskContext ctx, ColumnAlerts s) {
        getStyleClass().removeAll(LEVEL_CLASSES);
        setVisible(s.any());
        setManaged(s.any());
        if (!s.any()) {
            return;
        }
        boolean onlySnoozed = s.open() == 0;
        setGraphic(Icons.of(onlySnoozed ? "mdi2a-alarm-snooze" : "mdi2b-bell-ring"));
        setText(Integer.toString(onlySnoozed ? s.snoozed() : s.open()));
        getStyleClass().add(onlySnoozed ? "alert-badge-snoozed" : "alert-badge-" + Math.min(3, Math.max(1, s.maxLevel())));
        getTooltip().setText(ctx.t("alerts.badge.tooltip", s.reasons().stream()
                .map((Reason r) -> ctx.t("alerts.reason." + r.name())).collect(Collectors.joining(", "))));
    }
}
