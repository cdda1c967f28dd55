package org.crisisdesk.triage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triage engine: keyword rules first, a logistic-regression classifier that learns from every manual
 * assignment, and a combination of both into one calibrated suggestion per mention.
 *
 * <p><b>Combining.</b> For each active category the engine adds up, in log space, the classifier's calibrated
 * posterior (weighted by how much it has learned: {@code labels / (labels + priorLabels)}), a bonus when the
 * category's rules match (more for the first matching category, the rules' priority) and a penalty when one of its
 * exclusions vetoes it; a softmax turns that into the confidence. With no labels the rules decide alone; after a few
 * hundred labels the classifier dominates and the rules act as a strong prior.
 *
 * <p><b>Learning.</b> {@link #learn} is idempotent per mention: a correction moves that mention's evidence from the old
 * category to the new one. In a desk (with a {@link TriageModelStore}) the model is saved a moment after the last
 * change, off the caller's thread, and reconciled at startup with the labels in the database, which are the truth:
 * a label made just before the app died is re-learned from the assignment it left.
 *
 * <p><b>Threads.</b> Thread-safe. {@link #suggest} takes a read lock and allocates almost nothing; {@link #learn}
 * takes the write lock for a few microseconds. Rules are an immutable {@link RuleSet} swapped atomically.
 */
public final class TriageEngine implements Suggester, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TriageEngine.class);

    /** Setting: the confidence at which a suggestion files a mention automatically; "off" (default) or 0..1. */
    public static final String AUTO_FILE_SETTING = "triage.autofile.threshold";
    public static final double AUTO_FILE_OFF = 2.0;
    static final String MODEL_NAME = "default";
    /** 2000s: labels with their features, refitted by logistic regression (1000s were naive Bayes counts). */
    static final int FORMAT = 2_000 + Featurizer.VERSION;
    private static final long SAVE_DELAY_MS = 2_000;
    private static final long FIT_DELAY_MS = 150;

    /**
     * How rules and classifier are weighed.
     *
     * @param priorLabels      labels at which the classifier's weight reaches one half
     * @param ruleBoost        log-odds bonus for a category whose rules match
     * @param firstRuleBoost   extra bonus for the first matching category (rule priority)
     * @param exclusionPenalty log-odds penalty for a category one of whose exclusions matched
     * @param sharpness        the classifier's logits are multiplied by this before its softmax (L2-regularized
     *                         logistic regression is under-confident next to the rules' log-odds)
     * @param calibration      the combined log-odds are divided by this before the final softmax (the confidence
     *                         shown; changes no ranking)
     */
    public record Tuning(double priorLabels, double ruleBoost, double firstRuleBoost, double exclusionPenalty,
            double sharpness, double calibration) {
        // Chosen by 5-fold cross-validation inside the training splits of the evaluation crises (never their test
        // splits, never the demo), with and without their rules, at 50 labels and at all: see TriageTuning.
        public static final Tuning DEFAULT = new Tuning(100, 2.5, 0.5, 1.0, 3.3, 1.0);
    }

    private final Featurizer featurizer = new Featurizer(Featurizer.DEFAULT_BITS);
    private volatile Tuning tuning;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Guarded by {@link #lock}. */
    private LinearModel model;
    /** What the model learned per mention key; guarded by {@link #lock}. */
    private Map<String, LinearModel.Example> learned = new HashMap<>();
    /** Counts changes of {@link #learned}; guarded by {@link #lock}. */
    private long labelVersion;
    /** The labels changed since the model was last fitted (it has only had online steps since). */
    private volatile boolean stale;
    private final Object fitMonitor = new Object();
    private final AtomicBoolean fitQueued = new AtomicBoolean();
    private volatile LinearModel.Params params = LinearModel.Params.DEFAULT;
    /** Learn/forget calls made while a rebuild runs, replayed onto its result; guarded by {@link #lock}. */
    private List<PendingLabel> pending;

    private volatile RuleSet rules = RuleSet.EMPTY;
    private volatile List<String> ruleWarnings = List.of();
    private volatile double autoFileThreshold = AUTO_FILE_OFF;

    private final CategoryStore categories;
    private final TriageModelStore store;
    private final SettingsStore settings;
    private final Executor io;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final CompletableFuture<Void> reconcileAllowed = new CompletableFuture<>();
    private volatile boolean reconciledSinceLoad;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Object rebuildMonitor = new Object();
    private final Object saveMonitor = new Object();
    private ScheduledFuture<?> saveTask;
    private volatile boolean closed;
    private volatile String problem;

    private record PendingLabel(String key, String text, Long categoryId, float weight) {}

    private TriageEngine(Tuning tuning, CategoryStore categories, TriageModelStore store, SettingsStore settings,
            Executor io, ScheduledExecutorService scheduler) {
        this.tuning = tuning;
        this.model = new LinearModel(featurizer.dimension());
        this.categories = categories;
        this.store = store;
        this.settings = settings;
        this.io = io;
        this.scheduler = scheduler;
    }

    /** An engine that lives in memory only (evaluation, tools, tests): these categories, no saved model. */
    public static TriageEngine inMemory(List<Category> categories) {
        return inMemory(categories, Tuning.DEFAULT);
    }

    public static TriageEngine inMemory(List<Category> categories, Tuning tuning) {
        TriageEngine e = new TriageEngine(tuning, null, null, null, null, null);
        e.setCategories(categories);
        e.ready.complete(null);
        e.loaded.complete(null);
        return e;
    }

    /**
     * The desk's engine: rules from the active categories now, the saved model and the labels in the database
     * reconciled on {@code io} (see {@link #ready()}); until then suggestions come from the rules alone.
     */
    public static TriageEngine open(CategoryStore categories, TriageModelStore store, SettingsStore settings,
            Executor io, ScheduledExecutorService scheduler) {
        return open(categories, store, settings, io, scheduler, false);
    }

    /**
     * @param holdReconcile whether the reconcile of a loaded model waits for {@link #startReconcile()}
     */
    public static TriageEngine open(CategoryStore categories, TriageModelStore store, SettingsStore settings,
            Executor io, ScheduledExecutorService scheduler, boolean holdReconcile) {
        TriageEngine e = new TriageEngine(Tuning.DEFAULT, Objects.requireNonNull(categories),
                Objects.requireNonNull(store), settings, Objects.requireNonNull(io), Objects.requireNonNull(scheduler));
        e.setCategories(categories.active());
        e.autoFileThreshold = e.readThreshold();
        e.lock.writeLock().lock();
        try {
            e.pending = new ArrayList<>();
        } finally {
            e.lock.writeLock().unlock();
        }
        if (!holdReconcile) {
            e.startReconcile();
        }
        io.execute(e::bootstrap);
        return e;
    }

    /** Changes how rules and classifier are weighed (for tuning experiments; the model stays). */
    void tune(Tuning t) {
        this.tuning = Objects.requireNonNull(t);
    }

    /** Completes when the saved model is loaded and reconciled with the database (at once for an in-memory one). */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /**
     * Completes when the saved model (or one just trained from the database) is in use, which may be before the
     * reconcile that {@link #ready()} waits for; at once for an in-memory engine.
     */
    public CompletableFuture<Void> loaded() {
        return loaded;
    }

    // ------------------------------------------------------------------------------------------------ suggestions

    @Override
    public Suggestion suggest(Mention mention) {
        return suggest(mention.text());
    }

    /** The suggestion for a raw text. The hot path: one normalization, one rules pass, one model pass. */
    public Suggestion suggest(String text) {
        TriageScratch s = TriageScratch.get();
        RuleSet r = rules;
        int best = evaluate(s, r, text);
        if (best < 0) {
            return Suggestion.NONE;
        }
        return new Suggestion(r.categories().get(best).id(), s.candidateScores[best], reason(s, r, best));
    }

    /** Everything the engine thinks of a text, ranked: for explanations, the evaluation and tests. Allocates. */
    public Analysis analyze(String text) {
        TriageScratch s = TriageScratch.get();
        RuleSet r = rules;
        int best = evaluate(s, r, text);
        RuleMatch rm = s.ruleMatch(r);
        List<Analysis.Scored> ranked = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            boolean matched = s.ruleHits[i] > 0 && !s.ruleExcluded[i];
            ranked.add(new Analysis.Scored(r.categories().get(i), best < 0 ? 0 : s.candidateScores[i], matched,
                    s.candidateClassifier[i]));
        }
        ranked.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        Suggestion sg = best < 0 ? Suggestion.NONE
                : new Suggestion(r.categories().get(best).id(), s.candidateScores[best], reason(s, r, best));
        return new Analysis(s.normalizedText(), ranked, rm, sg);
    }

    /**
     * Scores every candidate into {@code s.candidateScores} (probabilities summing to 1) and returns the best index,
     * or -1 when there is no evidence at all (no rule matched, nothing learned).
     */
    private int evaluate(TriageScratch s, RuleSet r, String text) {
        Tuning tuning = this.tuning;
        s.normalize(text);
        r.scan(s);
        int n = featurizer.extract(s);
        int k = r.size();
        if (k == 0) {
            return -1;
        }
        s.ensureScores(0, k);
        double[] z = s.candidateScores;
        double[] nb = s.candidateClassifier;
        boolean anyRule = false;
        int first = -1;
        for (int i = 0; i < k; i++) {
            boolean matched = s.ruleHits[i] > 0 && !s.ruleExcluded[i];
            if (matched && first < 0) {
                first = i;
            }
            anyRule |= matched || s.ruleExcluded[i];
        }
        boolean learnedAny = false;
        double weight = 0;
        if (stale && store == null) {
            fitNow(); // an in-memory engine (evaluation, tools) fits on first use; a desk's fits in the background
        }
        lock.readLock().lock();
        try {
            LinearModel m = model;
            int c = m.classes();
            long total = m.totalDocs();
            if (c > 0 && total > 0 && n > 0) {
                s.ensureScores(c, k);
                double[] cs = s.classScores;
                m.score(s.feats, n, cs);
                double t = tuning.sharpness();
                double max = Double.NEGATIVE_INFINITY;
                int trained = 0;
                for (int i = 0; i < k; i++) {
                    int ci = m.indexOf(r.categories().get(i).id());
                    s.candidateClass[i] = ci;
                    if (ci >= 0 && m.docs(ci) > 0) {
                        nb[i] = cs[ci] * t;
                        max = Math.max(max, nb[i]);
                        trained++;
                    } else {
                        nb[i] = Double.NaN;
                    }
                }
                if (trained > 0) {
                    double sum = 0;
                    for (int i = 0; i < k; i++) {
                        if (!Double.isNaN(nb[i])) {
                            nb[i] = Math.exp(nb[i] - max);
                            sum += nb[i];
                        }
                    }
                    for (int i = 0; i < k; i++) {
                        if (!Double.isNaN(nb[i])) {
                            nb[i] /= sum;
                        }
                    }
                    learnedAny = true;
                    weight = total / (total + tuning.priorLabels());
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        if (!learnedAny) {
            for (int i = 0; i < k; i++) {
                nb[i] = Double.NaN;
            }
            if (!anyRule || first < 0) {
                return -1;
            }
        }
        double neutral = Math.log(1.0 / k);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double zi = learnedAny ? weight * (Double.isNaN(nb[i]) ? neutral : Math.log(Math.max(nb[i], 1e-9))) : 0;
            if (s.ruleHits[i] > 0 && !s.ruleExcluded[i]) {
                zi += tuning.ruleBoost() + (i == first ? tuning.firstRuleBoost() : 0);
            }
            if (s.ruleExcluded[i]) {
                zi -= tuning.exclusionPenalty();
            }
            zi /= tuning.calibration();
            z[i] = zi;
            max = Math.max(max, zi);
        }
        double sum = 0;
        int best = 0;
        for (int i = 0; i < k; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
            if (z[i] > z[best]) {
                best = i;
            }
        }
        for (int i = 0; i < k; i++) {
            z[i] /= sum;
        }
        return best;
    }

    /** "matched: 배송, 지연" when the rules found the category; otherwise the words the classifier leaned on. */
    private String reason(TriageScratch s, RuleSet r, int best) {
        if (s.ruleHits[best] > 0 && !s.ruleExcluded[best]) {
            return s.matchedReason(best);
        }
        List<String> cues = classifierCues(s, r, best);
        return cues.isEmpty() ? "learned" : "learned: " + String.join(", ", cues);
    }

    /**
     * The (up to three) n-grams and words of two or more characters that most favour {@code best} over the runner-up:
     * a fixed-size top list, no maps or sorting, so an explanation costs little more than the suggestion.
     */
    private List<String> classifierCues(TriageScratch s, RuleSet r, int best) {
        int runnerUp = -1;
        for (int i = 0; i < r.size(); i++) {
            if (i != best && (runnerUp < 0 || s.candidateScores[i] > s.candidateScores[runnerUp])) {
                runnerUp = i;
            }
        }
        final int slots = 6;
        int[] top = s.cueSlots;
        double[] weight = s.cueWeights;
        int filled = 0;
        lock.readLock().lock();
        try {
            int a = s.candidateClass[best];
            int b = runnerUp < 0 ? -1 : s.candidateClass[runnerUp];
            if (a < 0 || b < 0 || a >= model.classes() || b >= model.classes()) {
                return List.of();
            }
            for (int k = 0; k < s.featCount; k++) {
                if (s.featLength(k) < 2) {
                    continue;
                }
                double w = model.weight(s.feats[k], a, b);
                if (w <= 0.05 || (filled == slots && w <= weight[slots - 1])) {
                    continue;
                }
                int pos = filled < slots ? filled++ : slots - 1;
                while (pos > 0 && weight[pos - 1] < w) {
                    top[pos] = top[pos - 1];
                    weight[pos] = weight[pos - 1];
                    pos--;
                }
                top[pos] = k;
                weight[pos] = w;
            }
        } finally {
            lock.readLock().unlock();
        }
        List<String> out = new ArrayList<>(3);
        for (int i = 0; i < filled && out.size() < 3; i++) {
            String cue = new String(s.norm, s.featStart(top[i]), s.featLength(top[i])).strip();
            if (!cue.isEmpty() && out.stream().noneMatch(o -> o.contains(cue) || cue.contains(o))) {
                out.add(cue);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ learning

    /** A person filed {@code mention} into {@code categoryId}: learn it (or move what was learned of it). */
    @Override
    public void learn(Mention mention, long categoryId) {
        label(LabelKey.of(mention), mention.text(), categoryId, 1f);
    }

    /** A person took {@code mention} back to Unsorted (an undo): forget what was learned of it. */
    @Override
    public void forget(Mention mention) {
        label(LabelKey.of(mention), mention.text(), null, 0f);
    }

    private void label(String key, String text, Long categoryId, float weight) {
        TriageScratch s = TriageScratch.get();
        s.normalize(text);
        int n = featurizer.extract(s);
        lock.writeLock().lock();
        try {
            if (pending != null) {
                pending.add(new PendingLabel(key, text, categoryId, weight));
            }
            if (!apply(model, learned, key, s.feats, n, categoryId, weight, params.onlineRate(), s.classScores)) {
                return;
            }
            labelVersion++;
            stale = true;
        } finally {
            lock.writeLock().unlock();
        }
        changed();
        scheduleFit();
    }

    /**
     * Moves one mention's label to {@code categoryId} (null: forget it) and takes one online step on {@code m} for a
     * new label. False when nothing changed.
     */
    private static boolean apply(LinearModel m, Map<String, LinearModel.Example> learned, String key, int[] feats,
            int n, Long categoryId, float weight, double rate, double[] scratch) {
        LinearModel.Example before = learned.get(key);
        if (categoryId == null ? before == null
                : before != null && before.categoryId() == categoryId && before.weight() == weight) {
            return false;
        }
        if (before != null) {
            learned.remove(key);
            if (before.weight() > 0) {
                m.unstep(before.categoryId());
            }
        }
        if (categoryId != null) {
            int[] copy = java.util.Arrays.copyOf(feats, n);
            java.util.Arrays.sort(copy); // a set; sorted as saved, so a reloaded model fits exactly the same
            learned.put(key, new LinearModel.Example(copy, categoryId, weight));
            if (weight > 0) {
                m.step(copy, n, categoryId, rate * weight, scratch.length >= m.classes() + 1 ? scratch
                        : new double[m.classes() + 1]);
            }
        }
        return true;
    }

    /**
     * Fits the model to every label now if they changed since the last fit (on the caller's thread). The desk calls
     * it in the background a moment after a burst of moves; an in-memory engine on its first suggestion after one.
     */
    void fitNow() {
        synchronized (fitMonitor) {
            for (int attempt = 0; attempt < 3 && stale; attempt++) {
                List<LinearModel.Example> snapshot;
                long version;
                lock.readLock().lock();
                try {
                    snapshot = new ArrayList<>(learned.values());
                    version = labelVersion;
                } finally {
                    lock.readLock().unlock();
                }
                // a stable order (the map's is not), so one set of labels always gives the same model
                snapshot.sort(EXAMPLE_ORDER);
                LinearModel fresh = LinearModel.fit(featurizer.dimension(), snapshot, namePriors(), params, 17);
                lock.writeLock().lock();
                try {
                    model = fresh;
                    if (version == labelVersion) {
                        stale = false;
                    } else {
                        replaySince(snapshot);
                    }
                } finally {
                    lock.writeLock().unlock();
                }
            }
        }
    }

    /** How many examples each category's name makes (chosen with the other parameters, see {@link Tuning}). */
    static final int NAME_PRIOR_COPIES = 3;

    /**
     * The categories' names as examples of their own category ("결항·지연 안내" teaches 결항, 지연 and 안내): what a
     * person gave before the first label, so the first few dozen labels are read with it in mind. Built with a scratch
     * of its own (an in-memory engine fits inside {@link #suggest}, whose scratch holds the text being scored).
     */
    private List<LinearModel.Example> namePriors() {
        List<Category> categories = rules.categories();
        List<LinearModel.Example> out = new ArrayList<>(categories.size() * NAME_PRIOR_COPIES);
        TriageScratch s = new TriageScratch();
        for (Category c : categories) {
            s.normalize(c.name().replace('·', ' ').replace('/', ' ').replace('&', ' '));
            int n = featurizer.extract(s);
            if (n == 0) {
                continue;
            }
            int[] feats = java.util.Arrays.copyOf(s.feats, n);
            for (int i = 0; i < NAME_PRIOR_COPIES; i++) {
                out.add(new LinearModel.Example(feats, c.id(), 1f));
            }
        }
        return out;
    }

    private static final java.util.Comparator<LinearModel.Example> EXAMPLE_ORDER = (a, b) -> {
        int c = Long.compare(a.categoryId(), b.categoryId());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.feats().length, b.feats().length);
        if (c != 0) {
            return c;
        }
        return java.util.Arrays.compare(a.feats(), b.feats());
    };

    /** Online steps for the labels added while a fit ran (it did not see them). Caller holds the write lock. */
    private void replaySince(List<LinearModel.Example> fitted) {
        Set<LinearModel.Example> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        seen.addAll(fitted);
        double[] scratch = new double[model.classes() + 2];
        for (LinearModel.Example e : learned.values()) {
            if (!seen.contains(e) && e.weight() > 0) {
                model.step(e.feats(), e.feats().length, e.categoryId(), params.onlineRate() * e.weight(),
                        scratch.length > model.classes() ? scratch : new double[model.classes() + 2]);
            }
        }
    }

    /** Fits in the background a moment after the last label (desk engines; an in-memory one fits when used). */
    private void scheduleFit() {
        if (store == null || closed || !fitQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.schedule(() -> io.execute(() -> {
                fitQueued.set(false);
                try {
                    fitNow();
                } catch (RuntimeException e) {
                    log.warn("Could not refit the classifier: {}", e.toString());
                }
            }), FIT_DELAY_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            fitQueued.set(false); // closing
        }
    }

    /** Changes the classifier's training parameters (experiments); the next use refits. */
    void train(LinearModel.Params p) {
        params = Objects.requireNonNull(p);
        stale = true;
    }

    /** How many mentions the classifier has learned from. */
    public int labelCount() {
        lock.readLock().lock();
        try {
            return learned.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What the classifier has learned, per mention key (a copy; for tests and diagnostics). */
    Map<String, Long> learnedLabels() {
        lock.readLock().lock();
        try {
            Map<String, Long> out = new HashMap<>();
            learned.forEach((k, e) -> out.put(k, e.categoryId()));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------------------------------------ rules

    @Override
    public void categoriesChanged() {
        reload();
    }

    /** Re-reads the active categories and their rules (after an edit, merge or archive) and reconciles labels. */
    public void reload() {
        if (categories == null) {
            return;
        }
        setCategories(categories.active());
        if (store != null && !closed) {
            io.execute(this::reconcileQuietly);
        }
    }

    /**
     * Uses these categories (board order is rule priority); archived ones are ignored. Rules that cannot be used (an
     * invalid regex stored by an older version) are skipped and listed in {@link #ruleWarnings()}.
     */
    public void setCategories(List<Category> all) {
        List<Category> active = all.stream().filter(c -> !c.archived()).toList();
        RuleSet current = rules;
        if (current.size() == active.size() && current.categories().equals(active)) {
            return;
        }
        List<String> warnings = new ArrayList<>();
        RuleSet compiled = RuleSet.compileLenient(active, warnings);
        warnings.forEach(w -> log.warn("Rule skipped: {}", w));
        ruleWarnings = List.copyOf(warnings);
        rules = compiled;
    }

    public RuleSet rules() {
        return rules;
    }

    public List<String> ruleWarnings() {
        return ruleWarnings;
    }

    // ------------------------------------------------------------------------------------------------ auto-filing

    /** Names of categories that hold spam and noise (matched in lower case, anywhere in the name). */
    private static final List<String> SPAM_LIKE = List.of("스팸", "잡음", "광고", "사칭", "spam", "noise", "junk", "scam");

    /** Whether a category holds spam or noise, by its name: auto-filing never files there without a person. */
    public static boolean spamLike(Category c) {
        String n = c.name().toLowerCase(java.util.Locale.ROOT);
        return SPAM_LIKE.stream().anyMatch(n::contains);
    }

    /** Not the customer-centre column, not a spam-like category, not an archived or unknown one. */
    @Override
    public boolean mayAutoFile(long categoryId) {
        for (Category c : rules.categories()) {
            if (c.id() == categoryId) {
                return !c.customerCentre() && !spamLike(c);
            }
        }
        return false;
    }

    @Override
    public double autoFileThreshold() {
        return autoFileThreshold;
    }

    /** Sets (and, in a desk, saves) the auto-file threshold: 0 < t <= 1 files at that confidence; above 1 is off. */
    public void setAutoFileThreshold(double threshold) {
        if (Double.isNaN(threshold) || threshold <= 0) {
            throw new IllegalArgumentException("The auto-file threshold must be above 0 (above 1 turns it off)");
        }
        autoFileThreshold = threshold > 1 ? AUTO_FILE_OFF : threshold;
        if (settings != null) {
            settings.put(AUTO_FILE_SETTING, threshold > 1 ? "off" : Double.toString(threshold));
        }
    }

    private double readThreshold() {
        if (settings == null) {
            return AUTO_FILE_OFF;
        }
        String v = settings.get(AUTO_FILE_SETTING, "off").strip();
        if (v.equalsIgnoreCase("off")) {
            return AUTO_FILE_OFF;
        }
        try {
            double t = Double.parseDouble(v);
            return t > 0 && t <= 1 ? t : AUTO_FILE_OFF;
        } catch (NumberFormatException e) {
            log.warn("Ignoring setting {}={}: not a number; auto-filing stays off", AUTO_FILE_SETTING, v);
            return AUTO_FILE_OFF;
        }
    }

    // ------------------------------------------------------------------------------------------------ persistence

    /**
     * Loads the saved model (or trains one when there is none), then reconciles it with the database once
     * {@link #startReconcile()} allows it.
     */
    private void bootstrap() {
        boolean loaded;
        try {
            synchronized (rebuildMonitor) {
                loaded = loadSaved();
                if (!loaded) {
                    retrain();
                }
            }
        } catch (RuntimeException e) {
            failed(e);
            this.loaded.complete(null);
            ready.complete(null);
            return;
        }
        this.loaded.complete(null);
        if (!loaded) {
            ready.complete(null); // trained from the database just now: nothing to reconcile
            return;
        }
        reconcileAllowed.thenRun(() -> {
            try {
                io.execute(this::reconcileAtStart);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                ready.complete(null); // closing: the next start reconciles
            }
        });
    }

    /** Installs the saved model, keeping {@link #pending} collecting for the reconcile. False when none is usable. */
    private boolean loadSaved() {
        var saved = store.load(MODEL_NAME);
        if (saved.isEmpty() || saved.get().format() != FORMAT) {
            return false;
        }
        Decoded d;
        try {
            d = decode(saved.get().data());
        } catch (IOException | RuntimeException e) {
            log.warn("The saved classifier cannot be read ({}); retraining from the assignments", e.toString());
            return false;
        }
        lock.writeLock().lock();
        try {
            List<PendingLabel> during = pending;
            learned = d.labels();
            model = new LinearModel(featurizer.dimension());
            labelVersion++;
            stale = true;
            pending = new ArrayList<>();
            replay(during);
        } finally {
            lock.writeLock().unlock();
        }
        fitNow();
        reconciledSinceLoad = false;
        return true;
    }

    /**
     * The startup reconcile: reads every label in the database, which on a million mentions is seconds of a core.
     * Skipped when closing first (the model saved then is the loaded one plus what was learned since, and the next
     * start reconciles it) or when a reload reconciled meanwhile.
     */
    private void reconcileAtStart() {
        try {
            synchronized (rebuildMonitor) {
                if (closed || reconciledSinceLoad) {
                    endPending();
                } else {
                    reconcile();
                }
            }
        } catch (RuntimeException e) {
            failed(e);
        } finally {
            ready.complete(null);
        }
    }

    /**
     * Lets the startup reconcile run (once the model is loaded). {@link #open} allows it at once; a desk opened with
     * {@code holdReconcile} calls this after its first paint, so the scan does not compete with the window.
     */
    public void startReconcile() {
        reconcileAllowed.complete(null);
    }

    private void failed(RuntimeException e) {
        problem = e.getMessage();
        log.error("The classifier could not be loaded; suggestions use the rules only until restart", e);
        lock.writeLock().lock();
        try {
            pending = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void reconcileQuietly() {
        try {
            synchronized (rebuildMonitor) {
                lock.writeLock().lock();
                try {
                    pending = new ArrayList<>();
                } finally {
                    lock.writeLock().unlock();
                }
                reconcile();
                reconciledSinceLoad = true;
            }
        } catch (RuntimeException e) {
            log.warn("Could not reconcile the classifier with the database: {}", e.toString());
            lock.writeLock().lock();
            try {
                pending = null;
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /**
     * Brings the model in line with the labels in the database: learns what it is missing, moves what changed and
     * forgets what was undone. Calls {@link #retrain()} when the difference is large or a text is gone. Expects
     * {@link #pending} to be collecting; ends the collection.
     */
    private void reconcile() {
        Map<String, Long> truth = store.labels();
        Map<String, Long> mine;
        lock.readLock().lock();
        try {
            mine = new HashMap<>();
            learned.forEach((k, e) -> mine.put(k, e.categoryId()));
        } finally {
            lock.readLock().unlock();
        }
        Set<String> diff = new HashSet<>();
        truth.forEach((k, v) -> {
            if (!v.equals(mine.get(k))) {
                diff.add(k);
            }
        });
        mine.keySet().forEach(k -> {
            if (!truth.containsKey(k)) {
                diff.add(k);
            }
        });
        if (diff.isEmpty()) {
            endPending();
            return;
        }
        if (diff.size() > Math.max(500, truth.size() / 2)) {
            retrain();
            return;
        }
        Set<String> needText = new HashSet<>(diff);
        needText.retainAll(truth.keySet());
        Map<String, String> texts = store.texts(needText);
        if (!texts.keySet().containsAll(needText)) {
            retrain(); // a labelled mention vanished between the two reads
            return;
        }
        TriageScratch s = TriageScratch.get();
        lock.writeLock().lock();
        try {
            Set<String> touched = new HashSet<>();
            for (PendingLabel p : pending) {
                touched.add(p.key());
            }
            for (String k : diff) {
                if (touched.contains(k)) {
                    continue; // a person labelled it again meanwhile; that call is newer than our read
                }
                Long to = truth.get(k);
                int n = 0;
                if (to != null) {
                    s.normalize(texts.get(k));
                    n = featurizer.extract(s);
                }
                apply(model, learned, k, s.feats, n, to, 1f, params.onlineRate(), s.classScores);
            }
            labelVersion++;
            stale = true;
            pending = null;
        } finally {
            lock.writeLock().unlock();
        }
        log.info("Classifier reconciled with the database: {} labels changed", diff.size());
        fitNow();
        changed();
    }

    /** Trains a fresh model from every labelled mention in the database, then swaps it in. */
    private void retrain() {
        LinearModel fresh = new LinearModel(featurizer.dimension());
        Map<String, LinearModel.Example> freshLabels = new HashMap<>();
        TriageScratch s = TriageScratch.get();
        int n = store.forEachLabelled(l -> {
            s.normalize(l.text());
            int f = featurizer.extract(s);
            apply(fresh, freshLabels, l.key(), s.feats, f, l.categoryId(), 1f, 0, s.classScores);
        });
        lock.writeLock().lock();
        try {
            List<PendingLabel> during = pending;
            model = fresh;
            learned = freshLabels;
            labelVersion++;
            stale = true;
            pending = null;
            replay(during);
        } finally {
            lock.writeLock().unlock();
        }
        fitNow();
        log.info("Classifier trained from {} labelled mentions", n);
        changed();
    }

    /** Re-applies labels given while a rebuild ran. Caller holds the write lock. */
    private void replay(List<PendingLabel> during) {
        if (during == null) {
            return;
        }
        TriageScratch s = TriageScratch.get();
        for (PendingLabel p : during) {
            s.normalize(p.text());
            int n = featurizer.extract(s);
            apply(model, learned, p.key(), s.feats, n, p.categoryId(), p.weight(), params.onlineRate(),
                    s.classScores);
        }
    }

    private void endPending() {
        lock.writeLock().lock();
        try {
            pending = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Marks the model changed and schedules a save a moment later (coalescing bursts of moves). */
    private void changed() {
        if (closed) {
            return;
        }
        dirty.set(true);
        if (store == null) {
            return;
        }
        synchronized (saveMonitor) {
            if (saveTask == null || saveTask.isDone()) {
                saveTask = scheduler.schedule(() -> io.execute(this::saveQuietly), SAVE_DELAY_MS,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (RuntimeException e) {
            log.warn("Could not save the classifier (it is re-derived from the assignments at start): {}",
                    e.toString());
        }
    }

    /** Saves the model now if it changed since the last save. Blocking (JDBC); never call it on the FX thread. */
    public void save() {
        if (store == null || !dirty.getAndSet(false)) {
            return;
        }
        byte[] data;
        int labels;
        lock.readLock().lock();
        try {
            data = encode(learned);
            labels = learned.size();
        } finally {
            lock.readLock().unlock();
        }
        try {
            store.save(MODEL_NAME, FORMAT, labels, data);
        } catch (RuntimeException e) {
            dirty.set(true);
            throw e;
        }
    }

    private record Decoded(Map<String, LinearModel.Example> labels) {}

    /**
     * The saved form: every label with its features (delta-coded), from which the weights are refitted at start in
     * milliseconds; saving the labels rather than the weights keeps a later fit exact and the blob small.
     */
    private byte[] encode(Map<String, LinearModel.Example> labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(featurizer.bits());
            out.writeInt(labels.size());
            for (Map.Entry<String, LinearModel.Example> e : labels.entrySet()) {
                LinearModel.Example x = e.getValue();
                out.writeUTF(e.getKey());
                out.writeLong(x.categoryId());
                out.writeFloat(x.weight());
                int[] f = x.feats().clone();
                java.util.Arrays.sort(f);
                writeVarInt(out, f.length);
                int last = 0;
                for (int v : f) {
                    writeVarInt(out, v - last);
                    last = v;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the classifier", e);
        }
        return bytes.toByteArray();
    }

    private Decoded decode(byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            if (in.readInt() != FORMAT || in.readInt() != featurizer.bits()) {
                throw new IOException("made by another version");
            }
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("corrupt label count");
            }
            int dim = featurizer.dimension();
            Map<String, LinearModel.Example> labels = new HashMap<>(Math.max(16, n * 2));
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                long category = in.readLong();
                float weight = in.readFloat();
                int count = readVarInt(in);
                if (count < 0 || count > 100_000 || !(weight >= 0 && weight <= 1)) {
                    throw new IOException("corrupt label " + i);
                }
                int[] f = new int[count];
                int v = 0;
                for (int j = 0; j < count; j++) {
                    v += readVarInt(in);
                    if (v < 0 || v >= dim) {
                        throw new IOException("corrupt feature");
                    }
                    f[j] = v;
                }
                labels.put(key, new LinearModel.Example(f, category, weight));
            }
            return new Decoded(labels);
        }
    }

    private static void writeVarInt(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("corrupt number");
    }

    /** A problem that kept the classifier from loading, or null. */
    public String problem() {
        return problem;
    }

    /** Regex evaluations given up on this thread because they exceeded their step budget (see {@link RuleSet}). */
    static long regexTimeoutsOnThisThread() {
        return TriageScratch.get().regexTimeouts;
    }

    /** Stops without saving, as a killed process would (tests of the recovery path). */
    void abandon() {
        closed = true;
        synchronized (saveMonitor) {
            if (saveTask != null) {
                saveTask.cancel(false);
            }
        }
        dirty.set(false);
    }

    /** Stops saving in the background and saves what changed (after waiting a bounded time for the startup load). */
    @Override
    public void close() {
        closed = true;
        synchronized (saveMonitor) {
            if (saveTask != null) {
                saveTask.cancel(false);
            }
        }
        if (store == null) {
            return;
        }
        startReconcile(); // a held one sees closed and only ends the collection
        try {
            ready.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("Closing before the classifier finished loading; it is re-derived at the next start");
            return;
        }
        saveQuietly();
    }
}
