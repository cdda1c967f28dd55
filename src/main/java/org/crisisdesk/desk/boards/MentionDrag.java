package org.crisisdesk.desk.boards;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.paint.Color;
import org.crisisdesk.mention.StoredMention;

/**
 * Drag and drop of mentions and columns inside the desk. A drag carries only store keys (in a data format of our
 * own, so text or files dragged in from elsewhere are never taken for mentions) and the key of the list it came
 * from, so a drop back onto the same column does nothing.
 */
public final class MentionDrag {
    /** Mentions: "source\npk,pk,pk". */
    public static final DataFormat MENTIONS = format("application/x-crisisdesk-mentions");
    /** A board column being reordered: the category id. */
    public static final DataFormat COLUMN = format("application/x-crisisdesk-column");
    /** The drag source key of the live feed. */
    public static final String FEED = "feed";

    private MentionDrag() {}

    private static DataFormat format(String mime) {
        DataFormat existing = DataFormat.lookupMimeType(mime);
        return existing != null ? existing : new DataFormat(mime);
    }

    /** What a mention drag carries. */
    public record Payload(String source, List<Long> pks) {}

    /**
     * Lets mentions be dragged out of {@code list}: the pressed card, or the whole selection when the pressed card
     * is part of it (Shift/Ctrl-click first, then drag any selected card).
     */
    public static void installSource(ListView<StoredMention> list, String sourceKey) {
        list.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
            ListCell<?> cell = cellOf(e.getPickResult().getIntersectedNode());
            if (cell == null || cell.isEmpty() || !(cell.getItem() instanceof StoredMention pressed)) {
                return;
            }
            List<StoredMention> selected = list.getSelectionModel().getSelectedItems();
            List<StoredMention> dragged = selected.contains(pressed) ? List.copyOf(selected) : List.of(pressed);
            Dragboard db = list.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(MENTIONS, encode(sourceKey, dragged.stream().map(StoredMention::pk).toList()));
            db.setContent(content);
            db.setDragView(dragged.size() == 1 ? cell.snapshot(transparent(), null) : badge(dragged.size()));
            e.consume();
        });
    }

    static ListCell<?> cellOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof ListCell<?> c) {
                return c;
            }
        }
        return null;
    }

    private static SnapshotParameters transparent() {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return p;
    }

    private static javafx.scene.image.Image badge(int n) {
        Label l = new Label("× " + n);
        l.setStyle("-fx-background-color: #1971C2; -fx-text-fill: white; -fx-padding: 4 10; "
                + "-fx-background-radius: 12; -fx-font-weight: bold;");
        new javafx.scene.Scene(new javafx.scene.Group(l));
        return l.snapshot(transparent(), null);
    }

    static String encode(String source, List<Long> pks) {
        StringBuilder sb = new StringBuilder(source).append('\n');
        for (int i = 0; i < pks.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(pks.get(i));
        }
        return sb.toString();
    }

    /** The mentions a drag carries, or null when it carries none of ours (or anything malformed). */
    public static Payload read(Dragboard db) {
        if (db == null || !db.hasContent(MENTIONS) || !(db.getContent(MENTIONS) instanceof String s)) {
            return null;
        }
        int nl = s.indexOf('\n');
        if (nl < 0) {
            return null;
        }
        List<Long> pks = new ArrayList<>();
        try {
            for (String part : s.substring(nl + 1).split(",")) {
                if (!part.isBlank()) {
                    pks.add(Long.parseLong(part.strip()));
                }
            }
        } catch (NumberFormatException malformed) {
            return null;
        }
        return pks.isEmpty() ? null : new Payload(s.substring(0, nl), pks);
    }

    /** The category id a column drag carries, or null. */
    public static Long readColumn(Dragboard db) {
        if (db == null || !db.hasContent(COLUMN) || !(db.getContent(COLUMN) instanceof String s)) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException malformed) {
            return null;
        }
    }
}
