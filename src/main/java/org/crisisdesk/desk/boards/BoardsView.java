package org.crisisdesk.desk.boards;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.crisisdesk.desk.DeskContext;
import org.crisisdesk.desk.MentionCell;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;

/** The category boards: one virtualized column per category, horizontally scrollable. */
public final class BoardsView extends ScrollPane {
    private final DeskContext ctx;
    private final HBox row = new HBox(10);
    private Consumer<StoredMention> onOpen = m -> {};

    public BoardsView(DeskContext ctx, BoardsViewModel model) {
        this.ctx = ctx;
        setId("boards");
        getStyleClass().add("boards");
        row.getStyleClass().add("board-row");
        setContent(row);
        setFitToHeight(true);
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setVbarPolicy(ScrollBarPolicy.NEVER);
        model.columns().addListener((ListChangeListener<ColumnModel>) c -> rebuild(model));
        rebuild(model);
    }

    private void rebuild(BoardsViewModel model) {
        row.getChildren().clear();
        for (ColumnModel col : model.columns()) {
            row.getChildren().add(column(col));
        }
    }

    private VBox column(ColumnModel col) {
        Category c = col.category();
        String name = c == null ? ctx.t("board.unsorted") : c.name();
        Region swatch = new Region();
        swatch.getStyleClass().add("column-swatch");
        if (c == null) {
            swatch.getStyleClass().add("unsorted");
        } else {
            swatch.setStyle("-fx-background-color: " + c.color() + ";");
        }
        Label title = new Label(name);
        title.getStyleClass().add("column-title");
        Label count = new Label();
        count.getStyleClass().add("column-count");
        count.textProperty().bind(col.totalProperty().asString());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, swatch, title, spacer, count);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("column-header");

        ListView<StoredMention> list = new ListView<>(col.items());
        list.setId("column-list-" + (c == null ? "unsorted" : c.id()));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new MentionCell(ctx, 3));
        Label empty = new Label(c == null ? ctx.t("board.unsorted.empty") : ctx.t("board.column.empty"));
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                onOpen.accept(b);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox box = new VBox(header, list);
        box.getStyleClass().add("board-column");
        if (c != null && c.customerCentre()) {
            box.getStyleClass().add("customer-centre");
        }
        box.setId("column-" + (c == null ? "unsorted" : c.id()));
        box.setPrefWidth(300);
        box.setMinWidth(260);
        return box;
    }

    public void setOnOpen(Consumer<StoredMention> action) {
        this.onOpen = action;
    }
}
