package org.crisisdesk.desk.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.CardList;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;

/**
 * The live feed: newest on top, never yanked. While the user holds the view (scrolled down, something selected, or
 * paused), new mentions wait in a "N new" pile; {@link #showNew()} puts them on top. FX thread only.
 */
public final class FeedViewModel {
    /** Mentions kept in the list; older ones are a scroll-and-load away in the store. */
    public static final int WINDOW = 5_000;
    static final int PAGE = 200;

    private final MentionStore store;
    private final Background background;
    private final CardList items = new CardList();
    private final Deque<StoredMention> waiting = new ArrayDeque<>();
    private final IntegerProperty newCount = new SimpleIntegerProperty();
    private final BooleanProperty holding = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<FeedCategory> category = new SimpleObjectProperty<>(FeedCategory.ALL);
    private final BooleanProperty loading = new SimpleBooleanProperty();
    /** True while the list shows a search or one category rather than every mention (its empty state differs). */
    private final BooleanProperty filtered = new SimpleBooleanProperty();
    private MentionFilter filter = MentionFilter.ALL;

    public FeedViewModel(MentionStore store, Background background) {
        this.store = store;
        this.background = background;
        holding.addListener((o, was, now) -> {
            if (!now && !paused.get()) {
                showNew();
            }
        });
        category.addListener((o, was, now) -> reload());
        paused.addListener((o, was, now) -> {
            if (!now && !holding.get()) {
                showNew();
            }
        });
    }

    public ObservableList<StoredMention> items() {
        return items;
    }

    /** Mentions that arrived while the view was held. */
    public IntegerProperty newCountProperty() {
        return newCount;
    }

    /** Set by the view while the user is scrolled away from the top or has a selection. */
    public BooleanProperty holdingProperty() {
        return holding;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** All, Unsorted or one category; a change reloads the feed. Never null. */
    public ObjectProperty<FeedCategory> categoryProperty() {
        return category;
    }

    public ReadOnlyBooleanProperty filteredProperty() {
        return filtered;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /**
     * The newest page of the unfiltered feed, as the desk opens with it. Blocking (JDBC): the desk reads it off the
     * FX thread together with opening the database, so the window's first frame already has rows.
     */
    public static List<StoredMention> readFirstPage(MentionStore store) {
        return store.page(MentionFilter.ALL, PAGE);
    }

    /**
     * Shows a page read by {@link #readFirstPage} when the feed is still unfiltered and empty.
     *
     * @return false when it was not used (the caller then calls {@link #reload})
     */
    public boolean showFirstPage(List<StoredMention> page) {
        if (!items.isEmpty() || loading.get() || !currentFilter().equals(MentionFilter.ALL)) {
            return false;
        }
        filter = MentionFilter.ALL;
        items.setAll(page);
        return true;
    }

    /** Loads the newest page for the current filter from the store (in the background). */
    public void reload() {
        filter = currentFilter();
        MentionFilter f = filter;
        filtered.set(!f.equals(MentionFilter.ALL));
        loading.set(true);
        background.run(() -> store.page(f, PAGE)).onSuccess(page -> {
            loading.set(false);
            if (f.equals(filter)) {
                waiting.clear();
                newCount.set(0);
                items.setAll(page);
            }
        }).onFailure(e -> loading.set(false));
    }

    /** Appends the next older page below the list (when the user scrolls to the bottom). */
    public void loadOlder() {
        if (items.isEmpty() || loading.get() || items.size() >= WINDOW * 4) {
            return;
        }
        MentionFilter f = filter.before(items.get(items.size() - 1).pk());
        loading.set(true);
        background.run(() -> store.page(f, PAGE)).onSuccess(page -> {
            loading.set(false);
            items.addAll(page);
        }).onFailure(e -> loading.set(false));
    }

    MentionFilter currentFilter() {
        FeedCategory c = category.get() == null ? FeedCategory.ALL : category.get();
        return FeedQuery.apply(c.apply(MentionFilter.ALL), searchText.get());
    }

    /** New mentions from the pipeline (already coalesced, oldest first). */
    public void arrived(List<StoredMention> batch) {
        Predicate<StoredMention> matches = matcher(filter);
        // A mention stored while the page was loading is already on it (pks only grow): never show it twice.
        long shown = Math.max(items.isEmpty() ? Long.MIN_VALUE : items.get(0).pk(),
                waiting.isEmpty() ? Long.MIN_VALUE : waiting.peekFirst().pk());
        for (StoredMention m : batch) {
            if (matches.test(m) && m.pk() > shown) {
                waiting.addFirst(m);
            }
        }
        if (!holding.get() && !paused.get()) {
            showNew();
        } else {
            newCount.set(waiting.size());
        }
    }

    /** Puts the waiting mentions on top (the "N new" pill, or Home). */
    public void showNew() {
        if (!waiting.isEmpty()) {
            items.prepend(new ArrayList<>(waiting), WINDOW); // one list change
            waiting.clear();
        }
        newCount.set(0);
    }

    /**
     * Mentions changed (moved to another category): replace them where they are shown, in one pass; those that no
     * longer match the feed's filter (e.g. filed while showing Unsorted only) leave it, and those that now match
     * (filed into the category shown, or undone back to Unsorted) join it in their place by arrival.
     */
    public void updated(List<StoredMention> changed) {
        if (changed.isEmpty()) {
            return;
        }
        java.util.Map<Long, StoredMention> byPk = new java.util.HashMap<>();
        changed.forEach(m -> byPk.put(m.pk(), m));
        Predicate<StoredMention> matches = matcher(filter);
        List<StoredMention> gone = new ArrayList<>();
        items.batch(() -> { // one list change, however many cards changed
            for (int i = 0; i < items.size(); i++) {
                StoredMention now = byPk.get(items.get(i).pk());
                if (now != null) {
                    if (matches.test(now)) {
                        items.set(i, now);
                    } else {
                        gone.add(items.get(i));
                    }
                }
            }
            if (!gone.isEmpty()) {
                items.removeAll(gone);
            }
            insertJoined(changed, matches);
        });
        if (!waiting.isEmpty()) {
            List<StoredMention> held = new ArrayList<>(waiting);
            waiting.clear();
            for (StoredMention m : held) {
                StoredMention now = byPk.getOrDefault(m.pk(), m);
                if (matches.test(now)) {
                    waiting.add(now);
                }
            }
            if (newCount.get() > 0) {
                newCount.set(waiting.size());
            }
        }
    }

    /** Puts changed mentions that now match, and are not shown or waiting, where their pk belongs (newest first). */
    private void insertJoined(List<StoredMention> changed, Predicate<StoredMention> matches) {
        java.util.Set<Long> shown = new java.util.HashSet<>();
        items.forEach(m -> shown.add(m.pk()));
        waiting.forEach(m -> shown.add(m.pk()));
        // below the last card only when every match is loaded; otherwise scrolling down loads it in its turn
        boolean complete = items.size() < PAGE;
        for (StoredMention m : changed) {
            if (shown.contains(m.pk()) || !matches.test(m)) {
                continue;
            }
            int lo = 0; // first card older than m (the list is by pk, newest first): a bulk move stays cheap
            int hi = items.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (items.get(mid).pk() > m.pk()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int at = lo;
            if (at < items.size() || complete) {
                items.addAll(at, List.of(m));
            }
        }
    }

    static Predicate<StoredMention> matcher(MentionFilter f) {
        return m -> {
            if (f.unsortedOnly() && !m.unsorted()) {
                return false;
            }
            if (f.categoryId() != null && !f.categoryId().equals(m.categoryId())) {
                return false;
            }
            if (f.text() != null && !m.text().toLowerCase(Locale.ROOT).contains(f.text().toLowerCase(Locale.ROOT))) {
                return false;
            }
            if (f.author() != null) {
                String a = f.author().toLowerCase(Locale.ROOT);
                String name = m.mention().authorName() == null ? "" : m.mention().authorName().toLowerCase(Locale.ROOT);
                if (!m.mention().author().toLowerCase(Locale.ROOT).contains(a) && !name.contains(a)) {
                    return false;
                }
            }
            return f.lang() == null || f.lang().equals(m.mention().lang());
        };
    }
}
