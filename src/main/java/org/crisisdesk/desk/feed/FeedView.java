package org.crisisdesk.desk.feed;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.desk.kit.MentionCell;
import org.crisisdesk.desk.kit.NewPill;
import org.crisisdesk.mention.StoredMention;

/** The live feed: search and filters on top, a virtualized list of cards, and the "N new" pill. */
public final class FeedView extends BorderPane {
    /** Lines of text on a feed card (the whole text is in its tooltip and the detail pane). */
    private static final int LINES = 4;

    private final FeedViewModel model;
    private final ListView<StoredMention> list = new ListView<>();
    private final TextField search = new TextField();
    private Consumer<StoredMention> onOpen = m -> {};

    private final javafx.beans.property.BooleanProperty mineOnly = new javafx.beans.property.SimpleBooleanProperty();

    /**
     * Issue 22: shows only the loaded cards {@code filter} keeps (null: all), e.g. "assigned to me", with an empty
     * state that says so.
     */
    public void filterCards(javafx.beans.value.ObservableValue<java.util.function.Predicate<StoredMention>> filter) {
        filterListener = (o, a, keep) -> {
            mineOnly.set(keep != null);
            list.setItems(keep == null ? model.items()
                    : new javafx.collections.transformation.FilteredList<>(model.items(), keep::test));
        };
        // weak: the filter lives with the session, this view only as long as its window
        filter.addListener(new javafx.beans.value.WeakChangeListener<>(filterListener));
        filterListener.changed(filter, null, filter.getValue());
    }

    private javafx.beans.value.ChangeListener<java.util.function.Predicate<StoredMention>> filterListener;

    public FeedView(DeskContext ctx, FeedViewModel model) {
        this.model = model;
        setId("feed");
        getStyleClass().add("feed");

        Label title = new Label(ctx.t("feed.title"));
        title.getStyleClass().add("pane-title");
        ToggleButton pause = new ToggleButton(null, Icons.of("mdi2p-pause"));
        pause.setId("feed-pause");
        pause.setTooltip(new Tooltip(ctx.t("feed.pause")));
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        ComboBox<FeedCategory> category = FeedCategoryChoice.of(ctx, model.categoryProperty());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, category, pause);
        header.setAlignment(Pos.CENTER_LEFT);

        search.setId("feed-search");
        search.setPromptText(ctx.t("feed.search.prompt"));
        search.setTooltip(new Tooltip(ctx.t("feed.search.tip")));
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.setOnAction(e -> model.reload());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                model.reload();
                list.requestFocus();
            }
        });
        VBox top = new VBox(6, header, search);
        top.getStyleClass().add("pane-header");
        setTop(top);

        list.setId("feed-list");
        list.setItems(model.items());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new MentionCell(ctx, LINES));
        MentionCell.useFixedHeight(list, ctx, LINES);
        Label empty = new Label();
        // a search with no match must not read as "nothing has arrived yet"
        empty.textProperty().bind(Bindings.when(mineOnly).then(ctx.t("people.mine.empty.feed")).otherwise(
                Bindings.when(model.filteredProperty()).then(ctx.t("feed.empty.filtered")).otherwise(ctx.t("feed.empty"))));
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        empty.visibleProperty().bind(model.newCountProperty().isEqualTo(0)); // not while mentions wait behind the pill
        list.setPlaceholder(empty);

        Button pill = NewPill.of("feed-new-pill", model.newCountProperty(), n -> ctx.t("feed.newPill", n),
                this::jumpToTop);
        StackPane center = new StackPane(list, pill) {
            @Override
            protected void layoutChildren() {
                list.setMaxHeight(MentionCell.wholeCardsHeight(list, getHeight() - snappedTopInset()
                        - snappedBottomInset() - NewPill.topClearance(list)));
                super.layoutChildren();
            }
        };
        StackPane.setAlignment(list, Pos.TOP_CENTER); // whole cards; the space below them stays empty
        NewPill.keepClear(list, pill);
        setCenter(center);

        list.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<StoredMention>) c -> updateHolding());
        list.skinProperty().addListener((o, a, b) -> watchScroll());
        list.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case J -> move(1);
                case K -> move(-1);
                case HOME -> jumpToTop();
                case ENTER -> open();
                case SLASH -> {
                    search.requestFocus();
                    org.crisisdesk.desk.kit.TypedKeys.swallowNext(search, "/");
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1 && list.getSelectionModel().getSelectedItem() != null) {
                open();
            }
        });
    }

    private void watchScroll() {
        for (Node n : list.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((o, a, b) -> {
                    updateHolding();
                    if (b.doubleValue() >= bar.getMax() - 0.0001 && bar.getMax() > 0) {
                        model.loadOlder();
                    }
                });
            }
        }
    }

    private void updateHolding() {
        boolean scrolled = false;
        for (Node n : list.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible()) {
                scrolled = bar.getValue() > 0.0001;
            }
        }
        model.holdingProperty().set(scrolled || !list.getSelectionModel().getSelectedItems().isEmpty());
    }

    private void move(int delta) {
        int i = list.getSelectionModel().getSelectedIndex();
        int next = Math.max(0, Math.min(list.getItems().size() - 1, i + delta));
        list.getSelectionModel().clearAndSelect(next);
        MentionCell.scrollTo(list, Math.max(0, next - 2));
        open();
    }

    private void open() {
        StoredMention m = list.getSelectionModel().getSelectedItem();
        if (m != null) {
            onOpen.accept(m);
        }
    }

    /** Clears the selection, shows waiting mentions and scrolls to the newest. */
    public void jumpToTop() {
        list.getSelectionModel().clearSelection();
        model.showNew();
        list.scrollTo(0);
        model.holdingProperty().set(false);
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** The search field ("/" and Ctrl+F focus it). */
    public javafx.scene.control.TextField searchField() {
        return search;
    }

    public ListView<StoredMention> list() {
        return list;
    }

    public void setOnOpen(Consumer<StoredMention> action) {
        this.onOpen = action;
    }
}
