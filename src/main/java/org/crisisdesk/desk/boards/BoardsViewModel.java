package org.crisisdesk.desk.boards;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.BoardStats;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.CategoryStore;
import org.crisisdesk.triage.HistoryEntry;
import org.crisisdesk.triage.MoveResult;
import org.crisisdesk.triage.Rules;
import org.crisisdesk.triage.TriageException;
import org.crisisdesk.triage.TriageService;
import org.crisisdesk.triage.UndoState;

/**
 * The boards: Unsorted first, then the topic categories in board order, then the customer centre. Loads from the
 * store in the background, takes live mentions from the ingest bridge, and runs the person's gestures (moves,
 * accepts, undo/redo, category edits) one after another off the FX thread. A gesture changes the columns only once
 * its transaction is committed and on disk. FX thread only.
 */
public final class BoardsViewModel {
    static final int INITIAL_PAGE = 500;
    static final int PAGE = 500;
    /** How often the header numbers (counts since notice, sparklines) are read again. */
    static final Duration STATS_EVERY = Duration.seconds(3);
    /** Board columns take live arrivals at most this often (a person cannot follow more; see {@link #arrived}). */
    static final Duration ARRIVALS_EVERY = Duration.seconds(1);

    private final MentionStore mentions;
    private final CategoryStore categories;
    private final TriageService triage;
    private final Background background;
    private final Background gestures;
    private final SerialExecutor gestureQueue;
    private final DeskContext ctx;
    private final Supplier<String> actorSource;
    private volatile String actor;
    private final ObservableList<ColumnModel> columns = FXCollections.observableArrayList();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsError = new SimpleBooleanProperty();
    private final List<Consumer<List<StoredMention>>> changeListeners = new ArrayList<>();
    private Consumer<List<StoredMention>> viewListener = m -> {};
    private final List<Runnable> reloadListeners = new ArrayList<>();
    private final Set<ColumnModel> loadingOlder = new HashSet<>();
    private final Timeline statsTimer;
    /** Bumped by every local change, so header totals read before it are not shown after it. */
    private long generation;
    private boolean statsLoading;
    private boolean statsAgain;
    /** Arrivals not on the columns yet (see {@link #arrived}), and the pause after each time they were put on. */
    private final List<StoredMention> pendingArrivals = new ArrayList<>();
    private final PauseTransition arrivalsRest = new PauseTransition(ARRIVALS_EVERY);
    private boolean arrivalsResting;
    /** Columns of the last flush still to take their cards, one per pulse (see {@link #applyArrivals}). */
    private final java.util.ArrayDeque<Runnable> staggered = new java.util.ArrayDeque<>();
    private final AnimationTimer staggerTimer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable next = staggered.poll();
            if (next != null) {
                next.run();
            }
            if (staggered.isEmpty()) {
                stop();
            }
        }
    };

    /**
     * @param pool        blocking work runs here; gestures run on it one at a time, in order
     * @param actorSource who the history names for this desk; called once, off the FX thread
     */
    public BoardsViewModel(MentionStore mentions, CategoryStore categories, TriageService triage, Executor pool,
            DeskContext ctx, Supplier<String> actorSource) {
        this.mentions = mentions;
        this.categories = categories;
        this.triage = triage;
        this.background = new Background(pool);
        this.gestureQueue = new SerialExecutor(pool);
        this.gestures = new Background(gestureQueue);
        this.ctx = ctx;
        this.actorSource = actorSource;
        // a message said in the old language is not said again: it goes (issue #26)
        ctx.languageProperty().addListener((o, a, b) -> message.set(""));
        arrivalsRest.setOnFinished(e -> {
            arrivalsResting = false;
            if (!pendingArrivals.isEmpty()) {
                applyArrivals(); // staggered again: draining here put every column's cards into one frame
            }
        });
        statsTimer = new Timeline(new KeyFrame(STATS_EVERY, e -> refreshStats()));
        statsTimer.setCycleCount(Animation.INDEFINITE);
    }

    private Consumer<List<Long>> intoCustomerCentre = pks -> {};

    /** Called (FX thread) with the mentions a move just filed into the customer-centre column. */
    public void setOnIntoCustomerCentre(Consumer<List<Long>> action) {
        this.intoCustomerCentre = action == null ? pks -> {} : action;
    }

    /** A line in the boards' message bar from another feature (e.g. tickets sent). */
    public void tell(String text, boolean error) {
        messageIsError.set(error);
        message.set(text);
    }

    public ObservableList<ColumnModel> columns() {
        return columns;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    public BooleanProperty canRedoProperty() {
        return canRedo;
    }

    /** What the last gesture did, or why it could not ("" when nothing to say). */
    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    /** Told (FX thread) about every mention a gesture changed, as now stored: the feed keeps its cards current. */
    public void addChangeListener(Consumer<List<StoredMention>> listener) {
        changeListeners.add(listener);
    }

    /** Told when so many mentions changed at once (a merge) that views should load again rather than patch. */
    public void addReloadListener(Runnable listener) {
        reloadListeners.add(listener);
    }

    /** One slot for the window being shown (replaced when the window is rebuilt, e.g. on a language switch). */
    public void setViewListener(Consumer<List<StoredMention>> listener) {
        this.viewListener = listener == null ? m -> {} : listener;
    }

    /** The desk's name changed in the settings: the next gesture asks {@code actorSource} again. */
    public void deskNameChanged() {
        actor = null;
    }

    /** Who this desk is in the history; resolved once (again after a name change), off the FX thread. */
    String actor() {
        String a = actor;
        if (a == null) {
            a = actorSource.get();
            actor = a;
        }
        return a;
    }

    // ---- loading ------------------------------------------------------------------------------------------------

    /** Reads categories, counts and the newest cards of each column, then keeps the header numbers fresh. */
    public void reload() {
        background.run(() -> {
            List<Category> all = categories.all();
            // Counts before pages: a mention stored in between is on a page but not yet counted, and the header
            // refresh catches up; the other order would count it twice once it also arrives live.
            BoardStats stats = triage.stats();
            List<Loaded> loaded = new ArrayList<>();
            for (Category c : boardOrder(all)) {
                Long id = c == null ? null : c.id();
                loaded.add(new Loaded(c, mentions.page(MentionFilter.category(id), INITIAL_PAGE)));
            }
            return new Snapshot(all, loaded, stats, triage.undoState(actor()));
        }).onSuccess(this::show).onFailure(this::fail);
        statsTimer.play();
    }

    /**
     * Stops the header refresh and waits (up to 5 s) for gestures still queued, so a drop or key made just before
     * the window closed is committed before the database closes.
     */
    public void stop() {
        statsTimer.stop();
        arrivalsRest.stop();
        staggerTimer.stop();
        try {
            gestureQueue.awaitIdle(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Loaded(Category category, List<StoredMention> newest) {}

    private record Snapshot(List<Category> all, List<Loaded> columns, BoardStats stats, UndoState undo) {}

    /** Unsorted (null), the active topics in board order, then the customer centre. */
    static List<Category> boardOrder(List<Category> all) {
        List<Category> out = new ArrayList<>();
        out.add(null);
        all.stream().filter(c -> !c.archived() && !c.customerCentre()).forEach(out::add);
        all.stream().filter(c -> !c.archived() && c.customerCentre()).forEach(out::add);
        return out;
    }

    private void show(Snapshot s) {
        generation++;
        putCategories(s.all());
        List<ColumnModel> cols = new ArrayList<>();
        for (Loaded l : s.columns()) {
            ColumnModel col = new ColumnModel(l.category());
            col.items().setAll(l.newest());
            col.totalProperty().set(s.stats().of(col.categoryId()).total());
            col.statsProperty().set(s.stats().of(col.categoryId()));
            cols.add(col);
        }
        columns.setAll(cols);
        applyWriting();
        assignKeys();
        showUndo(s.undo());
        flushArrivals(); // those newer than the pages just shown
    }

    /** Issue 22: who writes a notice on which category at other desks (by category id), as last heard. */
    private Map<Long, String> writing = Map.of();

    /** Shows "민지 is writing a notice" on the columns of {@code byCategory} and clears it on the others. */
    public void showWriting(Map<Long, String> byCategory) {
        writing = Map.copyOf(byCategory);
        applyWriting();
    }

    private void applyWriting() {
        for (ColumnModel col : columns) {
            Long id = col.categoryId();
            col.writingProperty().set(id == null ? "" : writing.getOrDefault(id, ""));
        }
    }

    private void putCategories(List<Category> all) {
        Map<Long, Category> byId = new HashMap<>();
        all.forEach(c -> byId.put(c.id(), c));
        ctx.categories().keySet().retainAll(byId.keySet());
        ctx.categories().putAll(byId);
    }

    /** Digits 1-9 file into the columns after Unsorted, in board order. */
    private void assignKeys() {
        int n = 0;
        for (ColumnModel col : columns) {
            col.keyProperty().set(col.unsorted() || n >= 9 ? 0 : ++n);
        }
    }

    /** The categories digits 1-9 file into, in key order. */
    public List<Category> keyed() {
        List<Category> out = new ArrayList<>();
        for (ColumnModel col : columns) {
            if (col.keyProperty().get() > 0) {
                out.add(col.category());
            }
        }
        return out;
    }

    /** Where a mention can be moved: Unsorted (null) and every column's category, in board order. */
    public List<Category> targets() {
        List<Category> out = new ArrayList<>();
        columns.forEach(c -> out.add(c.category()));
        return out;
    }

    /**
     * New mentions (oldest first) go on top of their columns, at most every {@link #ARRIVALS_EVERY}: the first batch
     * after a quiet moment at once, a burst's next ones together once the interval is over. A flush re-shows every
     * visible card of a column, and ten a second per column was most of the FX thread's work in a burst (issue #8).
     */
    public void arrived(List<StoredMention> batch) {
        generation++;
        for (ColumnModel col : columns) { // header totals count them at once, cards or not
            long known = col.newestKnown();
            long mine = batch.stream().filter(m -> col.holds(m) && m.pk() > known).count();
            if (mine > 0) {
                col.totalProperty().set(col.totalProperty().get() + mine);
            }
        }
        pendingArrivals.addAll(batch);
        if (!arrivalsResting) {
            applyArrivals();
        }
    }

    /** Puts held-back arrivals on the columns now (before a local change reads or edits the columns). */
    void flushArrivals() {
        if (!pendingArrivals.isEmpty()) {
            applyArrivals();
        }
        drainStaggered();
    }

    /**
     * Puts the waiting arrivals on their columns: the first column at once, the others one per pulse after it. A
     * column's new cards re-show all of its visible cards, which software rendering paints in tens of milliseconds;
     * eight columns in one frame held the next pulse back by a few hundred.
     */
    private void applyArrivals() {
        drainStaggered(); // a column's earlier cards go on before its next ones
        List<StoredMention> batch = new ArrayList<>(pendingArrivals);
        pendingArrivals.clear();
        for (ColumnModel col : columns) {
            List<StoredMention> mine = new ArrayList<>();
            for (int i = batch.size() - 1; i >= 0; i--) {
                if (col.holds(batch.get(i))) {
                    mine.add(batch.get(i));
                }
            }
            if (!mine.isEmpty()) {
                staggered.add(() -> prependNewer(col, mine)); // one list change per column and flush
            }
        }
        Runnable first = staggered.poll();
        if (first != null) {
            first.run();
        }
        if (!staggered.isEmpty()) {
            staggerTimer.start();
        }
        arrivalsResting = true;
        arrivalsRest.playFromStart();
    }

    /**
     * {@code mine} (newest first) minus what the column shows by the time it runs: a mention stored while the column
     * was loading (or reloading, while this waited its frame) is already on its page; pks only grow.
     */
    private static void prependNewer(ColumnModel col, List<StoredMention> mine) {
        long known = col.newestKnown();
        List<StoredMention> newer = mine.stream().filter(m -> m.pk() > known).toList();
        if (!newer.isEmpty()) {
            col.arrive(newer);
        }
    }

    /** Shows a column's arrivals held back during a burst (its "N new" was clicked). */
    public void showNew(ColumnModel col) {
        flushArrivals();
        col.showHeld();
    }

    private void drainStaggered() {
        staggerTimer.stop();
        while (!staggered.isEmpty()) {
            staggered.poll().run();
        }
    }

    /** Appends the next older page of a column (the person scrolled to its end). */
    public void loadOlder(ColumnModel col) {
        if (col.items().isEmpty() || !col.hasMore() || col.items().size() >= ColumnModel.WINDOW
                || !loadingOlder.add(col)) {
            return;
        }
        MentionFilter f = MentionFilter.category(col.categoryId()).before(col.items().get(col.items().size() - 1).pk());
        background.run(() -> mentions.page(f, PAGE)).onSuccess(page -> {
            loadingOlder.remove(col);
            long last = col.items().isEmpty() ? Long.MAX_VALUE : col.items().get(col.items().size() - 1).pk();
            List<StoredMention> older = page.stream().filter(m -> m.pk() < last && col.holds(m)).toList();
            int room = ColumnModel.WINDOW - col.items().size();
            col.items().addAll(older.size() > room ? older.subList(0, room) : older);
        }).onFailure(e -> loadingOlder.remove(col));
    }

    private void reloadColumn(ColumnModel col) {
        Long id = col.categoryId();
        background.run(() -> mentions.page(MentionFilter.category(id), INITIAL_PAGE))
                .onSuccess(col::reset);
    }

    /** Reads the header numbers again; totals only when nothing changed locally meanwhile. */
    public void refreshStats() {
        if (statsLoading) {
            statsAgain = true;
            return;
        }
        statsLoading = true;
        long asked = generation;
        background.run(triage::stats).onSuccess(s -> {
            statsLoading = false;
            for (ColumnModel col : columns) {
                col.statsProperty().set(s.of(col.categoryId()));
                if (asked == generation) {
                    col.totalProperty().set(s.of(col.categoryId()).total());
                }
            }
            if (statsAgain) {
                statsAgain = false;
                refreshStats();
            }
        }).onFailure(e -> statsLoading = false);
    }

    public ColumnModel column(Long categoryId) {
        for (ColumnModel c : columns) {
            if (Objects.equals(categoryId, c.categoryId())) {
                return c;
            }
        }
        return null;
    }

    // ---- gestures -----------------------------------------------------------------------------------------------

    /** Where else the desk shows cards (the feed), for {@link #seen}; FX thread. */
    private java.util.function.Function<Long, StoredMention> shownElsewhere = pk -> null;

    /** Tells the boards how to find a card the feed shows (a drag from the feed names only its key). */
    public void setShownElsewhere(java.util.function.Function<Long, StoredMention> lookup) {
        this.shownElsewhere = lookup == null ? pk -> null : lookup;
    }

    /**
     * The category each mention is shown in at this desk now (issue 22): a move is made only if it is still there,
     * so a card another desk moved a moment ago is not silently moved again. A mention shown nowhere is unchecked.
     */
    Map<Long, Long> seen(List<Long> pks) {
        Set<Long> wanted = new HashSet<>(pks);
        Map<Long, Long> seen = new HashMap<>();
        for (ColumnModel col : columns) {
            for (StoredMention m : col.items()) {
                if (wanted.contains(m.pk())) {
                    seen.put(m.pk(), m.categoryId());
                }
            }
        }
        for (Long pk : pks) {
            StoredMention m = seen.containsKey(pk) ? null : shownElsewhere.apply(pk);
            if (m != null) {
                seen.put(pk, m.categoryId());
            }
        }
        return seen;
    }

    /** Files the mentions into {@code target} (null: Unsorted) as one gesture; {@code then} runs once shown. */
    public void move(List<Long> pks, Long target, Consumer<MoveResult> then) {
        if (pks.isEmpty()) {
            return;
        }
        List<Long> copy = List.copyOf(pks);
        Map<Long, Long> seen = seen(copy);
        gestures.run(() -> triage.move(copy, seen, target, actor())).onSuccess(r -> {
            applied(r);
            if (r.isEmpty() && !r.conflicts().isEmpty()) {
                warn(conflicts(r, "board.conflict"));
            } else if (!r.conflicts().isEmpty()) {
                warn(ctx.t("board.moved", r.moved().size(), name(target)) + skipped(r) + " "
                        + conflicts(r, "board.conflict"));
            } else {
                say(r.isEmpty() ? ctx.t("board.moved.nothing")
                        : ctx.t("board.moved", r.moved().size(), name(target)) + skipped(r));
            }
            then.accept(r);
            ColumnModel into = target == null ? null : column(target);
            if (into != null && into.customerCentre() && !r.isEmpty()) {
                intoCustomerCentre.accept(r.moved().stream().map(m -> m.mention().pk()).toList());
            }
        }).onFailure(this::fail);
    }

    public void move(List<Long> pks, Long target) {
        move(pks, target, r -> {});
    }

    /** Files each Unsorted mention of the selection into its suggested category, as one gesture. */
    public void accept(List<StoredMention> selection, Consumer<MoveResult> then) {
        List<Long> pks = selection.stream().filter(m -> m.unsorted() && m.suggestedCategoryId() != null)
                .map(StoredMention::pk).toList();
        if (pks.isEmpty()) {
            say(ctx.t("board.accept.none"));
            return;
        }
        gestures.run(() -> triage.accept(pks, actor())).onSuccess(r -> {
            applied(r);
            String done = ctx.t("board.accepted", r.moved().size()) + skipped(r);
            if (r.conflicts().isEmpty()) {
                say(done);
            } else {
                warn(r.isEmpty() ? conflicts(r, "board.conflict") : done + " " + conflicts(r, "board.conflict"));
            }
            then.accept(r);
        }).onFailure(this::fail);
    }

    /** Undoes this person's newest gesture; a mention someone moved on since stays and the person is told. */
    public void undo() {
        gestures.run(() -> triage.undo(actor())).onSuccess(r -> {
            applied(r);
            String done = r.group() == null ? ctx.t("board.undo.nothing")
                    : ctx.t("board.undone", r.moved().size()) + skipped(r);
            if (r.conflicts().isEmpty()) {
                say(done);
            } else {
                warn(r.isEmpty() ? conflicts(r, "board.undo.conflict") : done + " " + conflicts(r, "board.undo.conflict"));
            }
        }).onFailure(this::fail);
    }

    public void redo() {
        gestures.run(() -> triage.redo(actor())).onSuccess(r -> {
            applied(r);
            String done = r.group() == null ? ctx.t("board.redo.nothing")
                    : ctx.t("board.redone", r.moved().size()) + skipped(r);
            if (r.conflicts().isEmpty()) {
                say(done);
            } else {
                warn(r.isEmpty() ? conflicts(r, "board.undo.conflict") : done + " " + conflicts(r, "board.undo.conflict"));
            }
        }).onFailure(this::fail);
    }

    /**
     * "Already moved to 개통 오류 by 민지 2 s ago" for the first conflict, and how many more there were. The cards
     * of the conflicts were put where they are now by {@link #applied}.
     */
    String conflicts(MoveResult r, String key) {
        MoveResult.Conflict first = r.conflicts().get(0);
        String where = first.nowName() == null ? ctx.t("board.unsorted") : first.nowName();
        String who = first.by() == null || first.by().isBlank() ? ctx.t("board.conflict.someone") : first.by();
        String text = ctx.t(key, where, who, ago(first.at())).replace(", )", ")").replace(" ;", ";").strip();
        int more = r.conflicts().size() - 1;
        return more > 0 ? text + " " + ctx.t("board.conflict.more", more) : text;
    }

    /** "2 s ago", "3 min ago", "1 h ago", else the time of day; "" when unknown. */
    private String ago(java.time.Instant at) {
        if (at == null) {
            return "";
        }
        long s = Math.max(0, java.time.Duration.between(at, ctx.clock().instant()).getSeconds());
        if (s < 60) {
            return ctx.t("board.conflict.ago.seconds", s);
        }
        if (s < 3600) {
            return ctx.t("board.conflict.ago.minutes", s / 60);
        }
        if (s < 86_400) {
            return ctx.t("board.conflict.ago.hours", s / 3600);
        }
        return ctx.t("board.conflict.ago.at", org.crisisdesk.desk.kit.RelativeTime.absolute(at, ctx.zone()));
    }

    private String skipped(MoveResult r) {
        return r.skipped() > 0 && !r.isEmpty() ? " " + ctx.t("board.skipped", r.skipped()) : "";
    }

    private String name(Long categoryId) {
        Category c = categoryId == null ? null : ctx.categories().get(categoryId);
        return c == null ? ctx.t("board.unsorted") : c.name();
    }

    /** Shows a committed gesture: cards leave their old columns and join the new one in one change each. */
    private void applied(MoveResult r) {
        flushArrivals(); // a held-back arrival must not land in its old column after this move
        refreshUndo();
        if (!r.conflicts().isEmpty()) {
            // the cards go where the other person put them now, before their live change reaches this desk
            otherDeskMoved(r.conflicts().stream().map(MoveResult.Conflict::mention).toList());
        }
        if (r.isEmpty()) {
            return;
        }
        generation++;
        Set<Long> pks = new HashSet<>();
        Map<Long, Long> left = new HashMap<>();
        Map<Long, Long> joined = new HashMap<>();
        Map<Long, List<StoredMention>> into = new HashMap<>();
        for (MoveResult.Moved m : r.moved()) {
            pks.add(m.mention().pk());
            left.merge(key(m.from()), 1L, Long::sum);
            Long to = m.mention().categoryId();
            joined.merge(key(to), 1L, Long::sum);
            into.computeIfAbsent(key(to), k -> new ArrayList<>()).add(m.mention());
        }
        for (ColumnModel col : columns) {
            col.remove(pks);
            Long k = key(col.categoryId());
            long delta = joined.getOrDefault(k, 0L) - left.getOrDefault(k, 0L);
            col.totalProperty().set(Math.max(0, col.totalProperty().get() + delta));
            List<StoredMention> in = into.get(k);
            if (in != null) {
                col.insert(in);
            }
        }
        changed(r.mentions());
        refreshStats();
    }

    /**
     * Another desk moved these mentions (issue 21; {@code now}: as stored after its move). They leave the columns
     * that show them and join the column they are in now, card by card, so every column keeps its other cards, its
     * selection and its scroll position (the view keeps the card under the person's eyes, see
     * {@code ColumnView.holdStill}); the feed and the detail pane are told as for this desk's own moves. The header
     * totals are read again, since a column may have held such a mention beyond its loaded cards.
     */
    public void otherDeskMoved(List<StoredMention> now) {
        if (now.isEmpty()) {
            return;
        }
        flushArrivals();
        generation++;
        Set<Long> pks = new HashSet<>();
        now.forEach(m -> pks.add(m.pk()));
        for (ColumnModel col : columns) {
            col.remove(pks);
            List<StoredMention> in = now.stream().filter(col::holds).toList();
            if (!in.isEmpty()) {
                col.insert(in);
            }
        }
        changed(now);
        refreshStats(); // nothing local happened since it is asked: totals are taken
    }

    /** Map keys cannot tell a missing entry from Unsorted, so Unsorted is -1 here. */
    private static Long key(Long categoryId) {
        return categoryId == null ? -1L : categoryId;
    }

    private void changed(List<StoredMention> now) {
        changeListeners.forEach(l -> l.accept(now));
        viewListener.accept(now);
    }

    private void refreshUndo() {
        background.run(() -> triage.undoState(actor())).onSuccess(this::showUndo);
    }

    private void showUndo(UndoState s) {
        canUndo.set(s.canUndo());
        canRedo.set(s.canRedo());
    }

    /** Loads a mention's move history; {@code then} runs on the FX thread. */
    public void history(long pk, Consumer<List<HistoryEntry>> then) {
        background.run(() -> triage.history(pk)).onSuccess(then).onFailure(this::fail);
    }

    // ---- categories ---------------------------------------------------------------------------------------------

    public void create(String name, String colour) {
        gestures.run(() -> triage.create(name, colour)).onSuccess(c -> {
            say(ctx.t("board.created", c.name()));
            restructure(null);
        }).onFailure(this::fail);
    }

    public void rename(Category c, String name) {
        gestures.run(() -> triage.rename(c.id(), name)).onSuccess(r -> {
            say(ctx.t("board.renamed", c.name(), r.name()));
            restructure(null);
        }).onFailure(this::fail);
    }

    public void recolour(Category c, String colour) {
        gestures.run(() -> triage.recolour(c.id(), colour)).onSuccess(r -> restructure(null)).onFailure(this::fail);
    }

    public void updateRules(Category c, Rules rules) {
        gestures.run(() -> triage.updateRules(c.id(), rules)).onSuccess(r -> {
            say(ctx.t("board.rules.saved", r.name()));
            restructure(null);
        }).onFailure(this::fail);
    }

    /** Moves a topic column before (or after) another topic column. */
    public void reorder(Category moving, Category target, boolean after) {
        List<Long> topics = new ArrayList<>();
        columns.stream().filter(ColumnModel::topic).forEach(c -> topics.add(c.categoryId()));
        if (!topics.remove(moving.id()) || !topics.contains(target.id())) {
            return;
        }
        topics.add(topics.indexOf(target.id()) + (after ? 1 : 0), moving.id());
        gestures.run(() -> triage.reorder(topics)).onSuccess(v -> {
            List<ColumnModel> reordered = new ArrayList<>(columns);
            reordered.sort((a, b) -> Integer.compare(rank(a, topics), rank(b, topics)));
            columns.setAll(reordered);
            assignKeys();
        }).onFailure(this::fail);
    }

    private static int rank(ColumnModel c, List<Long> topics) {
        if (c.unsorted()) {
            return -1;
        }
        int i = topics.indexOf(c.categoryId());
        return i >= 0 ? i : topics.size() + 1;
    }

    public void merge(Category source, Category target) {
        gestures.run(() -> triage.merge(source.id(), target.id(), actor())).onSuccess(n -> {
            say(ctx.t("board.merged", source.name(), target.name(), n));
            restructure(target.id());
            reloadListeners.forEach(Runnable::run);
        }).onFailure(this::fail);
    }

    public void archive(Category c) {
        gestures.run(() -> triage.archive(c.id())).onSuccess(r -> {
            say(ctx.t("board.archived", c.name()));
            restructure(null);
        }).onFailure(this::fail);
    }

    /** Exports the customer centre's pending cases to {@code file}; they are marked handed over. */
    public void handOver(Path file, MentionExporter.Format format) {
        gestures.run(() -> triage.handOver(file, format, ctx.zone())).onSuccess(n -> {
            say(n == 0 ? ctx.t("board.handover.nothing") : ctx.t("board.handover.done", n, file.getFileName()));
            if (n > 0) {
                columns.stream().filter(ColumnModel::customerCentre).forEach(this::reloadColumn);
                refreshStats();
            }
        }).onFailure(this::fail);
    }

    /**
     * Re-reads the categories and fits the columns to them: new ones appear (empty), archived or merged ones go,
     * names and colours update in place, cards stay. {@code reloadId} names a column whose cards changed.
     */
    private void restructure(Long reloadId) {
        background.run(categories::all).onSuccess(all -> {
            putCategories(all);
            Map<Long, ColumnModel> existing = new HashMap<>();
            columns.forEach(c -> existing.put(key(c.categoryId()), c));
            List<ColumnModel> next = new ArrayList<>();
            for (Category c : boardOrder(all)) {
                ColumnModel col = existing.get(key(c == null ? null : c.id()));
                if (col == null) {
                    col = new ColumnModel(c);
                } else {
                    col.categoryProperty().set(c);
                }
                next.add(col);
            }
            if (!next.equals(columns)) {
                columns.setAll(next);
            }
            assignKeys();
            if (reloadId != null && column(reloadId) != null) {
                reloadColumn(column(reloadId));
            }
            generation++;
            refreshStats();
        }).onFailure(this::fail);
    }

    // ---- messages -----------------------------------------------------------------------------------------------

    private void say(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    /** A line that needs the person's eye (shown like a refusal), without a dialog and without taking the focus. */
    private void warn(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    private void fail(Throwable e) {
        messageIsError.set(true);
        message.set(explain(e));
    }

    /** A refusal in the desk's language; anything else with its own message. */
    String explain(Throwable e) {
        if (e instanceof TriageException te) {
            String key = "board.problem." + te.problem().name();
            if (ctx.i18n().has(key)) {
                return ctx.t(key, te.args());
            }
        }
        if (e instanceof org.crisisdesk.store.StoreException se && se.isUnreachable()) {
            return ctx.t("board.db.unreachable"); // issue 21: the gesture was not stored, nothing changed
        }
        String m = e.getMessage();
        return ctx.t("board.failed", m == null ? e.getClass().getSimpleName() : m);
    }
}
