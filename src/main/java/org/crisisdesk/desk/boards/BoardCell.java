package org.crisisdesk.desk.boards;

import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.MentionCell;
import org.crisisdesk.mention.StoredMention;

/** A card on a board column; cases already handed to the customer centre are dimmed. */
final class BoardCell extends MentionCell {
    /** Lines of text on a board card (the whole text is in its tooltip and the detail pane). */
    static final int LINES = 3;

    BoardCell(DeskContext ctx) {
        super(ctx, LINES);
        getStyleClass().add("board-cell");
    }

    @Override
    protected void updateItem(StoredMention item, boolean empty) {
        super.updateItem(item, empty);
        // in code, not a pseudo-class: a style change while the list lays out repaints the whole window (ChipPaint)
        dim(!empty && item != null && item.handedOverAt() != null);
    }
}
