package org.crisisdesk.desk.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;
import org.crisisdesk.alert.Alert;
import org.crisisdesk.alert.AlertChange;
import org.crisisdesk.alert.AlertState;
import org.crisisdesk.desk.DeskContext;
import org.crisisdesk.desk.Icons;

/**
 * Non-modal ControlsFX notifications for new, escalated and reopened alerts, naming the category and the reason,
 * with the actions: write a notice for this category, snooze 15/30/60 minutes, dismiss. Clicking an action also
 * closes the notification. More than {@link #MAX_AT_ONCE} at once collapse into one summary.
 *
 * <p>In a burst the watch raises alerts every few seconds. Popping each one up slides the others along and takes the
 * eye every time (and each popup animation repaints the window below it: 100-170 ms frames with software rendering,
 * issue #8). So notifications are paced: the first shows at once, then at most one every {@link #PACE}; what was
 * raised meanwhile shows together when the pause ends (the alert list and the column badges show it at once). FX
 * thread only.
 */
public final class AlertNotifier {
    static final int MAX_AT_ONCE = 3;
    static final javafx.util.Duration SHOW_FOR = javafx.util.Duration.seconds(30);
    static final javafx.util.Duration PACE = javafx.util.Duration.seconds(10);

    private final DeskContext ctx;
    private final AlertsViewModel model;
    private final AlertText text;
    private final Supplier<Object> owner;
    private final javafx.animation.PauseTransition pause;
    /** Changes raised while the pause runs, shown when it ends; by alert id, so a later change replaces an earlier. */
    private final java.util.LinkedHashMap<Long, AlertChange> held = new java.util.LinkedHashMap<>();
    /** The graphic of each alert's popup on screen, the handle to close that popup by. */
    private final Map<Long, Node> showing = new HashMap<>();

    /** @param owner the window (or a node in it) the notifications belong to; null picks the focused window */
    public AlertNotifier(DeskContext ctx, AlertsViewModel model, Supplier<Object> owner) {
        this(ctx, model, owner, PACE);
    }

    AlertNotifier(DeskContext ctx, AlertsViewModel model, Supplier<Object> owner, javafx.util.Duration pace) {
        this.ctx = ctx;
        this.model = model;
        this.text = new AlertText(ctx);
        this.owner = owner;
        this.pause = new javafx.animation.PauseTransition(pace);
        pause.setOnFinished(e -> showHeld());
        model.alerts().addListener((ListChangeListener<Alert>) c -> retireClosed());
    }

    public void show(List<AlertChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (pause.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            changes.forEach(c -> held.put(c.alert().id(), c));
            return;
        }
        showNow(changes);
    }

    private void showHeld() {
        // What was closed while it waited (a notice went out, someone dismissed it) is no news any more.
        List<AlertChange> changes = held.values().stream().filter(c -> !knownClosed(c.alert().id())).toList();
        held.clear();
        if (!changes.isEmpty()) {
            showNow(changes);
        }
    }

    /** Whether the alert list shows {@code alertId} as no longer open (an alert it does not show is not judged). */
    private boolean knownClosed(long alertId) {
        return model.alerts().stream().anyMatch(a -> a.id() == alertId && a.state() != AlertState.OPEN);
    }

    /** Closes the popups of alerts that are no longer open. */
    private void retireClosed() {
        for (Long id : List.copyOf(showing.keySet())) {
            if (knownClosed(id)) {
                close(id);
            }
        }
    }

    /** Closes alert {@code id}'s popup if it is still on screen (through its own close button, so the rest move up). */
    private void close(long id) {
        Node graphic = showing.remove(id);
        if (graphic == null || graphic.getScene() == null || graphic.getScene().getWindow() == null
                || !graphic.getScene().getWindow().isShowing()) {
            return;
        }
        for (Node n = graphic; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("notification-bar")) {
                if (n.lookup(".close-button") instanceof Button b) {
                    b.fire();
                }
                return;
            }
        }
    }

    /** Shows {@code changes} and starts the pause before the next. */
    private void showNow(List<AlertChange> changes) {
        pause.playFromStart();
        if (changes.size() > MAX_AT_ONCE) {
            base().title(ctx.t("alerts.list.title")).text(ctx.t("alerts.summary", changes.size()))
                    .styleClass("alert-notification").showWarning();
            return;
        }
        for (AlertChange c : changes) {
            close(c.alert().id());
            Node graphic = icon(c.alert());
            showing.put(c.alert().id(), graphic);
            notification(c.alert(), graphic).show();
        }
    }

    private static Node icon(Alert a) {
        return Icons.of(a.level() >= 2 ? "mdi2a-alert" : "mdi2b-bell-ring-outline");
    }

    Notifications notification(Alert a, Node graphic) {
        List<Action> actions = new ArrayList<>();
        if (a.categoryId() != null) {
            actions.add(action(ctx.t("alerts.action.compose"), "mdi2p-pencil", "alert-action-compose",
                    () -> model.openComposer(a)));
        }
        for (Duration d : AlertsViewModel.SNOOZES) {
            Action snooze = action(ctx.t("alerts.action.snooze", d.toMinutes()), "mdi2a-alarm-snooze",
                    "alert-action-snooze-" + d.toMinutes(), () -> model.snooze(a, d));
            snooze.setLongText(ctx.t("alerts.action.snooze.tooltip", d.toMinutes()));
            actions.add(snooze);
        }
        actions.add(action(ctx.t("alerts.action.dismiss"), "mdi2b-bell-off-outline", "alert-action-dismiss",
                () -> model.dismiss(a)));
        return base().title(text.title(a) + " — " + text.level(a))
                .text(text.detail(a))
                .graphic(graphic)
                .styleClass("alert-notification", "alert-level-" + Math.min(3, a.level()))
                .action(actions.toArray(Action[]::new));
    }

    private Notifications base() {
        Notifications n = Notifications.create().position(Pos.BOTTOM_RIGHT).hideAfter(SHOW_FOR)
                // Any click on the notification closes it (after the clicked action ran); no other side effect.
                .onAction(e -> {});
        Object o = owner == null ? null : owner.get();
        if (o != null) {
            n.owner(o);
        }
        return n;
    }

    private static Action action(String label, String icon, String styleClass, Runnable run) {
        Action a = new Action(label, e -> run.run());
        a.setGraphic(Icons.of(icon));
        a.getStyleClass().add(styleClass);
        return a;
    }
}
