package org.crisisdesk.desk.boards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.crisisdesk.desk.Background;
import org.crisisdesk.desk.DeskContext;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.CategoryStore;

/**
 * The boards: Unsorted first, then the topic categories in board order, then the customer centre. Loads from the
 * store in the background and takes live mentions from the ingest bridge. FX thread only.
 */
public final class BoardsViewModel {
    static final int INITIAL_PAGE = 500;

    private final MentionStore mentions;
    private final CategoryStore categories;
    private final Background background;
    private final DeskContext ctx;
    private final ObservableList<ColumnModel> columns = FXCollections.observableArrayList();

    public BoardsViewModel(MentionStore mentions, CategoryStore categories, Background background, DeskContext ctx) {
        this.mentions = mentions;
        this.categories = categories;
        this.background = background;
        this.ctx = ctx;
    }

    public ObservableList<ColumnModel> columns() {
        return columns;
    }

    /** Reads categories, counts and the newest cards of each column. */
    public void reload() {
        background.run(() -> {
            List<Category> active = categories.active();
            Map<Long, Long> counts = mentions.countsByCategory();
            List<Loaded> loaded = new ArrayList<>();
            loaded.add(new Loaded(null, counts.getOrDefault(null, 0L),
                    mentions.page(MentionFilter.category(null), INITIAL_PAGE)));
            List<Category> ordered = new ArrayList<>(active.stream().filter(c -> !c.customerCentre()).toList());
            ordered.addAll(active.stream().filter(Category::customerCentre).toList());
            for (Category c : ordered) {
                loaded.add(new Loaded(c, counts.getOrDefault(c.id(), 0L),
                        mentions.page(MentionFilter.category(c.id()), INITIAL_PAGE)));
            }
            return new Snapshot(categories.all(), loaded);
        }).onSuccess(this::show);
    }

    private record Loaded(Category category, long total, List<StoredMention> newest) {}

    private record Snapshot(List<Category> all, List<Loaded> columns) {}

    private void show(Snapshot s) {
        ctx.categories().clear();
        s.all().forEach(c -> ctx.categories().put(c.id(), c));
        List<ColumnModel> cols = new ArrayList<>();
        for (Loaded l : s.columns()) {
            ColumnModel col = new ColumnModel(l.category());
            col.items().setAll(l.newest());
            col.totalProperty().set(l.total());
            cols.add(col);
        }
        columns.setAll(cols);
    }

    /** New mentions (oldest first) go on top of their columns. */
    public void arrived(List<StoredMention> batch) {
        for (ColumnModel col : columns) {
            List<StoredMention> mine = new ArrayList<>();
            for (int i = batch.size() - 1; i >= 0; i--) {
                if (col.holds(batch.get(i))) {
                    mine.add(batch.get(i));
                }
            }
            if (!mine.isEmpty()) {
                col.items().addAll(0, mine);
                if (col.items().size() > ColumnModel.WINDOW) {
                    col.items().remove(ColumnModel.WINDOW, col.items().size());
                }
                col.totalProperty().set(col.totalProperty().get() + mine.size());
            }
        }
    }

    public ColumnModel column(Long categoryId) {
        for (ColumnModel c : columns) {
            if (categoryId == null ? c.unsorted() : categoryId.equals(c.categoryId())) {
                return c;
            }
        }
        return null;
    }
}
