package org.crisisdesk.desk.boards;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.TriageService;

/**
 * The category boards: a small toolbar (new category, undo, redo, what just happened) over one virtualized column
 * per category, horizontally scrollable. Unsorted comes first and the customer centre last; topic columns can be
 * dragged into another order. Column views are kept per column model, so a reorder moves nodes instead of
 * rebuilding lists.
 */
public final class BoardsView extends BorderPane {
    private final DeskContext ctx;
    private final BoardsViewModel model;
    private final HBox row = new HBox(10);
    private final Map<ColumnModel, ColumnView> views = new IdentityHashMap<>();
    private final CategoryDialogs dialogs;
    private final BoardKeys keys;
    private final Button addColumn;
    private Consumer<StoredMention> onOpen = m -> {};
    private java.util.function.Function<Long, Node> headerBadge = id -> null;
    private final ScrollPane scroll;
    private final ColumnSlots slots;
    private Consumer<Category> onPostUpdate;
    private ListView<StoredMention> feedList;
    /** Width of every column (a layout setting, restored on start). */
    private final javafx.beans.property.DoubleProperty columnWidth =
            new javafx.beans.property.SimpleDoubleProperty(this, "columnWidth", DEFAULT_COLUMN_WIDTH);
    public static final double DEFAULT_COLUMN_WIDTH = 300;
    public static final double MIN_COLUMN_WIDTH = 260;
    public static final double MAX_COLUMN_WIDTH = 560;
    private final MapChangeListener<Long, Category> refreshCards = c -> {
        views.values().forEach(v -> v.list().refresh());
        if (feedList != null) {
            feedList.refresh();
        }
    };

    public BoardsView(DeskContext ctx, BoardsViewModel model) {
        this.ctx = ctx;
        this.model = model;
        this.dialogs = new CategoryDialogs(ctx);
        this.keys = new BoardKeys(this, model, ctx);
        setId("boards");
        getStyleClass().add("boards");

        Label title = new Label(ctx.t("board.title"));
        title.getStyleClass().add("pane-title");
        Button add = new Button(ctx.t("board.create.button"), Icons.of("mdi2p-plus"));
        add.setId("board-add-category");
        add.setOnAction(e -> createCategory());
        Button undo = new Button(null, Icons.of("mdi2u-undo"));
        undo.setId("board-undo");
        undo.setTooltip(new Tooltip(ctx.t("board.undo.tip")));
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button redo = new Button(null, Icons.of("mdi2r-redo"));
        redo.setId("board-redo");
        redo.setTooltip(new Tooltip(ctx.t("board.redo.tip")));
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.setOnAction(e -> model.redo());
        Label message = new Label();
        message.setId("board-message");
        message.getStyleClass().add("board-message");
        message.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), b));
        message.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, title, add, undo, redo, spacer, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("pane-header", "board-bar");
        setTop(bar);

        row.getStyleClass().add("board-row");
        addColumn = new Button(null, Icons.of("mdi2p-plus"));
        addColumn.setId("board-add-column");
        addColumn.getStyleClass().add("board-add-column");
        addColumn.setTooltip(new Tooltip(ctx.t("board.create.button")));
        addColumn.setOnAction(e -> createCategory());
        addColumn.setMaxHeight(Double.MAX_VALUE);
        scroll = org.crisisdesk.desk.kit.LiveScroll.uncached(new ScrollPane(row));
        scroll.getStyleClass().add("board-scroll");
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(scroll);
        slots = new ColumnSlots(scroll, row, columnWidth);

        model.columns().addListener((ListChangeListener<ColumnModel>) c -> rebuild());
        // names and colours on cards follow renames and recolours; weak, as the context outlives this view
        ctx.categories().addListener(new WeakMapChangeListener<>(refreshCards));
        rebuild();
    }

    private void rebuild() {
        java.util.Set<ColumnModel> current = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        current.addAll(model.columns());
        views.keySet().retainAll(current);
        slots.retain(views.values());
        row.getChildren().clear();
        for (ColumnModel col : model.columns()) {
            ColumnView view = views.computeIfAbsent(col, c -> {
                ColumnView v = new ColumnView(ctx, c, this);
                v.filter(cardFilter.get());
                v.header().setBadge(headerBadge.apply(c.categoryId()));
                keys.track(v.list());
                return v;
            });
            row.getChildren().add(slots.slotFor(view));
        }
        row.getChildren().add(addColumn);
        slots.update();
    }

    /** The width of the board columns in pixels (kept between {@link #MIN_COLUMN_WIDTH} and {@link #MAX_COLUMN_WIDTH}). */
    public javafx.beans.property.DoubleProperty columnWidthProperty() {
        return columnWidth;
    }

    public void setColumnWidth(double width) {
        columnWidth.set(Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, width)));
    }

    /** Scrolls the boards so the category's column (null: Unsorted) is in view and focuses it. */
    public void showColumn(Long categoryId) {
        Node column = column(categoryId); // it may be out of view, and so out of the scene graph
        if (column == null) {
            return;
        }
        double content = row.getBoundsInLocal().getWidth();
        double viewport = scroll.getViewportBounds().getWidth();
        double x = slots.slotFor(column).getBoundsInParent().getMinX();
        scroll.setHvalue(content <= viewport ? 0 : Math.max(0, Math.min(1, x / (content - viewport))));
        slots.update();
        column.requestFocus();
    }

    /** The slot a column view sits in while in view; it stays in the row when the column is scrolled out. */
    public Node slotOf(Node column) {
        return slots.slotFor(column);
    }

    private final javafx.beans.property.ObjectProperty<java.util.function.Predicate<StoredMention>> cardFilter =
            new javafx.beans.property.SimpleObjectProperty<>();

    /** Issue 22: which cards every column shows (null: all), e.g. "assigned to me"; columns made later follow it. */
    public void filterCards(javafx.beans.value.ObservableValue<java.util.function.Predicate<StoredMention>> filter) {
        cardFilter.bind(filter);
    }

    {
        cardFilter.addListener((o, a, b) -> views.values().forEach(v -> v.filter(b)));
    }

    /** Adds a node (e.g. the alert badge) to each column header, by category id (null: Unsorted). */
    private Consumer<Category> onShowCases;

    /** Issue 22: what "cases: mine / unassigned / all" on the customer-centre column does. */
    public void setOnShowCases(Consumer<Category> action) {
        this.onShowCases = action;
    }

    boolean canShowCases() {
        return onShowCases != null;
    }

    void showCases(Category c) {
        if (onShowCases != null) {
            onShowCases.accept(c);
        }
    }

    private Consumer<Category> onClaim;
    private java.util.function.Predicate<Long> mine = id -> false;

    /** Issue 22: what claiming a column does, and whose claims are this desk's person's. */
    public void setClaims(Consumer<Category> toggle, java.util.function.Predicate<Long> mineTest) {
        this.onClaim = toggle;
        this.mine = mineTest;
    }

    boolean canClaim() {
        return onClaim != null;
    }

    boolean isMine(Category c) {
        return c != null && mine.test(c.id());
    }

    void toggleClaim(Category c) {
        if (onClaim != null && c != null) {
            onClaim.accept(c);
        }
    }

    /** The key O: claims (or releases) the column of the list the keys act on. */
    void toggleClaimOf(ListView<StoredMention> list) {
        views.forEach((col, v) -> {
            if (v.list() == list) {
                toggleClaim(col.category());
            }
        });
    }

    public void setHeaderBadges(java.util.function.Function<Long, Node> factory) {
        this.headerBadge = factory;
        views.forEach((col, view) -> view.header().setBadge(factory.apply(col.categoryId())));
    }

    public void setOnOpen(Consumer<StoredMention> action) {
        this.onOpen = action;
    }

    /** The composer's hook: the column menu's "Post update" calls it with the column's category. */
    public void setOnPostUpdate(Consumer<Category> action) {
        this.onPostUpdate = action;
    }

    /** Filing keys on the window's scene; call once the boards are in it (again after a window rebuild). */
    public void installKeys(Scene scene) {
        keys.install(scene);
    }

    /** Lets the feed's cards be dragged onto the columns and filed with the keys. */
    public void acceptFrom(ListView<StoredMention> feedList) {
        this.feedList = feedList;
        MentionDrag.installSource(feedList, MentionDrag.FEED);
        keys.track(feedList);
    }

    /** The list of a column (null: Unsorted), or null when there is no such column. */
    public ListView<StoredMention> list(Long categoryId) {
        ColumnModel col = model.column(categoryId);
        ColumnView v = col == null ? null : views.get(col);
        return v == null ? null : v.list();
    }

    /** A column's node (null: Unsorted), for drops. */
    public Node column(Long categoryId) {
        ColumnModel col = model.column(categoryId);
        return col == null ? null : views.get(col);
    }

    ColumnView columnView(ColumnModel col) {
        return views.get(col);
    }

    BoardsViewModel model() {
        return model;
    }

    DeskContext context() {
        return ctx;
    }

    // ---- actions of the toolbar and column menus ---------------------------------------------------------------

    void open(StoredMention m) {
        onOpen.accept(m);
    }

    boolean canPostUpdate() {
        return onPostUpdate != null;
    }

    void postUpdate(Category c) {
        if (onPostUpdate != null) {
            onPostUpdate.accept(c);
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    void createCategory() {
        String colour = TriageService.nextColour(ctx.categories().values().stream().filter(c -> !c.archived())
                .toList());
        dialogs.create(window(), colour).ifPresent(n -> model.create(n.name(), n.colour()));
    }

    void rename(Category c) {
        dialogs.rename(window(), c).ifPresent(name -> model.rename(c, name));
    }

    void recolour(Category c) {
        dialogs.recolour(window(), c).ifPresent(colour -> model.recolour(c, colour));
    }

    void editRules(Category c) {
        dialogs.rules(window(), c).ifPresent(rules -> model.updateRules(c, rules));
    }

    void merge(Category source, Category target) {
        ColumnModel col = model.column(source.id());
        long n = col == null ? 0 : col.totalProperty().get();
        if (dialogs.confirm(window(), ctx.t("board.merge.title", source.name(), target.name()),
                ctx.t("board.merge.text", source.name(), target.name(), n))) {
            model.merge(source, target);
        }
    }

    void archive(Category c) {
        ColumnModel col = model.column(c.id());
        long n = col == null ? 0 : col.totalProperty().get();
        if (dialogs.confirm(window(), ctx.t("board.archive.title", c.name()), ctx.t("board.archive.text", c.name(), n))) {
            model.archive(c);
        }
    }

    private java.util.function.Consumer<java.util.List<Long>> sendAsTickets;
    private Runnable sendUnsentAsTickets;

    /** The customer-centre column's ticket actions (issue 25); without them its menu has none. */
    public void setTicketActions(java.util.function.Consumer<java.util.List<Long>> sendSelected, Runnable sendUnsent) {
        this.sendAsTickets = sendSelected;
        this.sendUnsentAsTickets = sendUnsent;
    }

    boolean hasTicketActions() {
        return sendAsTickets != null;
    }

    /** Sends the selected cards of {@code categoryId}'s column as tickets. */
    void sendSelectedAsTickets(Long categoryId) {
        ListView<StoredMention> l = list(categoryId);
        if (l != null && sendAsTickets != null) {
            sendAsTickets.accept(l.getSelectionModel().getSelectedItems().stream().map(StoredMention::pk).toList());
        }
    }

    void sendUnsentAsTickets() {
        if (sendUnsentAsTickets != null) {
            sendUnsentAsTickets.run();
        }
    }

    /** A bar under the columns for another feature's offer (issue 25: "send as tickets"); it hides itself. */
    public void setOfferBar(javafx.scene.Node bar) {
        setBottom(bar);
    }

    void handOver() {
        dialogs.handOverFile(window()).ifPresent(f -> model.handOver(f, CategoryDialogs.formatOf(f)));
    }

    /** The least confidence "Accept all suggestions shown" files at; the person sees and changes it each time. */
    private double acceptFloor = 0.8;

    /**
     * Accepts the suggestions of the Unsorted cards on screen (not the whole column) at or above a confidence the
     * person confirms, as one gesture (one undo). Accepted in bulk, they are filed but teach the engine nothing.
     * The dialog opens once the event that asked for it (the column menu's item, Shift+A) is done: inside the menu
     * item's action its nested event loop kept the column menu open behind the dialog.
     */
    void acceptAllShown(ColumnModel unsorted) {
        javafx.application.Platform.runLater(() -> openAcceptAllShown(unsorted));
    }

    private void openAcceptAllShown(ColumnModel unsorted) {
        ColumnView v = views.get(unsorted);
        java.util.List<StoredMention> visible = v == null ? java.util.List.of() : v.visibleItems();
        dialogs.acceptShown(window(), visible, acceptFloor).ifPresent(floor -> {
            acceptFloor = floor;
            model.accept(CategoryDialogs.atLeast(visible, floor), r -> {});
        });
    }
}
