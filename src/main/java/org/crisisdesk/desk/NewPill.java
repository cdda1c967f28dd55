package org.crisisdesk.desk;

import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;

/**
 * The "n new ↑" pill over a list of cards (the feed, a board column): shown while {@code count} is above zero, put on
 * top of the list in its stack pane.
 */
public final class NewPill {
    private NewPill() {}

    public static Button of(String id, ObservableIntegerValue count, IntFunction<String> text, Runnable onAction) {
        Button pill = new Button();
        pill.setId(id);
        pill.getStyleClass().addAll("new-pill", "accent");
        pill.textProperty().bind(Bindings.createStringBinding(() -> text.apply(count.get()), count));
        pill.visibleProperty().bind(Bindings.greaterThan(count, 0));
        pill.setOnAction(e -> onAction.run());
        StackPane.setAlignment(pill, Pos.TOP_CENTER);
        return pill;
    }
}
