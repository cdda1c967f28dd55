package org.crisisdesk.desk.kit;

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

    /**
     * Keeps {@code list}'s first card clear of {@code pill} (both in one stack pane): while the pill shows, the cards
     * start below it. Over the cards it hid the first card's @handle (issue #26).
     */
    public static void keepClear(javafx.scene.Node list, Button pill) {
        Runnable update = () -> {
            double h = pill.isVisible() ? Math.max(pill.getHeight(), pill.prefHeight(-1)) : 0;
            StackPane.setMargin(list, h > 0 ? new javafx.geometry.Insets(h + 2 * GAP, 0, 0, 0) : null);
        };
        pill.visibleProperty().addListener((o, a, b) -> update.run());
        pill.heightProperty().addListener((o, a, b) -> update.run());
        update.run();
    }

    /** Space above and below the pill (its CSS moves it {@value} px down from the top). */
    static final double GAP = 8;

    /** The top margin {@link #keepClear} gives {@code list} now (0 while the pill is hidden). */
    public static double topClearance(javafx.scene.Node list) {
        javafx.geometry.Insets m = StackPane.getMargin(list);
        return m == null ? 0 : m.getTop();
    }
}
