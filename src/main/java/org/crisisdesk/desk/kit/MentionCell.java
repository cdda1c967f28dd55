package org.crisisdesk.desk.kit;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;

/**
 * A list cell showing a {@link MentionCard}; one card per cell, reused as the list scrolls. Cards all have one
 * height, so lists of them use a fixed cell size ({@link #useFixedHeight}) and never ask cells for their height, which
 * meant laying out wrapped text for every cell after every change (issue #8).
 */
public class MentionCell extends ListCell<StoredMention> {
    /** Measured heights by line count and styling (stylesheets): measuring takes a small styled scene. */
    private static final Map<String, Double> HEIGHTS = new ConcurrentHashMap<>();

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

    /** Shows the card faded (a case already handed to the customer centre), or not. */
    protected final void dim(boolean dimmed) {
        card.setOpacity(dimmed ? 0.55 : 1);
    }

    /**
     * Gives {@code list} (whose cells are MentionCells with {@code clampLines} lines) the cards' fixed height as soon
     * as it is in a scene, before its first layout: set later, the list would keep its estimate from the variable
     * heights it measured first and could not scroll to its last cards.
     */
    /**
     * The height to give a fixed-cell list that has {@code available} pixels: a whole number of cards, the rest of the
     * space left empty below it. Otherwise the list often keeps a card whose top edge alone is in view, with all of
     * its content below the list's clip, and JavaFX repaints the whole window when content outside a clip changes:
     * with software rendering 80-180 ms, about once a second in a burst (issue #8). Parents set it as the list's
     * maximum height before laying the list out.
     */
    public static double wholeCardsHeight(ListView<?> list, double available) {
        double cell = list.getFixedCellSize();
        javafx.geometry.Insets in = list.getInsets();
        double inner = available - in.getTop() - in.getBottom();
        if (cell <= 0 || inner < cell) {
            return Double.MAX_VALUE;
        }
        return Math.floor(Math.floor(inner / cell) * cell) + in.getTop() + in.getBottom();
    }

    /**
     * {@code list.scrollTo(index)}, except when all of its cards fit: then JavaFX 21's flow, asked to put a later card
     * on top, shifts every card up by one and leaves the last row empty (the first card above the list, the last one
     * unreachable). Lists of whole cards fit exactly whenever they hold as many cards as they show.
     */
    public static void scrollTo(ListView<?> list, int index) {
        double cell = list.getFixedCellSize();
        double inner = list.getHeight() - list.getInsets().getTop() - list.getInsets().getBottom();
        list.scrollTo(cell > 0 && list.getItems().size() * cell <= inner + 0.5 ? 0 : index);
    }

    public static void useFixedHeight(ListView<StoredMention> list, DeskContext ctx, int clampLines) {
        if (list.getScene() != null) {
            list.setFixedCellSize(height(list, ctx, clampLines));
        }
        list.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                list.setFixedCellSize(height(list, ctx, clampLines));
            }
        });
    }

    private static double height(ListView<StoredMention> list, DeskContext ctx, int clampLines) {
        StringBuilder key = new StringBuilder().append(clampLines).append('|')
                .append(Application.getUserAgentStylesheet()).append('|').append(list.getScene().getStylesheets());
        for (javafx.scene.Parent p = list; p != null; p = p.getParent()) {
            key.append('|').append(p.getStyleClass());
        }
        return HEIGHTS.computeIfAbsent(key.toString(), k -> measure(list, ctx, clampLines));
    }

    /**
     * One cell of {@code like}'s cell factory showing a card, in panes with the list's and its ancestors' style
     * classes and the same stylesheets: the card's height plus the cell's padding.
     */
    private static double measure(ListView<StoredMention> like, DeskContext ctx, int clampLines) {
        Mention m = new Mention("probe", "0", Instant.EPOCH, "probe", "Probe", "ko", "가", null, null, null);
        MentionCell cell = like.getCellFactory() != null && like.getCellFactory().call(like) instanceof MentionCell c
                ? c : new MentionCell(ctx, clampLines);
        cell.card.show(new StoredMention(0, m, Instant.EPOCH, null, null, null, null, null, null));
        cell.setGraphic(cell.card);
        // the cell alone, in panes with the list's and its ancestors' style classes: a list with its flow, scroll
        // bars and cells took twice as long, a sixth of a large desk's first frame
        javafx.scene.Parent root = cell;
        for (javafx.scene.Parent p = like; p != null; p = p.getParent()) {
            javafx.scene.layout.StackPane wrap = new javafx.scene.layout.StackPane(root);
            wrap.getStyleClass().setAll(p.getStyleClass());
            root = wrap;
        }
        Scene scene = new Scene(root, 400, 800);
        scene.getStylesheets().setAll(like.getScene().getStylesheets());
        root.applyCss();
        Insets in = cell.getInsets();
        return Math.ceil(cell.card.prefHeight(-1) + in.getTop() + in.getBottom());
    }
}
