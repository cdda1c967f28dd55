package org.crisisdesk.desk.composer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.RelativeTime;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.CoverageSummary;
import org.crisisdesk.notice.LinkCheck;
import org.crisisdesk.notice.LongForm;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeLint;
import org.crisisdesk.notice.NoticeRenderer;
import org.crisisdesk.notice.NoticeService;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.NoticeTimeline;
import org.crisisdesk.notice.NoticeTimes;
import org.crisisdesk.notice.Outbox;
import org.crisisdesk.notice.Stage;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.Template;
import org.crisisdesk.notice.Templates;
import org.crisisdesk.triage.Category;

/**
 * The composer's state: the facts a person types, the notice as it would be posted (recomputed on every keystroke;
 * rendering and counting are pure and fast), whether it may be posted, and what happened when it was. Database work
 * runs on {@code io}, posting on {@code poster} (the outbox's own thread). FX thread only.
 */
public final class ComposerViewModel {
    private final NoticeService notices;
    private final DeskContext ctx;
    private final Background io;
    private final Background poster;
    private final Path longFormDir;

    // what the person fills in
    private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    private final ObservableList<Category> categories = FXCollections.observableArrayList();
    private final StringProperty asOf = new SimpleStringProperty("");
    /**
     * The as-of follows the desk's clock (scenario time in the demo) until the person types one; posting takes the
     * minute it is posted in. "As of 11:11" on a notice posted at 11:43 was the as-of frozen when the composer opened.
     */
    private final BooleanProperty asOfLive = new SimpleBooleanProperty(true);
    private boolean settingAsOf;
    private final StringProperty department = new SimpleStringProperty("");
    private final BooleanProperty useStage = new SimpleBooleanProperty(true);
    private final IntegerProperty step = new SimpleIntegerProperty(1);
    private final IntegerProperty total = new SimpleIntegerProperty(4);
    private final StringProperty stageLabel = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty nextUpdate = new SimpleStringProperty("");
    private final StringProperty done = new SimpleStringProperty("");
    private final StringProperty next = new SimpleStringProperty("");
    private final StringProperty link = new SimpleStringProperty("");
    private final ObjectProperty<NoticeLang> lang = new SimpleObjectProperty<>(NoticeLang.KO);
    private final ObjectProperty<Template> template = new SimpleObjectProperty<>();
    private final ObservableList<Template> templates = FXCollections.observableArrayList();
    private final StringProperty templateBody = new SimpleStringProperty("");
    private final BooleanProperty split = new SimpleBooleanProperty(false);
    private final ObservableList<String> departments = FXCollections.observableArrayList();
    private final StringProperty markUrl = new SimpleStringProperty("");

    // what the desk shows back
    private final ObjectProperty<Composition> composition = new SimpleObjectProperty<>();
    private final StringProperty counter = new SimpleStringProperty("0/280");
    private final BooleanProperty over = new SimpleBooleanProperty(false);
    private final StringProperty fieldError = new SimpleStringProperty();
    private final StringProperty linkMessage = new SimpleStringProperty("");
    private final BooleanProperty linkInvalid = new SimpleBooleanProperty(false);
    private final StringProperty blockMessage = new SimpleStringProperty();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final BooleanProperty canPost = new SimpleBooleanProperty(false);
    private final BooleanProperty confirming = new SimpleBooleanProperty(false);
    private final StringProperty collision = new SimpleStringProperty("");
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    /** The collision check was done for this press of Post (and said nothing, or the person pressed again). */
    private boolean collisionAsked;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty previous = new SimpleStringProperty("");
    private final ObjectProperty<Outbox.Outcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty outcomeText = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final ObservableList<NoticeTimeline.Entry> timeline = FXCollections.observableArrayList();
    /** The category's notices a second person sent back (issue 22), in order. */
    private final ObservableList<NoticeTimeline.Decision> sentBack = FXCollections.observableArrayList();
    private final StringProperty progress = new SimpleStringProperty("");

    private final Map<NoticeLang, List<Template>> templatesByLang = new EnumMap<>(NoticeLang.class);
    private String sessionKey = UUID.randomUUID().toString();
    private Consumer<String> clipboard = s -> {};
    private java.util.function.Supplier<String> clipboardText = () -> null;
    /** The category's notice cadence (the alert rules' interval for its phase); null when it has none. */
    private java.util.function.LongFunction<Duration> cadence = id -> null;
    /** A load for the category is in flight: Ctrl+Enter waits for its prefill instead of posting a half-empty form. */
    private boolean loadPending;
    private boolean postWhenLoaded;
    private Consumer<Long> onPosted = id -> {};
    /** Who writes (issue 22): the author a second person's approval is asked for. */
    private java.util.function.Supplier<String> person = () -> null;
    private boolean loading;
    /**
     * Work in progress is kept as a DRAFT notice a moment after each edit, so a crash or a closed window loses nothing;
     * the composer reopens it for its category. Written on the poster's thread, in order with posting, so a draft
     * written just before a post can never outlive it.
     */
    private final javafx.animation.PauseTransition draftSave =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(DRAFT_DELAY_MS));
    static final int DRAFT_DELAY_MS = 1500;
    private Long draftId;

    public ComposerViewModel(NoticeService notices, DeskContext ctx, Background io, Background poster,
            Path longFormDir) {
        this.notices = notices;
        this.ctx = ctx;
        this.io = io;
        this.poster = poster;
        this.longFormDir = longFormDir;
        Observable[] inputs = {category, asOf, department, useStage, step, total, stageLabel, eta, nextUpdate, done,
            next, link, templateBody, split, busy};
        for (Observable o : inputs) {
            o.addListener(x -> recompute());
        }
        Observable[] edits = {department, useStage, step, total, stageLabel, eta, nextUpdate, done, next, link};
        for (Observable o : edits) {
            o.addListener(x -> {
                if (!loading) {
                    draftSave.playFromStart();
                }
            });
        }
        draftSave.setOnFinished(e -> keepDraft());
        lang.addListener((o, a, b) -> {
            if (!loading) {
                showTemplates(b, null);
            }
            recompute();
        });
        template.addListener((o, a, b) -> {
            if (b != null) {
                templateBody.set(b.body());
            }
        });
        category.addListener((o, a, b) -> {
            confirming.set(false);
            collisionAsked = false;
            collision.set("");
            if (b != null && !loading) {
                load(b);
            }
        });
        ctx.categories().addListener((MapChangeListener<Long, Category>) c -> refreshCategories());
        // the lint, link and block lines are words: a language switch says them again (issue #26)
        ctx.languageProperty().addListener((o, a, b) -> recompute());
        refreshCategories();
        asOf.addListener(x -> {
            if (!settingAsOf && !loading) {
                asOfLive.set(false); // typed by the person: theirs from now on
            }
        });
        ctx.minuteProperty().addListener((o, a, b) -> {
            if (asOfLive.get()) {
                setAsOfNow();
            } else {
                recompute(); // a typed as-of grows old: the check says so when it does
            }
        });
        setAsOfNow();
        recompute();
    }

    private void refreshCategories() {
        List<Category> l = new ArrayList<>(ctx.categories().values().stream().filter(c -> !c.archived()).toList());
        l.sort(Comparator.comparingInt(Category::position).thenComparingLong(Category::id));
        Category current = category.get();
        categories.setAll(l);
        if (current != null) {
            categories.stream().filter(c -> c.id() == current.id()).findFirst().ifPresent(category::set);
        }
    }

    // ---- opening ----

    private record Loaded(NoticeService.Prefill prefill, Map<NoticeLang, List<Template>> templates,
            List<String> departments, CoverageSummary summary, NoticeTimeline timeline, StoredNotice pending,
            StoredNotice draft, Duration cadence) {}

    /** Opens the composer for a category: counts, the previous notice, templates and departments, then prefills. */
    public void openFor(Category c) {
        if (c == null) {
            return;
        }
        if (category.get() != null && category.get().id() == c.id()) {
            load(c);
        } else {
            category.set(c);
        }
    }

    private void load(Category c) {
        loadPending = true;
        io.run(() -> {
            Map<NoticeLang, List<Template>> t = new EnumMap<>(NoticeLang.class);
            for (NoticeLang l : NoticeLang.values()) {
                t.put(l, notices.templates().list(l));
            }
            return new Loaded(notices.prefill(c.id()), t, notices.departments().active(),
                    notices.store().summary(c.id()), notices.timeline(c.id()),
                    notices.store().pending(c.id()).orElse(null), notices.store().draft(c.id()).orElse(null),
                    cadenceOf(c.id()));
        }).onSuccess(l -> {
            if (category.get() == null || category.get().id() != c.id()) {
                return; // another category was picked meanwhile
            }
            loadPending = false;
            apply(l);
            if (postWhenLoaded) {
                postWhenLoaded = false;
                post();
            }
        }).onFailure(e -> {
            loadPending = false;
            postWhenLoaded = false;
            info.set(ctx.t("composer.outcome.error", e.getMessage()));
        });
    }

    private Duration cadenceOf(long categoryId) {
        try {
            return cadence.apply(categoryId);
        } catch (RuntimeException e) {
            return null; // the prefill goes on without it
        }
    }

    private void apply(Loaded l) {
        loading = true;
        try {
            templatesByLang.clear();
            templatesByLang.putAll(l.templates());
            setCount(l.prefill().categoryId(), l.prefill().newSince());
            departments.setAll(l.departments());
            Instant now = ctx.clock().instant();
            asOfLive.set(true);
            setAsOfNow();
            StoredNotice prev = l.prefill().previous();
            Notice p = prev == null ? null : prev.notice();
            lang.set(p != null ? p.lang() : (ctx.i18n().korean() ? NoticeLang.KO : NoticeLang.EN));
            department.set(p != null && p.department() != null ? p.department() : "");
            Stage s = l.prefill().suggestedStage();
            if (s != null) {
                total.set(s.total());
                step.set(s.step());
                stageLabel.set(s.label());
                useStage.set(true);
            } else {
                total.set(4);
                step.set(1);
                stageLabel.set("");
            }
            // An ETA still ahead carries over: the team keeps its promise or says so.
            eta.set(p != null && p.eta() != null && p.eta().isAfter(now) ? hhmm(p.eta()) : "");
            // the next update the category's cadence rule asks for (its alert says "due" then): a promise kept
            // by the desk's own rhythm, not a number the person has to work out
            Duration every = l.cadence();
            boolean closing = s != null && s.isFinal();
            nextUpdate.set(every != null && !every.isZero() && !closing ? hhmm(now.plus(every)) : "");
            done.set("");
            next.set("");
            link.set(p != null && p.link() != null ? p.link() : "");
            showTemplates(lang.get(), s != null && s.isFinal() ? Templates.resolved(lang.get()).name() : null);
            summary.set(summaryText(l.summary(), now));
            previous.set(prev == null ? ctx.t("composer.previous.none") : ctx.t("composer.previous", describe(p)));
            sentBack.setAll(l.timeline().sentBack());
            timeline.setAll(l.timeline().entries());
            progress.set(l.timeline().isEmpty() ? "" : ctx.t("composer.timeline.progress", l.timeline().progress()));
            outcome.set(null);
            outcomeText.set("");
            info.set("");
            confirming.set(false);
            draftSave.stop();
            draftId = null;
            if (l.draft() != null) {
                restore(l.draft());
            }
        } finally {
            loading = false;
        }
        recompute();
        if (l.pending() != null) {
            show(pendingOutcome(l.pending()), false); // e.g. kept for hand posting before a restart
        }
    }

    /** The facts of the draft being written when the composer last closed, over the prefill. */
    private void restore(StoredNotice d) {
        Notice n = d.notice();
        draftId = d.id();
        lang.set(n.lang());
        department.set(n.department() == null ? "" : n.department());
        useStage.set(n.stage() != null);
        if (n.stage() != null) {
            total.set(n.stage().total());
            step.set(n.stage().step());
            stageLabel.set(n.stage().label());
        }
        eta.set(n.eta() == null ? "" : hhmm(n.eta()));
        nextUpdate.set(n.nextUpdate() == null ? "" : hhmm(n.nextUpdate()));
        done.set(n.doneLine() == null ? "" : n.doneLine());
        next.set(n.nextLine() == null ? "" : n.nextLine());
        link.set(n.link() == null ? "" : n.link());
        showTemplates(lang.get(), d.templateName());
        info.set(ctx.t("composer.draft.restored", d.updatedAt() == null ? "" : hhmm(d.updatedAt())));
    }

    private void keepDraft() {
        Composition c = composition.get();
        Category cat = category.get();
        if (c == null || cat == null || c.notice() == null || c.notice().asOf() == null || busy.get()
                || c.text() == null || c.text().isBlank()) {
            return;
        }
        Template t = template.get();
        Long id = draftId;
        long categoryId = cat.id();
        String who = person.get();
        poster.run(() -> notices.outbox().keepDraft(id, c.notice(), c.parts(), t == null ? null : t.name(), who))
                .onSuccess(d -> {
                    if (category.get() != null && category.get().id() == categoryId) {
                        draftId = d.id();
                    }
                }).onFailure(e -> info.set(ctx.t("composer.outcome.error", e.getMessage())));
    }

    private static Outbox.Outcome pendingOutcome(StoredNotice n) {
        Outbox.Outcome.Kind kind = switch (n.state()) {
            case QUEUED -> Outbox.Outcome.Kind.RETRY_SCHEDULED;
            case POSTING -> Outbox.Outcome.Kind.IN_PROGRESS;
            case AWAITING_APPROVAL -> Outbox.Outcome.Kind.AWAITING_APPROVAL;
            default -> n.failureKind() == StoredNotice.FailureKind.NOT_CONNECTED ? Outbox.Outcome.Kind.NOT_CONNECTED
                    : Outbox.Outcome.Kind.FAILED;
        };
        return new Outbox.Outcome(kind, n, "pending");
    }

    private void showTemplates(NoticeLang l, String preferred) {
        List<Template> list = templatesByLang.getOrDefault(l, Templates.builtIn(l));
        templates.setAll(list);
        String want = preferred != null ? preferred : Templates.standard(l).name();
        template.set(list.stream().filter(t -> t.name().equals(want)).findFirst()
                .orElse(list.isEmpty() ? Templates.standard(l) : list.get(0)));
    }

    /** "마지막 안내 14:00 (23분 전) · 이후 새 문의 41건", also for a board column. */
    public static String summaryText(DeskContext ctx, CoverageSummary s, Instant now) {
        if (s == null || !s.hasNotice()) {
            return ctx.t("composer.summary.none", s == null ? 0 : s.newSince());
        }
        // the posting time, as the column and the alerts say it (NoticeCountsStore)
        return ctx.t("composer.summary.last", NoticeTimes.clock(s.lastPostedAt(), ctx.zone()),
                RelativeTime.relative(ctx.i18n(), s.lastPostedAt(), now, ctx.zone()), s.newSince());
    }

    private String summaryText(CoverageSummary s, Instant now) {
        return summaryText(ctx, s, now);
    }

    String describe(Notice n) {
        List<String> bits = new ArrayList<>();
        if (n.asOf() != null) {
            bits.add(NoticeTimes.clock(n.asOf(), ctx.zone()));
        }
        if (n.department() != null) {
            bits.add(n.department());
        }
        if (n.stage() != null) {
            bits.add(n.stage().toString());
        }
        if (n.eta() != null) {
            bits.add(ctx.t("composer.timeline.eta", NoticeTimes.relative(n.eta(), n.asOf(), ctx.zone(), n.lang())));
        }
        return String.join(" · ", bits);
    }

    private String hhmm(Instant t) {
        return NoticeTimes.clock(t, ctx.zone());
    }

    /** The as-of set to the clock's current minute, as the program (the person's edits turn the following off). */
    private void setAsOfNow() {
        settingAsOf = true;
        try {
            asOf.set(NoticeTimes.clock(ctx.clock().instant(), ctx.zone()));
        } finally {
            settingAsOf = false;
        }
    }

    /** Back to following the clock after the person set an as-of. */
    public void followClock() {
        asOfLive.set(true);
        setAsOfNow();
    }

    // ---- the live preview ----

    private void recompute() {
        if (loading) {
            return;
        }
        Instant now = ctx.clock().instant();
        ZoneId zone = ctx.zone();
        String error = null;
        Instant asOfAt = null;
        Instant etaAt = null;
        Instant nextAt = null;
        try {
            asOfAt = NoticeTimes.parseAsOf(asOf.get(), now, zone);
        } catch (IllegalArgumentException e) {
            error = ctx.t("composer.asOf") + ": " + e.getMessage();
        }
        Instant base = asOfAt != null ? asOfAt : now;
        try {
            etaAt = NoticeTimes.parseLater(eta.get(), base, zone);
        } catch (IllegalArgumentException e) {
            error = ctx.t("composer.eta") + ": " + e.getMessage();
        }
        try {
            nextAt = NoticeTimes.parseLater(nextUpdate.get(), base, zone);
        } catch (IllegalArgumentException e) {
            error = ctx.t("composer.nextUpdate") + ": " + e.getMessage();
        }
        Stage stage = null;
        if (useStage.get()) {
            try {
                stage = new Stage(Math.min(step.get(), total.get()), total.get(), stageLabel.get());
            } catch (IllegalArgumentException e) {
                error = ctx.t("composer.stage") + ": " + e.getMessage();
            }
        }
        fieldError.set(error);
        Category c = category.get();
        Notice facts = new Notice(c == null ? null : c.id(), c == null ? "" : c.name(), asOfAt, department.get(), stage,
                etaAt, nextAt, done.get(), next.get(), link.get(), lang.get(), countFor(c), null);
        Composition comp = NoticeService.compose(facts, templateBody.get(), split.get(), zone, now);
        composition.set(comp);
        counter.set(comp.measure().counter());
        over.set(comp.measure().overLimit());
        LinkCheck lc = comp.link();
        linkInvalid.set(!lc.usable());
        linkMessage.set(switch (lc.status()) {
            case EMPTY -> ctx.t("composer.link.EMPTY");
            case OK -> ctx.t("composer.link.OK", lc.finalUrl());
            case HTTP -> ctx.t("composer.link.HTTP", lc.finalUrl());
            case INVALID -> ctx.t("composer.link.INVALID", lc.message());
        });
        List<String> w = new ArrayList<>();
        for (NoticeLint.Warning x : comp.warnings()) {
            w.add(x == NoticeLint.Warning.STALE_AS_OF
                    ? ctx.t("composer.warn.STALE_AS_OF", asOf.get().strip(), Duration.between(asOfAt, now).toMinutes())
                    : ctx.t("composer.warn." + x.name()));
        }
        warnings.setAll(w);
        if (!w.isEmpty() && confirming.get() && w.size() != confirmedCount) {
            confirming.set(false);
        }
        String block = null;
        if (comp.block() == Composition.Block.TEMPLATE_INVALID) {
            block = ctx.t("composer.block.TEMPLATE_INVALID", String.join(" ", NoticeRenderer.problems(templateBody.get())));
        } else if (comp.block() != null) {
            block = ctx.t("composer.block." + comp.block().name());
        } else if (error != null) {
            block = error;
        }
        blockMessage.set(block);
        canPost.set(block == null && !busy.get());
    }

    private long lastCount;
    private long lastCountCategory = -1;
    private int confirmedCount = -1;

    private long countFor(Category c) {
        if (c == null) {
            return 0;
        }
        return c.id() == lastCountCategory ? lastCount : 0;
    }

    // ---- posting ----

    /** Ctrl+Enter / the Post button: asks once when the says-something check warns, then posts in the background. */
    public void post() {
        if (loadPending) {
            postWhenLoaded = true; // Ctrl+Enter right after "Write notice": post the prefilled notice once it is there
            return;
        }
        if (asOfLive.get()) {
            setAsOfNow(); // the minute it goes out
        }
        recompute();
        if (!canPost.get()) {
            return;
        }
        if (!collisionAsked) {
            askCollision(); // posts on (or asks first) once the check is back
            return;
        }
        if (!warnings.isEmpty() && !confirming.get()) {
            confirming.set(true);
            confirmedCount = warnings.size();
            return;
        }
        confirming.set(false);
        collisionAsked = false;
        collision.set("");
        Composition c = composition.get();
        Template t = template.get();
        String templateName = t == null ? null : t.name();
        // One composing session, one text: a double click finds the same notice; an edited text is a new one.
        String key = sessionKey + ":" + c.notice().asOf() + ":"
                + Integer.toHexString(String.join("\u0000", c.parts()).hashCode());
        String dept = c.notice().department();
        busy.set(true);
        outcomeText.set(ctx.t("composer.posting"));
        draftSave.stop();
        Long draft = draftId;
        draftId = null;
        poster.run(() -> {
            if (dept != null && !departments.contains(dept)) {
                notices.departments().add(dept);
            }
            StoredNotice n = notices.outbox().queue(c.notice(), c.parts(), key, templateName, person.get());
            if (draft != null) {
                notices.store().deleteDraft(draft); // it is the queued notice now
            }
            return notices.outbox().post(n.id());
        }).onSuccess(o -> {
            busy.set(false);
            show(o);
        }).onFailure(e -> {
            busy.set(false);
            outcomeText.set(ctx.t("composer.outcome.error", e.getMessage()));
        });
    }

    /** Back to editing after the warnings (or after "someone else is writing"). */
    public void cancelConfirm() {
        confirming.set(false);
        collisionAsked = false;
        collision.set("");
    }

    /**
     * Issue 22: before posting, whether the category got another notice in the last minutes (team setting) or someone
     * else is writing on it; if so this is said (with the other notice's text) and the next Ctrl+Enter posts anyway.
     */
    private void askCollision() {
        Category cat = category.get();
        if (cat == null) {
            return;
        }
        Instant now = ctx.clock().instant();
        busy.set(true);
        io.run(() -> notices.writing().collision(notices.store(), cat.id(), now)).onSuccess(col -> {
            busy.set(false);
            collisionAsked = true;
            if (col.any()) {
                collision.set(collisionText(col, now));
            } else {
                post();
            }
        }).onFailure(e -> {
            busy.set(false);
            collisionAsked = true; // the check is a courtesy: a database hiccup must not stop a notice
            post();
        });
    }

    private String collisionText(org.crisisdesk.notice.WritingStore.Collision col, Instant now) {
        List<String> lines = new ArrayList<>();
        if (!col.writers().isEmpty()) {
            lines.add(ctx.t("composer.collision.writing", String.join(", ", col.writers().stream()
                    .map(org.crisisdesk.notice.WritingStore.Writing::person).distinct().toList())));
        }
        if (col.recent() != null) {
            StoredNotice r = col.recent();
            Instant at = r.postedAt() != null ? r.postedAt() : r.createdAt();
            long min = at == null ? 0 : Math.max(0, Duration.between(at, now).toMinutes());
            lines.add(ctx.t("composer.collision.recent", min, r.notice().text()));
        }
        lines.add(ctx.t("composer.collision.ask"));
        return String.join("\n", lines);
    }

    /** Why posting asks first (issue 22), or empty. */
    public StringProperty collisionProperty() {
        return collision;
    }

    /** Whether the composer tab shows (issue 22: other desks see "민지 is writing a notice" while it does). */
    public BooleanProperty openProperty() {
        return open;
    }

    /** Tries a queued or failed notice again now (the outbox checks the account first when it may be out). */
    public void retry() {
        Outbox.Outcome o = outcome.get();
        if (o == null) {
            return;
        }
        long id = o.notice().id();
        busy.set(true);
        poster.run(() -> notices.outbox().post(id)).onSuccess(r -> {
            busy.set(false);
            show(r);
        }).onFailure(e -> {
            busy.set(false);
            outcomeText.set(ctx.t("composer.outcome.error", e.getMessage()));
        });
    }

    /**
     * Records the current notice as posted by hand, with the URL typed in; with none typed, the post's URL copied to
     * the clipboard (the person copies it from the browser after posting: one click here instead of a paste and a
     * click).
     */
    public void markPosted() {
        Outbox.Outcome o = outcome.get();
        if (o == null) {
            return;
        }
        long id = o.notice().id();
        String url = markUrl.get() == null ? "" : markUrl.get().strip();
        if (url.isEmpty()) {
            url = postUrl(clipboardText.get());
            if (url == null) {
                info.set(ctx.t("composer.markPosted.noUrl"));
                return;
            }
            markUrl.set(url);
        }
        String posted = url;
        busy.set(true);
        poster.run(() -> notices.outbox().markPostedByHand(id, posted)).onSuccess(n -> {
            busy.set(false);
            markUrl.set("");
            show(new Outbox.Outcome(Outbox.Outcome.Kind.POSTED, n, "manual"));
        }).onFailure(e -> {
            busy.set(false);
            info.set(ctx.t("composer.outcome.error", e.getMessage()));
        });
    }

    private void show(Outbox.Outcome o) {
        show(o, true);
    }

    private void show(Outbox.Outcome o, boolean copyWhenKept) {
        outcome.set(o);
        StoredNotice n = o.notice();
        outcomeText.set(switch (o.kind()) {
            case POSTED, ALREADY_POSTED -> ctx.t("MANUAL".equals(n.postedBy()) ? "composer.outcome.MANUAL"
                    : "RECONCILED".equals(n.postedBy()) ? "composer.outcome.RECONCILED" : "composer.outcome.POSTED",
                    n.postedAt() == null ? "" : hhmm(n.postedAt()));
            case RETRY_SCHEDULED -> ctx.t("composer.outcome.RETRY_SCHEDULED", n.failure() == null ? "" : n.failure(),
                    n.nextAttemptAt() == null ? "" : hhmmWall(n.nextAttemptAt()));
            case IN_PROGRESS -> ctx.t("composer.outcome.IN_PROGRESS");
            case NOT_CONNECTED -> ctx.t("composer.outcome.NOT_CONNECTED");
            case AWAITING_APPROVAL -> ctx.t("composer.outcome.AWAITING_APPROVAL");
            case FAILED -> ctx.t(n.failureKind() == StoredNotice.FailureKind.SENT_BACK ? "composer.outcome.SENT_BACK"
                    : "composer.outcome.FAILED", n.failure() == null ? "" : n.failure());
        });
        if (copyWhenKept && (o.kind() == Outbox.Outcome.Kind.NOT_CONNECTED
                || (n.failureKind() == StoredNotice.FailureKind.NOT_CONNECTED && !o.posted()))) {
            clipboard.accept(n.thread() ? String.join("\n\n", n.partTexts()) : n.notice().text());
        }
        if (o.posted()) {
            sessionKey = UUID.randomUUID().toString();
            onPosted.accept(n.id());
            Category c = category.get();
            if (c != null) {
                refreshHistory(c);
            }
        }
    }

    /** A post's URL in what was copied ("https://x.com/desk/status/123…"), or null when it holds none. */
    static String postUrl(String copied) {
        if (copied == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("https://(?:www\\.|mobile\\.)?(?:x|twitter)\\.com/\\w+/status(?:es)?/\\d+\\S*")
                .matcher(copied.strip());
        return m.find() ? m.group() : null;
    }

    /** Wall-clock times (retries) shown in the desk's zone. */
    private String hhmmWall(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(t.atZone(ctx.zone()));
    }

    private void refreshHistory(Category c) {
        io.run(() -> new Object[] {notices.store().summary(c.id()), notices.timeline(c.id()),
            notices.departments().active()}).onSuccess(r -> {
            if (category.get() == null || category.get().id() != c.id()) {
                return;
            }
            CoverageSummary s = (CoverageSummary) r[0];
            NoticeTimeline t = (NoticeTimeline) r[1];
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) r[2];
            if (!names.equals(departments)) {
                String typed = department.get();
                departments.setAll(names);
                department.set(typed); // an editable combo box may clear its editor when its items change
            }
            lastCountCategory = c.id();
            lastCount = s.newSince();
            summary.set(summaryText(s, ctx.clock().instant()));
            sentBack.setAll(t.sentBack());
            timeline.setAll(t.entries());
            progress.set(t.isEmpty() ? "" : ctx.t("composer.timeline.progress", t.progress()));
            recompute();
        });
    }

    /** The outbox worked on its own (retry timer, recovery): show news about the notice on screen. */
    public void outboxChanged(List<Outbox.Outcome> outcomes) {
        Outbox.Outcome mine = outcome.get();
        for (Outbox.Outcome o : outcomes) {
            if (mine != null && o.notice().id() == mine.notice().id()) {
                show(o);
            }
        }
        Category c = category.get();
        if (c != null && !outcomes.isEmpty()) {
            refreshHistory(c);
        }
    }

    /** Another desk queued, posted or marked a notice (issue 21): the open category's timeline is read again. */
    public void noticesChanged() {
        Category c = category.get();
        if (c != null) {
            refreshHistory(c);
        }
    }

    // ---- templates, departments, clipboard, long form ----

    public void copyText() {
        Composition c = composition.get();
        if (c != null && !c.text().isEmpty()) {
            clipboard.accept(c.thread() ? String.join("\n\n", c.parts()) : c.text());
            info.set(ctx.t("composer.copied"));
        }
    }

    public void saveTemplate() {
        Template t = template.get();
        if (t == null) {
            return;
        }
        NoticeLang l = t.lang();
        String name = t.name();
        String body = templateBody.get();
        io.run(() -> {
            notices.templates().save(l, name, body);
            return notices.templates().list(l);
        }).onSuccess(list -> {
            templatesByLang.put(l, list);
            if (lang.get() == l) {
                showTemplates(l, name);
            }
            info.set(ctx.t("composer.template.saved"));
        }).onFailure(e -> info.set(ctx.t("composer.outcome.error", e.getMessage())));
    }

    public void resetTemplate() {
        Template t = template.get();
        if (t == null) {
            return;
        }
        Templates.builtIn(t.lang(), t.name()).ifPresent(shipped -> templateBody.set(shipped.body()));
    }

    public void removeDepartment(String name) {
        io.run(() -> {
            notices.departments().remove(name);
            return notices.departments().active();
        }).onSuccess(departments::setAll);
    }

    /** Saves the category's long-form notice (both formats) and puts one of them on the clipboard. */
    public void longForm(boolean html) {
        Category c = category.get();
        if (c == null) {
            return;
        }
        NoticeLang l = lang.get();
        ZoneId zone = ctx.zone();
        Instant now = ctx.clock().instant();
        io.run(() -> {
            NoticeTimeline t = notices.timeline(c.id());
            LongForm.Document d = LongForm.render(c.name(), t, List.of(), l, zone, now);
            Instant at = t.isEmpty() || t.latest().facts().asOf() == null ? now : t.latest().facts().asOf();
            List<Path> files = LongForm.save(longFormDir, c.id(), at, zone, d);
            return new Object[] {d, files};
        }).onSuccess(r -> {
            LongForm.Document d = (LongForm.Document) r[0];
            @SuppressWarnings("unchecked")
            List<Path> files = (List<Path>) r[1];
            clipboard.accept(html ? d.html() : d.markdown());
            info.set(ctx.t("composer.longform.saved", files.get(html ? 1 : 0).toString()));
        }).onFailure(e -> info.set(ctx.t("composer.outcome.error", e.getMessage())));
    }

    /** Sets ETA or next update to as-of plus some hours, rounded to the minute. */
    public void plusHours(StringProperty field, int hours) {
        Instant base;
        try {
            base = NoticeTimes.parseAsOf(asOf.get(), ctx.clock().instant(), ctx.zone());
        } catch (IllegalArgumentException e) {
            base = null;
        }
        Instant from = base != null ? base : ctx.clock().instant();
        field.set(hhmm(from.plus(Duration.ofHours(hours))));
    }

    void setCount(long categoryId, long count) {
        lastCountCategory = categoryId;
        lastCount = count;
    }

    // ---- wiring and properties ----

    public void setClipboard(Consumer<String> action) {
        this.clipboard = action;
    }

    /** Where "mark as posted" reads a copied URL from (the system clipboard in the desk). FX thread. */
    public void setClipboardReader(java.util.function.Supplier<String> reader) {
        this.clipboardText = reader;
    }

    /** The category's notice cadence, asked off the FX thread when the composer opens a category. */
    public void setCadence(java.util.function.LongFunction<Duration> cadence) {
        this.cadence = cadence;
    }

    /** Who is writing: the author recorded when a notice waits for approval (read on the poster's thread). */
    public void setPerson(java.util.function.Supplier<String> person) {
        this.person = person;
    }

    /**
     * Another desk changed a notice (approved, sent back, posted it): when it is the one this composer shows, its new
     * state is shown at once, the decision's comment with it.
     */
    public void noticeChanged(java.util.Collection<Long> ids) {
        Outbox.Outcome mine = outcome.get();
        if (mine == null || !ids.contains(mine.notice().id())) {
            return;
        }
        long id = mine.notice().id();
        io.run(() -> notices.store().find(id).orElse(null)).onSuccess(n -> {
            Outbox.Outcome now = outcome.get();
            if (n == null || now == null || now.notice().id() != id) {
                return;
            }
            show(n.state() == NoticeState.POSTED ? new Outbox.Outcome(Outbox.Outcome.Kind.POSTED, n, "elsewhere")
                    : pendingOutcome(n), false);
        });
    }

    /** Called on the FX thread with the id of each notice this composer saw posted. */
    public void setOnPosted(Consumer<Long> action) {
        this.onPosted = action;
    }

    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public ObservableList<Category> categories() {
        return categories;
    }

    public StringProperty asOfProperty() {
        return asOf;
    }

    /** True while the as-of follows the clock; false once the person typed one. */
    public BooleanProperty asOfLiveProperty() {
        return asOfLive;
    }

    public StringProperty departmentProperty() {
        return department;
    }

    public BooleanProperty useStageProperty() {
        return useStage;
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public StringProperty stageLabelProperty() {
        return stageLabel;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    public StringProperty nextUpdateProperty() {
        return nextUpdate;
    }

    public StringProperty doneProperty() {
        return done;
    }

    public StringProperty nextProperty() {
        return next;
    }

    public StringProperty linkProperty() {
        return link;
    }

    public ObjectProperty<NoticeLang> langProperty() {
        return lang;
    }

    public ObjectProperty<Template> templateProperty() {
        return template;
    }

    public ObservableList<Template> templates() {
        return templates;
    }

    public StringProperty templateBodyProperty() {
        return templateBody;
    }

    public BooleanProperty splitProperty() {
        return split;
    }

    public ObservableList<String> departments() {
        return departments;
    }

    public StringProperty markUrlProperty() {
        return markUrl;
    }

    public ObjectProperty<Composition> compositionProperty() {
        return composition;
    }

    public StringProperty counterProperty() {
        return counter;
    }

    public BooleanProperty overProperty() {
        return over;
    }

    public StringProperty linkMessageProperty() {
        return linkMessage;
    }

    public BooleanProperty linkInvalidProperty() {
        return linkInvalid;
    }

    public StringProperty blockMessageProperty() {
        return blockMessage;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    public BooleanProperty canPostProperty() {
        return canPost;
    }

    public BooleanProperty confirmingProperty() {
        return confirming;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty previousProperty() {
        return previous;
    }

    public ObjectProperty<Outbox.Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty outcomeTextProperty() {
        return outcomeText;
    }

    public StringProperty infoProperty() {
        return info;
    }

    public ObservableList<NoticeTimeline.Entry> timeline() {
        return timeline;
    }

    /** Set just before {@link #timeline()} on every read, so a listener on the timeline sees both. */
    public ObservableList<NoticeTimeline.Decision> sentBack() {
        return sentBack;
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public DeskContext context() {
        return ctx;
    }
}
