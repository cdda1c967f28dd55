package org.crisisdesk.desk.boards;

import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.MoveResult;

/**
 * The filing keys, for whatever list (feed or column) was used last: 1-9 file the selected mentions into the
 * first nine columns after Unsorted, M opens "move to…", A accepts the suggestions, Shift+A opens "accept all
 * suggestions shown" (Unsorted's cards on screen), Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo. Keys typed into a text field stay there.
 */
final class BoardKeys {
    private static final String SCENE_KEY = BoardKeys.class.getName();
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    private final BoardsView view;
    private final BoardsViewModel model;
    private final DeskContext ctx;
    private final MovePicker picker;
    private ListView<StoredMention> active;

    BoardKeys(BoardsView view, BoardsViewModel model, DeskContext ctx) {
        this.view = view;
        this.model = model;
        this.ctx = ctx;
        this.picker = new MovePicker(ctx);
    }

    /** The list whose selection the keys act on becomes the one last focused or clicked. */
    void track(ListView<StoredMention> list) {
        list.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                active = list;
            }
        });
        list.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> active = list);
    }

    /** Installs the keys on {@code scene}, replacing those of an earlier window on the same scene. */
    @SuppressWarnings("unchecked")
    void install(Scene scene) {
        Object old = scene.getProperties().get(SCENE_KEY);
        if (old instanceof EventHandler<?> h) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, (EventHandler<KeyEvent>) h);
        }
        EventHandler<KeyEvent> handler = this::pressed;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, handler);
        scene.getProperties().put(SCENE_KEY, handler);
    }

    private void pressed(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        if (REDO.match(e) || REDO_Y.match(e)) {
            model.redo();
            e.consume();
            return;
        }
        if (UNDO.match(e)) {
            model.undo();
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        int digit = digit(e.getCode());
        if (digit > 0) {
            List<Category> keyed = model.keyed();
            if (digit <= keyed.size()) {
                file(keyed.get(digit - 1));
            }
            e.consume();
        } else if (e.getCode() == KeyCode.HOME && showNewIn(active)) {
            e.consume(); // otherwise Home is the list's own: its first card
        } else if (e.getCode() == KeyCode.O && active != null) { // issue 22: own (claim) the column
            view.toggleClaimOf(active);
            e.consume();
        } else if (e.getCode() == KeyCode.M) {
            openPicker();
            e.consume();
        } else if (e.getCode() == KeyCode.A && e.isShiftDown()) {
            acceptAllShown();
            e.consume();
        } else if (e.getCode() == KeyCode.A) {
            List<StoredMention> sel = selection();
            if (sel != null) {
                ListView<StoredMention> list = active;
                int anchor = anchor(list);
                model.accept(sel, r -> advance(list, anchor, r));
            }
            e.consume();
        }
    }

    /** Shift+A: "Accept all suggestions shown" of the Unsorted column, as its menu item does. */
    private void acceptAllShown() {
        for (ColumnModel col : model.columns()) {
            if (col.unsorted()) {
                view.acceptAllShown(col);
                return;
            }
        }
    }

    private static int digit(KeyCode code) {
        if (code.ordinal() >= KeyCode.DIGIT1.ordinal() && code.ordinal() <= KeyCode.DIGIT9.ordinal()) {
            return code.ordinal() - KeyCode.DIGIT1.ordinal() + 1;
        }
        if (code.ordinal() >= KeyCode.NUMPAD1.ordinal() && code.ordinal() <= KeyCode.NUMPAD9.ordinal()) {
            return code.ordinal() - KeyCode.NUMPAD1.ordinal() + 1;
        }
        return 0;
    }

    /** Shows a column's held-back arrivals ("N new") when {@code list} is a column's and it has some. */
    private boolean showNewIn(ListView<StoredMention> list) {
        for (ColumnModel col : model.columns()) {
            ColumnView v = view.columnView(col);
            if (v != null && v.list() == list && col.waitingProperty().get() > 0) {
                v.showNew();
                return true;
            }
        }
        return false;
    }

    /** The selected mentions of the active list, or null (with a hint) when there are none. */
    private List<StoredMention> selection() {
        if (active == null || active.getSelectionModel().getSelectedItems().isEmpty()) {
            model.messageIsErrorProperty().set(false);
            model.messageProperty().set(ctx.t("board.select.first"));
            return null;
        }
        return List.copyOf(active.getSelectionModel().getSelectedItems());
    }

    void file(Category target) {
        List<StoredMention> sel = selection();
        if (sel == null) {
            return;
        }
        ListView<StoredMention> list = active;
        int anchor = anchor(list);
        model.move(sel.stream().map(StoredMention::pk).toList(), target == null ? null : target.id(),
                r -> advance(list, anchor, r));
    }

    private void openPicker() {
        List<StoredMention> sel = selection();
        if (sel == null || view.getScene() == null) {
            return;
        }
        List<MovePicker.Target> targets = new java.util.ArrayList<>();
        for (Category c : model.targets()) {
            targets.add(new MovePicker.Target(c, c == null ? ctx.t("board.unsorted") : c.name(),
                    c == null ? 0 : model.column(c.id()).keyProperty().get()));
        }
        ListView<StoredMention> list = active;
        int anchor = anchor(list);
        picker.show(view.getScene().getWindow(), ctx.t("board.picker.title", sel.size()), targets,
                target -> model.move(sel.stream().map(StoredMention::pk).toList(),
                        target == null ? null : target.id(), r -> advance(list, anchor, r)));
        // M opened the picker on its KEY_PRESSED; the "m" typed by the same stroke is not a filter (issue #26)
        org.crisisdesk.desk.kit.TypedKeys.swallowNext(picker.filterField(), "m");
    }

    private static int anchor(ListView<StoredMention> list) {
        return list.getSelectionModel().getSelectedIndices().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /**
     * Keeps filing fluent: after a key files the selection, the next card is selected. When the filed cards left
     * the list the next card now sits at the anchor; when they stayed (the feed shows everything) it is below.
     */
    private void advance(ListView<StoredMention> list, int anchor, MoveResult r) {
        if (r.isEmpty() || list.getItems().isEmpty()) {
            return;
        }
        long first = r.moved().get(0).mention().pk();
        int at = Math.min(anchor, list.getItems().size() - 1);
        boolean stayed = list.getItems().get(at).pk() == first;
        int next = Math.min(stayed ? at + 1 : at, list.getItems().size() - 1);
        list.getSelectionModel().clearAndSelect(next);
        org.crisisdesk.desk.kit.MentionCell.scrollTo(list, Math.max(0, next - 2));
        list.requestFocus();
    }

    MovePicker picker() {
        return picker;
    }
}
