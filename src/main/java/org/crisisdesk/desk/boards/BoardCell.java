package org.crisisdesk.desk.boards;

import javafx.css.PseudoClass;
import org.crisisdesk.desk.DeskContext;
import org.crisisdesk.desk.MentionCell;
import org.crisisdesk.mention.StoredMention;

/** A card on a board column; cases already handed to the customer centre are dimmed. */
final class BoardCell extends MentionCell {
    private static final PseudoClass HANDED_OVER = PseudoClass.getPseudoClass("handed-over");
    /** Lines of text on a board card (the whole text is in its tooltip and the detail pane). */
    static final int LINES = 3;

    BoardCell(DeskContext ctx) {
        super(ctx, LINES);
        getStyleClass().add("board-cell");
    }

    @Override
    protected void updateItem(StoredMention item, boolean empty) {
        super.updateItem(item, empty);
        pseudoClassStateChanged(HANDED_OVER, !empty && item != null && item.handedOverAt() != null);
    }
}
