package org.crisisdesk.desk.kit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.geometry.Insets;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The category chip's background and outline, made in code rather than with an inline style. A style change (a new
 * {@code setStyle}, a style class or pseudo-class) made while a list lays out its cells marks the scene's root for
 * the next CSS pass; that pass finds nothing left to do, and JavaFX 21 then renders a frame without a dirty region,
 * which Prism paints whole: a full-window repaint (55-100 ms with software rendering) after every column update in
 * a burst (issue #8). Setting the paint directly changes only the chip. Colours of the theme come from the card
 * (its outline and fill), so light and dark stay right. Values are shared: a chip's look is one of a few.
 *
 * <p>One fill and a solid outline, not layered fills or dashes. Software rendering draws a region with two or more
 * fills from an image cache, copying the cache's whole backing image for each of nine slices, and strokes dashes
 * segment by segment: together most of a column's paint in a burst. One fill is filled directly and a solid outline
 * is one stroke.
 */
final class ChipPaint {
    private static final CornerRadii ROUND = new CornerRadii(9);
    /** How much of the category's colour tints a filed chip. */
    private static final double TINT = 0x33 / 255.0;
    private static final Map<Paint, Background> FILLS = new ConcurrentHashMap<>();
    private static final Map<Paint, Border> OUTLINES = new ConcurrentHashMap<>();

    private ChipPaint() {}

    /** The chip's fill: the card colour, with the category's tint for a filed chip (null: untinted). */
    static Background fill(Paint card, Color tint) {
        Paint paint = tint != null && card instanceof Color c ? c.interpolate(tint, TINT) : card;
        return FILLS.computeIfAbsent(paint, p -> new Background(new BackgroundFill(p, ROUND, Insets.EMPTY)));
    }

    /** The chip's outline: the category's colour (filed or suggested) or the theme's outline (unsorted). */
    static Border outline(Paint colour) {
        return OUTLINES.computeIfAbsent(colour, c -> new Border(
                new BorderStroke(c, BorderStrokeStyle.SOLID, ROUND, BorderWidths.DEFAULT)));
    }

    /** The paint of {@code b}'s top fill (the card's colour), or {@code otherwise}. */
    static Paint fillOf(Background b, Paint otherwise) {
        List<BackgroundFill> fills = b == null ? List.of() : b.getFills();
        return fills.isEmpty() ? otherwise : fills.get(fills.size() - 1).getFill();
    }

    /** The top stroke's paint of {@code b}, or {@code otherwise}. */
    static Paint strokeOf(Border b, Paint otherwise) {
        return b == null || b.getStrokes().isEmpty() ? otherwise : b.getStrokes().get(0).getTopStroke();
    }
}
