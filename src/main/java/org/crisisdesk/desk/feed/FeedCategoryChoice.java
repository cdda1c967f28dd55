package org.crisisdesk.desk.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.MapChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.triage.Category;

/** The feed's category choice, kept in step with the view model's {@code chosen} both ways. FX thread only. */
final class FeedCategoryChoice {
    private FeedCategoryChoice() {}

    /** All / Unsorted / each active category in board order, kept current as categories are edited. */
    static ComboBox<FeedCategory> of(DeskContext ctx, ObjectProperty<FeedCategory> chosen) {
        ComboBox<FeedCategory> box = new ComboBox<>();
        box.setId("feed-category");
        box.setTooltip(new Tooltip(ctx.t("feed.category.tip")));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(FeedCategory c) {
                if (c == null || c.equals(FeedCategory.ALL)) {
                    return ctx.t("feed.category.all");
                }
                if (c.unsorted()) {
                    return ctx.t("feed.category.unsorted");
                }
                Category cat = ctx.categories().get(c.categoryId());
                return cat == null ? "#" + c.categoryId() : cat.name();
            }

            @Override
            public FeedCategory fromString(String s) {
                return null;
            }
        });
        Runnable refresh = () -> {
            List<FeedCategory> choices = new ArrayList<>(List.of(FeedCategory.ALL, FeedCategory.UNSORTED));
            ctx.categories().values().stream().filter(c -> !c.archived())
                    .sorted(Comparator.comparingInt(Category::position).thenComparingLong(Category::id))
                    .forEach(c -> choices.add(FeedCategory.of(c.id())));
            FeedCategory current = chosen.get();
            box.getItems().setAll(choices);
            // a category that was removed or archived leaves the choice: the feed then shows everything
            chosen.set(choices.contains(current) ? current : FeedCategory.ALL);
            box.setValue(chosen.get());
        };
        ctx.categories().addListener((MapChangeListener<Long, Category>) c -> refresh.run());
        refresh.run();
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                chosen.set(b);
            }
        });
        chosen.addListener((o, a, b) -> box.setValue(b));
        return box;
    }
}
