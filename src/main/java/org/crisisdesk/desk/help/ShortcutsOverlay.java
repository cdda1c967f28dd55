package org.crisisdesk.desk.help;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.crisisdesk.desk.kit.DeskContext;

/** F1: every keyboard shortcut on one card over the desk. Esc or F1 closes it. */
public final class ShortcutsOverlay extends StackPane {
    /** Key and message key of its description, in the order shown. */
    static final String[][] SHORTCUTS = {
        {"F1", "help.key.help"},
        {"/", "help.key.search"},
        {"Ctrl+F", "help.key.search"},
        {"J / ↓", "help.key.next"},
        {"K / ↑", "help.key.previous"},
        {"Enter", "help.key.open"},
        {"Home", "help.key.top"},
        {"1 – 9", "help.key.file"},
        {"M", "help.key.move"},
        {"A", "help.key.accept"},
        {"Shift+A", "help.key.acceptShown"},
        {"O", "people.help.claim"},
        {"Ctrl+Shift+M", "people.help.cases"},
        {"Ctrl+Shift+A", "people.help.mine"},
        {"Ctrl+Z", "help.key.undo"},
        {"Ctrl+Shift+Z", "help.key.redo"},
        {"Ctrl+Y", "help.key.redo"},
        {"Ctrl+N", "composer.help.open"},
        {"Ctrl+Shift+N", "alerts.help.compose"},
        {"Ctrl+R", "reply.help.open"},
        {"Ctrl+Enter", "composer.help.post"},
        {"Ctrl+,", "settings.help.open"},
        {"Esc", "help.key.close"},
    };

    public ShortcutsOverlay(DeskContext ctx) {
        setId("help-overlay");
        getStyleClass().add("help-overlay");
        setVisible(false);
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().add("kbd");
            grid.add(key, 0, i);
            grid.add(new Label(ctx.t(SHORTCUTS[i][1])), 1, i);
        }
        Label title = new Label(ctx.t("help.title"));
        title.getStyleClass().add("pane-title");
        Label hint = new Label(ctx.t("help.close"));
        hint.getStyleClass().add("mention-time");
        VBox card = new VBox(12, title, grid, hint);
        card.getStyleClass().add("help-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setOnMouseClicked(e -> setVisible(false));
    }
}
