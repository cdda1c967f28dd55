package org.crisisdesk.desk;

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
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.shape.StrokeType;

/**
 * The category chip's backgrounds and borders, made in code rather than with an inline style. A style change (a new
 * {@code setStyle}, a style class or pseudo-class) made while a list lays out its cells marks the scene's root for
 * the next CSS pass; that pass finds nothing left to do, and JavaFX 21 then renders a frame without a dirty region,
 * which Prism paints whole: a full-window repaint (55-100 ms with software rendering) after every column update in
 * a burst (issue #8). Setting the paint directly changes only the chip. Colours of the theme come from the card
 * (its outline and fill), so light and dark stay right. Values are shared: a chip's look is one of a few.
 */
final class ChipPaint {
    private static final CornerRadii OUTER = new CornerRadii(9);
    private static final CornerRadii INNER = new CornerRadii(8);
    private static final Insets RING = new Insets(1);
    private static final Map<List<Paint>, Background> BACKGROUNDS = new ConcurrentHashMap<>();
    private static final Map<Paint, Border> DASHED = new ConcurrentHashMap<>();

    private ChipPaint() {}

    /** Outline, card colour and the category's tint: three backgrounds (software rendering caches them, see CSS). */
    static Background filed(Color category, Paint card) {
        return BACKGROUNDS.computeIfAbsent(List.of(category, card), k -> new Background(
                new BackgroundFill(category, OUTER, Insets.EMPTY),
                new BackgroundFill(card, INNER, RING),
                new BackgroundFill(Color.color(category.getRed(), category.getGreen(), category.getBlue(), 0x33 / 255.0),
                        INNER, RING)));
    }

    /** The theme's outline and the card colour (unsorted, or a suggestion). */
    static Background plain(Paint outline, Paint card) {
        return BACKGROUNDS.computeIfAbsent(List.of(outline, card), k -> new Background(
                new BackgroundFill(outline, OUTER, Insets.EMPTY), new BackgroundFill(card, INNER, RING)));
    }

    /** A suggestion's dashed outline in the suggested category's colour. */
    static Border dashed(Color category) {
        return DASHED.computeIfAbsent(category, c -> new Border(new BorderStroke(c,
                new BorderStrokeStyle(StrokeType.INSIDE, StrokeLineJoin.MITER, StrokeLineCap.BUTT, 10, 0,
                        List.of(3.0, 3.0)), OUTER, BorderWidths.DEFAULT)));
    }
}
