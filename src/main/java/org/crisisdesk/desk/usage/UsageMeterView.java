package org.crisisdesk.desk.usage;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.usage.UsageReport;

/**
 * The X usage meter in the status bar: posts read against the cap, the month's cost and its projection, marked when
 * it is the desk's own estimate; details in the tooltip. At the warning share it turns amber, at the cap or budget
 * red, and says so once in the window (a ControlsFX notification over the desk). Refreshes every minute while shown.
 */
public final class UsageMeterView extends Label {
    static final Duration EVERY = Duration.minutes(1);
    private final Timeline timer;

    public UsageMeterView(UsageMeterModel model) {
        setId("status-usage");
        setGraphic(Icons.of("mdi2c-cash-multiple"));
        textProperty().bind(model.textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.tooltipProperty());
        tip.setShowDuration(Duration.minutes(1));
        setTooltip(tip);
        model.levelProperty().addListener((o, was, now) -> paint(now));
        paint(model.levelProperty().get());
        model.onWarning(w -> {
            if (getScene() == null || getScene().getWindow() == null) {
                return;
            }
            Notifications n = Notifications.create().owner(getScene().getWindow()).title(w.title()).text(w.text())
                    .hideAfter(Duration.seconds(30));
            if (w.over()) {
                n.showError();
            } else {
                n.showWarning();
            }
        });
        timer = new Timeline(new KeyFrame(EVERY, e -> model.refresh()));
        timer.setCycleCount(Animation.INDEFINITE);
        // runs while the meter is in a window: a window rebuilt (language switch) stops the old one's timer
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                timer.stop();
            } else {
                model.refresh();
                timer.play();
            }
        });
    }

    private void paint(UsageReport.Level level) {
        getStyleClass().removeAll("usage-warn", "usage-over");
        if (level == UsageReport.Level.WARN) {
            getStyleClass().add("usage-warn");
        } else if (level == UsageReport.Level.OVER) {
            getStyleClass().add("usage-over");
        }
    }
}
