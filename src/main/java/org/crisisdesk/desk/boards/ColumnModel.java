package org.crisisdesk.desk.boards;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.crisisdesk.desk.kit.CardList;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.ColumnStats;

/**
 * One board column: a category (null for Unsorted), the newest of its mentions (newest first, by store key), its
 * total and header numbers. FX thread only.
 */
public final class ColumnModel {
    /** Cards held per column; older ones stay in the store. */
    public static final int WINDOW = 10_000;

    private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    private final CardList items = new CardList();
    private final LongProperty total = new SimpleLongProperty();
    private final ObjectProperty<ColumnStats> stats = new SimpleObjectProperty<>(ColumnStats.empty());
    private final IntegerProperty key = new SimpleIntegerProperty();
    /** How many cards the column's view shows at once (the view keeps it current). */
    private int shown = 8;
    /**
     * Arrivals held back during a burst, newest first (at most {@link #WINDOW}); see {@link #arrive}. {@code waiting}
     * counts all of them, so it exceeds the list's size once the oldest were dropped past the window.
     */
    private final List<StoredMention> held = new ArrayList<>();
    private final IntegerProperty waiting = new SimpleIntegerProperty();

    public ColumnModel(Category category) {
        this.category.set(category);
    }

    /** Null for the Unsorted column. */
    public Category category() {
        return category.get();
    }

    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public Long categoryId() {
        return category.get() == null ? null : category.get().id();
    }

    public boolean unsorted() {
        return category.get() == null;
    }

    public boolean customerCentre() {
        return category.get() != null && category.get().customerCentre();
    }

    /** A topic column: the ones that can be reordered, merged and archived. */
    public boolean topic() {
        return category.get() != null && !category.get().customerCentre();
    }

    /** Stable text key for ids and drag sources: "unsorted" or the category id. */
    public String key() {
        return unsorted() ? "unsorted" : String.valueOf(categoryId());
    }

    public ObservableList<StoredMention> items() {
        return items;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public ObjectProperty<ColumnStats> statsProperty() {
        return stats;
    }

    /** The digit that files into this column (1-9), or 0 when none does. */
    public IntegerProperty keyProperty() {
        return key;
    }

    public boolean holds(StoredMention m) {
        Long id = categoryId();
        return id == null ? m.categoryId() == null : id.equals(m.categoryId());
    }

    /** More of this column is in the store than in {@link #items()} and held back. */
    public boolean hasMore() {
        return total.get() > items.size() + held.size();
    }

    /** Issue 22: who is writing a notice on this category at another desk ("민지"), or empty. */
    public javafx.beans.property.StringProperty writingProperty() {
        return writing;
    }

    private final javafx.beans.property.StringProperty writing = new javafx.beans.property.SimpleStringProperty("");

    /** New mentions held back while the column is in a burst (the "N new" on the column). */
    public IntegerProperty waitingProperty() {
        return waiting;
    }

    /** The view tells how many cards it shows; a refresh that would replace them all is a burst. */
    void setShown(int cards) {
        shown = Math.max(1, cards);
    }

    /** The newest mention the column has, shown or held back (pks only grow). */
    long newestKnown() {
        if (!held.isEmpty()) {
            return held.get(0).pk();
        }
        return items.isEmpty() ? Long.MIN_VALUE : items.get(0).pk();
    }

    /**
     * Live arrivals (newest first, all newer than {@link #newestKnown}). They go on top as they come, except in a
     * burst: a refresh that would replace every card in view holds them back instead, and the column keeps its cards
     * still under the person's eyes and pointer (they can read, drag and file them) with "N new" on top. The first
     * quieter refresh puts everything on at once; so does {@link #showHeld}. Cards replaced every second cannot be
     * read or dragged, and each replacement cost the FX thread and the painter a frame and a half (issue #8).
     */
    void arrive(List<StoredMention> newestFirst) {
        boolean burst = newestFirst.size() >= shown;
        if (held.isEmpty() && !burst) {
            items.prepend(newestFirst, WINDOW);
            return;
        }
        held.addAll(0, newestFirst);
        waiting.set(waiting.get() + newestFirst.size());
        if (held.size() > WINDOW) {
            held.subList(WINDOW, held.size()).clear(); // waiting still counts them (see showHeld)
        }
        if (!burst) {
            showHeld();
        }
    }

    /** Puts the held-back arrivals on top in one list change. */
    void showHeld() {
        if (held.isEmpty()) {
            return;
        }
        boolean overflowed = waiting.get() > held.size();
        List<StoredMention> cards = new ArrayList<>(held);
        held.clear();
        waiting.set(0);
        // more arrived than the window holds: the shown cards no longer join on, so start again from the newest
        if (overflowed || items.isEmpty()) {
            items.setAll(cards); // older ones come back page by page from the store when scrolled to
        } else if (cards.get(cards.size() - 1).pk() > items.get(0).pk()) {
            items.prepend(cards, WINDOW);
        } else {
            insert(cards); // a card moved in meanwhile sits among them
        }
    }

    /** The newest page from the store replaces what the column had, held-back arrivals included. */
    void reset(List<StoredMention> newestFirst) {
        held.clear();
        waiting.set(0);
        items.setAll(newestFirst);
    }

    /** Removes the cards of these mentions in one list change; returns how many were shown. */
    int remove(Set<Long> pks) {
        Set<StoredMention> found = Collections.newSetFromMap(new IdentityHashMap<>());
        for (StoredMention m : items) {
            if (pks.contains(m.pk())) {
                found.add(m);
            }
        }
        if (!found.isEmpty()) {
            items.removeAll(found); // one list change (removeIf would fire one per card)
        }
        int before = held.size();
        if (held.removeIf(m -> pks.contains(m.pk()))) {
            waiting.set(Math.max(0, waiting.get() - (before - held.size())));
        }
        return found.size();
    }

    /**
     * Puts moved-in mentions where they belong by store key (newest first). A mention older than everything
     * loaded while more is in the store stays out: it will come with the next page.
     */
    void insert(Collection<StoredMention> moved) {
        List<StoredMention> sorted = new ArrayList<>(moved);
        sorted.sort((a, b) -> Long.compare(b.pk(), a.pk()));
        boolean more = hasMore();
        long oldestShown = items.isEmpty() ? Long.MIN_VALUE : items.get(items.size() - 1).pk();
        if (sorted.size() > 64) {
            // a big gesture: merge once and replace the list in one change
            List<StoredMention> merged = new ArrayList<>(items.size() + sorted.size());
            int i = 0;
            int j = 0;
            while (i < items.size() || j < sorted.size()) {
                if (j >= sorted.size() || (i < items.size() && items.get(i).pk() > sorted.get(j).pk())) {
                    merged.add(items.get(i++));
                } else {
                    StoredMention m = sorted.get(j++);
                    if (!(more && m.pk() < oldestShown)) {
                        merged.add(m);
                    }
                }
            }
            items.setAll(merged.size() > WINDOW ? merged.subList(0, WINDOW) : merged);
            return;
        }
        items.batch(() -> {
            for (StoredMention m : sorted) {
                if (more && m.pk() < oldestShown) {
                    continue;
                }
                items.add(indexFor(m.pk()), m);
            }
            if (items.size() > WINDOW) {
                items.remove(WINDOW, items.size());
            }
        });
    }

    /** Where a mention with this key goes in the newest-first list (binary search). */
    private int indexFor(long pk) {
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (items.get(mid).pk() > pk) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Replaces shown copies of changed mentions that stay in this column (e.g. handed over). */
    void replace(List<StoredMention> changed) {
        java.util.Map<Long, StoredMention> byPk = new java.util.HashMap<>();
        changed.forEach(m -> byPk.put(m.pk(), m));
        items.batch(() -> {
            for (int i = 0; i < items.size(); i++) {
                StoredMention now = byPk.get(items.get(i).pk());
                if (now != null) {
                    items.set(i, now);
                }
            }
        });
        held.replaceAll(m -> byPk.getOrDefault(m.pk(), m));
    }
}
