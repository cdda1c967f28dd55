package org.crisisdesk.desk.boards;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.HoverTip;
import org.crisisdesk.desk.kit.NewPill;
import org.crisisdesk.desk.kit.MentionCell;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;

/**
 * One column on the boards: its header and a virtualized list of cards. A drop target for mentions (from the feed
 * or another column) and, for topic columns, for other topic columns being reordered.
 */
final class ColumnView extends VBox {
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    private static final PseudoClass DROP_BEFORE = PseudoClass.getPseudoClass("drop-before");
    private static final PseudoClass DROP_AFTER = PseudoClass.getPseudoClass("drop-after");

    private final ColumnModel col;
    private final BoardsView board;
    private final ColumnHeader header;
    private final ListView<StoredMention> list;

    ColumnView(DeskContext ctx, ColumnModel col, BoardsView board) {
        this.col = col;
        this.board = board;
        this.header = new ColumnHeader(ctx, col, board);
        getStyleClass().add("board-column");
        setId("column-" + col.key());
        if (col.customerCentre()) {
            getStyleClass().add("customer-centre");
        }

        list = new ListView<>(col.items());
        list.setId("column-list-" + col.key());
        list.getStyleClass().add("column-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new BoardCell(ctx));
        MentionCell.useFixedHeight(list, ctx, BoardCell.LINES);
        Label empty = new Label(col.unsorted() ? ctx.t("board.unsorted.empty") : ctx.t("board.column.empty"));
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        // "Nothing here, well done" must not show while a burst's mentions wait behind the pill
        empty.visibleProperty().bind(col.waitingProperty().isEqualTo(0));
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                board.open(b);
            }
        });
        list.skinProperty().addListener((o, a, b) -> watchScroll());
        col.items().addListener(this::holdStill);
        MentionDrag.installSource(list, col.key());
        Button pill = newPill(ctx);
        StackPane body = new StackPane(list, pill);
        StackPane.setAlignment(list, Pos.TOP_CENTER); // whole cards; the space below them stays empty
        NewPill.keepClear(list, pill);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, body);
        setPrefWidth(300);
        setMinWidth(260);

        setOnDragOver(this::dragOver);
        setOnDragExited(e -> highlight(null));
        setOnDragDropped(this::dropped);
        header.setOnDragDetected(e -> {
            if (col.topic()) {
                Dragboard db = header.startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.put(MentionDrag.COLUMN, String.valueOf(col.categoryId()));
                db.setContent(content);
                db.setDragView(header.snapshot(new SnapshotParameters(), null));
                e.consume();
            }
        });
    }

    /** "N new" over the cards while a burst is held back (see {@link ColumnModel#arrive}); shows them on click. */
    private Button newPill(DeskContext ctx) {
        Button pill = NewPill.of("column-new-pill-" + col.key(), col.waitingProperty(),
                n -> ctx.t("board.column.newPill", n), this::showNew);
        new HoverTip(pill, 360).setText(ctx.t("board.column.newPill.tip")); // made on first hover: start-up
        return pill;
    }

    /** Shows the held-back arrivals and the newest card on top. */
    void showNew() {
        list.getSelectionModel().clearSelection();
        board.model().showNew(col);
        list.scrollTo(0);
    }

    ColumnModel model() {
        return col;
    }

    /** The cards on screen now (partly visible ones included), top to bottom. */
    java.util.List<StoredMention> visibleItems() {
        if (!(list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)
                || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            return java.util.List.of();
        }
        int from = Math.max(0, flow.getFirstVisibleCell().getIndex());
        int to = Math.min(list.getItems().size(), flow.getLastVisibleCell().getIndex() + 1);
        return from >= to ? java.util.List.of() : java.util.List.copyOf(list.getItems().subList(from, to));
    }

    ListView<StoredMention> list() {
        return list;
    }

    ColumnHeader header() {
        return header;
    }

    private boolean acceptsMentions(DragEvent e) {
        MentionDrag.Payload p = MentionDrag.read(e.getDragboard());
        return p != null && !p.source().equals(col.key());
    }

    private boolean acceptsColumn(DragEvent e) {
        Long moving = MentionDrag.readColumn(e.getDragboard());
        return moving != null && col.topic() && !moving.equals(col.categoryId());
    }

    private void dragOver(DragEvent e) {
        if (acceptsMentions(e)) {
            e.acceptTransferModes(TransferMode.MOVE);
            highlight(DROP_TARGET);
        } else if (acceptsColumn(e)) {
            e.acceptTransferModes(TransferMode.MOVE);
            highlight(e.getX() < getWidth() / 2 ? DROP_BEFORE : DROP_AFTER);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean done = false;
        if (acceptsMentions(e)) {
            board.model().move(MentionDrag.read(e.getDragboard()).pks(), col.categoryId());
            done = true;
        } else if (acceptsColumn(e)) {
            Category moving = board.context().categories().get(MentionDrag.readColumn(e.getDragboard()));
            if (moving != null) {
                board.model().reorder(moving, col.category(), e.getX() >= getWidth() / 2);
                done = true;
            }
        }
        highlight(null);
        e.setDropCompleted(done);
        e.consume();
    }

    private void highlight(PseudoClass which) {
        pseudoClassStateChanged(DROP_TARGET, which == DROP_TARGET);
        pseudoClassStateChanged(DROP_BEFORE, which == DROP_BEFORE);
        pseudoClassStateChanged(DROP_AFTER, which == DROP_AFTER);
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double forList = getHeight() - snappedTopInset() - snappedBottomInset()
                - snapSizeY(header.prefHeight(width)) - snapSpaceY(getSpacing()) - NewPill.topClearance(list);
        list.setMaxHeight(MentionCell.wholeCardsHeight(list, forList));
        if (list.getFixedCellSize() > 0) {
            col.setShown((int) (forList / list.getFixedCellSize()));
        }
        super.layoutChildren();
    }

    /**
     * Live mentions arrive on top of the column. While the person works in it (scrolled down, or a card selected),
     * the cards they look at must not slide away under the pointer: keep the same card at the top.
     */
    private void holdStill(javafx.collections.ListChangeListener.Change<? extends StoredMention> c) {
        int added = 0;
        while (c.next()) {
            if (c.wasAdded() && !c.wasReplaced() && c.getFrom() == 0) {
                added += c.getAddedSize();
            }
        }
        if (added == 0 || !(list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow)
                || flow.getFirstVisibleCell() == null) {
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        if (first > 0 || !list.getSelectionModel().isEmpty()) {
            org.crisisdesk.desk.kit.MentionCell.scrollTo(list, Math.min(list.getItems().size() - 1, first + added));
        }
    }

    /** Loads older cards when the list is scrolled to its end. */
    private void watchScroll() {
        for (Node n : list.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((o, a, b) -> {
                    if (bar.getMax() > 0 && b.doubleValue() >= bar.getMax() - 0.0001) {
                        board.model().loadOlder(col);
                    }
                });
            }
        }
    }
}
