package org.crisisdesk.desk;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import org.crisisdesk.mention.StoredMention;

/** A list cell showing a {@link MentionCard}; one card per cell, reused as the list scrolls. */
public class MentionCell extends ListCell<StoredMention> {
    private final MentionCard card;

    public MentionCell(DeskContext ctx, int clampLines) {
        this.card = new MentionCard(ctx, clampLines);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        getStyleClass().add("mention-cell");
        // bound once: rebinding on every update made a new binding per card shown while scrolling
        card.prefWidthProperty().bind(widthProperty().subtract(24));
    }

    @Override
    protected void updateItem(StoredMention item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
        } else {
            card.show(item);
            setGraphic(card);
        }
    }
}
