package org.crisisdesk.desk.quarantine;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;

/**
 * The status bar's "3 posts set aside" (issue 20): shown only while posts are held, counted again every
 * {@link #EVERY}; activating it (click, or Enter/Space when focused) opens the list.
 */
public final class QuarantineStatus {
    static final Duration EVERY = Duration.seconds(30);

    private QuarantineStatus() {}

    public static Hyperlink link(DeskContext ctx, QuarantineViewModel model, Runnable open) {
        Hyperlink link = new Hyperlink();
        link.setId("status-quarantine");
        link.setGraphic(Icons.of("mdi2a-archive-outline"));
        link.getStyleClass().add("quarantine-link");
        link.textProperty().bind(Bindings.createStringBinding(
                () -> ctx.t("quarantine.status", model.countProperty().get()), model.countProperty()));
        link.setTooltip(new Tooltip(ctx.t("quarantine.status.tip")));
        link.visibleProperty().bind(model.countProperty().greaterThan(0));
        link.managedProperty().bind(link.visibleProperty());
        link.setOnAction(e -> {
            link.setVisited(false);
            open.run();
        });
        link.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                e.consume();
                link.fire();
            }
        });
        Timeline recount = new Timeline(new KeyFrame(EVERY, e -> model.refresh()));
        recount.setCycleCount(Animation.INDEFINITE);
        // counts while the link is in a window (a language switch builds a new one: the old one stops)
        link.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                recount.stop();
            } else {
                model.refresh();
                recount.play();
            }
        });
        return link;
    }
}
