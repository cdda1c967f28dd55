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

        // before the list's own selection model hears of a change (listeners run in the order added)
        col.items().addListener(this::beforeChange);
        list = new ListView<>(col.items());
        list.setId("column-list-" + col.key());
        list.getStyleClass().add("column-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new BoardCell(ctx));
        MentionCell.useFixedHeight(list, ctx, BoardCell.LINES);
        Label empty = new Label(col.unsorted() ? ctx.t("board.unsorted.empty") : ctx.t("board.column.empty"));
        this.emptyText = empty.getText();
        this.emptyLabel = empty;
        this.mineEmpty = ctx.t("people.mine.empty.column");
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
        list.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<StoredMention>) ch -> {
                    if (!changing) {
                        trackSelection();
                    }
                });
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

    private final String emptyText;
    private final String mineEmpty;
    private final Label emptyLabel;

    /**
     * Shows only the cards {@code keep} keeps ("assigned to me", issue 22), with an empty state that says so; null
     * shows every card again. The column's cards, counts and paging are left as they are.
     */
    void filter(java.util.function.Predicate<StoredMention> keep) {
        if (keep == null) {
            if (list.getItems() != col.items()) {
                list.setItems(col.items());
            }
            emptyLabel.setText(emptyText);
            return;
        }
        list.setItems(new javafx.collections.transformation.FilteredList<>(col.items(), keep::test));
        emptyLabel.setText(mineEmpty);
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
     * The cards selected (by store key), kept current outside list changes: a list tells its listeners after it
     * changed, when the selection's indices already point at other cards.
     */
    private final java.util.Set<Long> selected = new java.util.HashSet<>();
    /** The selection and the card at the top just before the column's cards change (see {@link #holdStill}). */
    private java.util.Set<Long> selectedBefore = java.util.Set.of();
    private int anchorBefore = -1;
    private int firstBefore = -1;
    private boolean changing;

    private void trackSelection() {
        selected.clear();
        list.getSelectionModel().getSelectedItems().forEach(m -> {
            if (m != null) {
                selected.add(m.pk());
            }
        });
    }

    private void beforeChange(javafx.collections.ListChangeListener.Change<? extends StoredMention> c) {
        firstBefore = -1;
        if (list == null) {
            return;
        }
        changing = true;
        if (list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow
                && flow.getFirstVisibleCell() != null) {
            firstBefore = flow.getFirstVisibleCell().getIndex();
        }
        selectedBefore = java.util.Set.copyOf(selected);
        // the selection model has not heard of the change yet: these are the indices before it
        anchorBefore = list.getSelectionModel().getSelectedIndices().stream().mapToInt(Integer::intValue).min()
                .orElse(-1);
    }

    /**
     * Cards come and go above the ones the person looks at: live mentions on top, and cards that this or another desk
     * (issue 21) moves in or out anywhere in the column. While the person works in the column (scrolled down, or a
     * card selected), the cards they look at must not slide away under the pointer: the same card stays at the top.
     * The selection stays on the same cards; when all selected cards left the column, the card now in their place is
     * selected (as after filing with a key), so the keys go on from there.
     */
    private void holdStill(javafx.collections.ListChangeListener.Change<? extends StoredMention> c) {
        if (list.getItems() != col.items()) { // filtered (issue 22): its indices are not the column's
            changing = false;
            trackSelection();
            return;
        }
        int first = firstBefore;
        int top = first;
        int anchor = anchorBefore;
        boolean removed = false;
        while (c.next()) {
            if (c.wasPermutated() || c.wasUpdated()) {
                continue;
            }
            removed |= c.wasRemoved() && !c.wasReplaced();
            if (c.wasReplaced()) {
                if (c.getFrom() < top) {
                    top = Math.max(c.getFrom(), top + c.getAddedSize() - c.getRemovedSize());
                }
                continue;
            }
            if (c.wasRemoved() && c.getFrom() < top) {
                top -= Math.min(c.getRemovedSize(), top - c.getFrom());
            }
            if (c.wasRemoved() && c.getFrom() < anchor) {
                anchor -= Math.min(c.getRemovedSize(), anchor - c.getFrom());
            }
            if (c.wasAdded() && c.getFrom() <= top) {
                top += c.getAddedSize();
            }
            if (c.wasAdded() && c.getFrom() <= anchor) {
                anchor += c.getAddedSize();
            }
        }
        changing = false;
        keepSelection(removed, anchor);
        trackSelection();
        if (first < 0 || top == first || list.getItems().isEmpty()) {
            return;
        }
        if (first > 0 || !list.getSelectionModel().isEmpty()) {
            org.crisisdesk.desk.kit.MentionCell.scrollTo(list, Math.max(0, Math.min(list.getItems().size() - 1, top)));
        }
    }

    private void keepSelection(boolean removed, int anchor) {
        if (selectedBefore.isEmpty() || !removed) {
            return;
        }
        var sel = list.getSelectionModel();
        java.util.List<Integer> still = new java.util.ArrayList<>();
        for (int i = 0; i < list.getItems().size(); i++) {
            if (selectedBefore.contains(list.getItems().get(i).pk())) {
                still.add(i);
            }
        }
        java.util.Set<Long> now = new java.util.HashSet<>();
        sel.getSelectedItems().forEach(m -> {
            if (m != null) {
                now.add(m.pk());
            }
        });
        if (!still.isEmpty()) {
            if (!now.equals(selectedBefore) || now.size() != still.size()) {
                sel.clearSelection();
                still.forEach(sel::select);
            }
        } else if (!list.getItems().isEmpty()) {
            int next = Math.max(0, Math.min(anchor, list.getItems().size() - 1));
            if (sel.getSelectedIndices().size() != 1 || sel.getSelectedIndex() != next) {
                sel.clearAndSelect(next);
            }
        }
        list.getFocusModel().focus(sel.getSelectedIndex());
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
