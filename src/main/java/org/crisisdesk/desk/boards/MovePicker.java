package org.crisisdesk.desk.boards;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.triage.Category;

/**
 * "Move to…" (M): a small filtered list of the places a mention can go. Type to filter (name or key digit), arrows
 * to choose, Enter to move, Esc to close.
 */
final class MovePicker extends Popup {
    /** One place: a category, or Unsorted (null). */
    record Target(Category category, String label, int key) {}

    private final TextField filter = new TextField();
    private final ListView<Target> list = new ListView<>();
    private final Label title = new Label();
    private Consumer<Category> onPick = c -> {};
    private FilteredList<Target> filtered;

    MovePicker(DeskContext ctx) {
        filter.setId("move-picker-filter");
        filter.setPromptText(ctx.t("board.picker.prompt"));
        list.setId("move-picker-list");
        list.setPrefSize(280, 260);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Target t, boolean empty) {
                super.updateItem(t, empty);
                if (empty || t == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(t.label());
                Region swatch = new Region();
                swatch.getStyleClass().add("column-swatch");
                swatch.setStyle("-fx-background-color: "
                        + (t.category() == null ? "-color-fg-muted" : t.category().color()) + ";");
                Label key = new Label(t.key() > 0 ? String.valueOf(t.key()) : " ");
                key.getStyleClass().addAll("kbd", "column-key");
                Node g = new HBox(6, key, swatch);
                ((HBox) g).setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                setGraphic(g);
            }
        });
        title.getStyleClass().add("pane-title");
        VBox box = new VBox(8, title, filter, list);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("move-picker");
        box.setId("move-picker");
        getContent().add(box);
        setAutoHide(true);
        setHideOnEscape(true);

        filter.textProperty().addListener((o, a, b) -> {
            String q = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(t -> q.isEmpty() || t.label().toLowerCase(Locale.ROOT).contains(q)
                    || (t.key() > 0 && String.valueOf(t.key()).equals(q)));
            list.getSelectionModel().selectFirst();
        });
        filter.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case DOWN -> list.getSelectionModel().selectNext();
                case UP -> list.getSelectionModel().selectPrevious();
                case ENTER -> pick();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 2) {
                pick();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pick();
                e.consume();
            }
        });
    }

    void show(Window owner, String heading, List<Target> targets, Consumer<Category> pick) {
        this.onPick = pick;
        title.setText(heading);
        filtered = new FilteredList<>(FXCollections.observableArrayList(targets));
        list.setItems(filtered);
        filter.clear();
        list.getSelectionModel().selectFirst();
        show(owner, owner.getX() + owner.getWidth() / 2 - 150, owner.getY() + owner.getHeight() / 3);
        filter.requestFocus();
    }

    /** The filter field (focused while the picker shows). */
    TextField filterField() {
        return filter;
    }

    private void pick() {
        Target t = list.getSelectionModel().getSelectedItem();
        if (t != null) {
            hide();
            onPick.accept(t.category());
        }
    }
}
