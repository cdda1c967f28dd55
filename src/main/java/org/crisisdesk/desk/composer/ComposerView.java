package org.crisisdesk.desk.composer;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.StringConverter;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.notice.Composition;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeTimeline;
import org.crisisdesk.notice.NoticeTimes;
import org.crisisdesk.notice.Outbox;
import org.crisisdesk.notice.Template;
import org.crisisdesk.notice.WeightedLength;
import org.crisisdesk.triage.Category;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notice composer: facts on top, the live preview exactly as posted with its weighted count, the says-something
 * warnings, Post (Ctrl+Enter), the outcome, and the category's notice history. Builds nodes and binds them to the
 * {@link ComposerViewModel}; holds no state of its own.
 */
public final class ComposerView extends BorderPane {
    private static final Logger log = LoggerFactory.getLogger(ComposerView.class);
    /**
     * The narrowest the composer is laid out for: every label, number and button whole at 1366x768 (issue #26). The
     * main window widens its side pane to this when the composer shows.
     */
    public static final double MIN_WIDTH = 430;

    private final DeskContext ctx;
    private final ComposerViewModel vm;
    private final ComboBox<Category> categoryBox = new ComboBox<>();
    private final VBox preview = new VBox(8);
    private final ScrollPane scroll = org.crisisdesk.desk.kit.LiveScroll.uncached(new ScrollPane());
    private Consumer<String> openLink = url -> {};

    public ComposerView(ComposerViewModel vm) {
        this.vm = vm;
        this.ctx = vm.context();
        setId("composer");
        getStyleClass().add("composer");
        setMinWidth(MIN_WIDTH);
        vm.setClipboard(ComposerView::copy);
        vm.setClipboardReader(ComposerView::pasted);

        // The facts scroll; the preview, its counter and Post stay in view whatever field is being typed in.
        VBox form = new VBox(10, header(), new Separator(), facts(), templateEditor(), new Separator(),
                timelineSection());
        form.setPadding(new Insets(12));
        scroll.setContent(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("composer-scroll");
        setCenter(scroll);
        VBox bottom = new VBox(previewSection(), actions());
        bottom.getStyleClass().add("composer-bottom");
        setBottom(bottom);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((x, before, focused) -> reveal(focused));
            }
        });

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.post();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && (vm.confirmingProperty().get()
                    || !vm.collisionProperty().get().isEmpty())) {
                vm.cancelConfirm();
                e.consume();
            }
        });
    }

    public void setOpenLink(Consumer<String> action) {
        this.openLink = action;
    }

    /** Moves the keyboard to the first field that needs a person (the category when none is picked). */
    public void focusFirstField() {
        if (vm.categoryProperty().get() == null) {
            categoryBox.requestFocus();
        } else {
            lookupField("#composer-department").ifPresent(Node::requestFocus);
        }
    }

    /** Scrolls the form so that {@code node} (a field inside it) is in view; other nodes are left alone. */
    public void reveal(Node node) {
        Node content = scroll.getContent();
        if (node == null || content == null) {
            return;
        }
        for (Node p = node; p != null; p = p.getParent()) {
            if (p == content) {
                javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double viewport = scroll.getViewportBounds().getHeight();
                double height = content.getBoundsInLocal().getHeight();
                if (height <= viewport) {
                    return;
                }
                double top = scroll.getVvalue() * (height - viewport);
                if (b.getMinY() < top) {
                    scroll.setVvalue(Math.max(0, (b.getMinY() - 8) / (height - viewport)));
                } else if (b.getMaxY() > top + viewport) {
                    scroll.setVvalue(Math.min(1, (b.getMaxY() + 8 - viewport) / (height - viewport)));
                }
                return;
            }
        }
    }

    private java.util.Optional<Node> lookupField(String id) {
        return java.util.Optional.ofNullable(lookup(id));
    }

    // ---- sections ----

    private Node header() {
        Label title = new Label(ctx.t("composer.title"), Icons.of("mdi2b-bullhorn-outline"));
        title.getStyleClass().add("pane-title");
        categoryBox.setId("composer-category");
        categoryBox.setPromptText(ctx.t("composer.category.prompt"));
        categoryBox.setItems(vm.categories());
        categoryBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Category c) {
                return c == null ? "" : c.name();
            }

            @Override
            public Category fromString(String s) {
                return null;
            }
        });
        categoryBox.valueProperty().bindBidirectional(vm.categoryProperty());
        categoryBox.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(categoryBox, Priority.ALWAYS);
        Label owner = new Label(); // issue 22: who owns the category ("담당 민지")
        owner.setId("composer-owner");
        owner.getStyleClass().add("mention-time");
        owner.setMinWidth(Region.USE_PREF_SIZE);
        owner.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Category c = vm.categoryProperty().get();
            String h = c == null ? null : ctx.owners().get(c.id());
            return h == null ? "" : ctx.t("people.composer.owner", h);
        }, vm.categoryProperty(), ctx.owners()));
        HBox pick = new HBox(8, label("composer.category"), categoryBox, owner);
        pick.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("composer-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("composer-summary");
        summary.setWrapText(true);
        Label previous = new Label();
        previous.setId("composer-previous");
        previous.textProperty().bind(vm.previousProperty());
        previous.getStyleClass().add("mention-time");
        previous.setWrapText(true);
        return new VBox(6, title, pick, summary, previous);
    }

    private Node facts() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        int row = 0;

        TextField asOf = field("composer-asof", vm.asOfProperty(), "composer.asOf.prompt");
        asOf.setPrefColumnCount(6);
        asOf.setMinWidth(70);
        Label live = new Label(ctx.t("composer.asOf.live"));
        live.setId("composer-asof-live");
        live.getStyleClass().add("composer-hint");
        live.setMinWidth(Region.USE_PREF_SIZE);
        live.visibleProperty().bind(vm.asOfLiveProperty());
        live.managedProperty().bind(live.visibleProperty());
        Button follow = new Button(ctx.t("composer.asOf.follow"), Icons.of("mdi2r-refresh"));
        follow.setId("composer-asof-follow");
        follow.getStyleClass().add("small");
        follow.setMinWidth(Region.USE_PREF_SIZE);
        follow.setFocusTraversable(false);
        follow.setOnAction(e -> vm.followClock());
        follow.visibleProperty().bind(vm.asOfLiveProperty().not());
        follow.managedProperty().bind(follow.visibleProperty());
        HBox asOfRow = new HBox(6, asOf, live, follow);
        asOfRow.setAlignment(Pos.CENTER_LEFT);
        g.addRow(row++, label("composer.asOf"), asOfRow);

        ComboBox<String> dept = new ComboBox<>(vm.departments());
        dept.setId("composer-department");
        dept.setEditable(true);
        dept.setPromptText(ctx.t("composer.department.prompt"));
        dept.getEditor().textProperty().bindBidirectional(vm.departmentProperty());
        dept.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(dept, Priority.ALWAYS);
        Button removeDept = new Button(null, Icons.of("mdi2c-close"));
        removeDept.setId("composer-department-remove");
        removeDept.setTooltip(new Tooltip(ctx.t("composer.department.remove")));
        removeDept.getStyleClass().add("flat");
        removeDept.setFocusTraversable(false);
        removeDept.setOnAction(e -> {
            String d = vm.departmentProperty().get();
            if (d != null && vm.departments().contains(d)) {
                vm.removeDepartment(d);
            }
        });
        g.addRow(row++, label("composer.department"), new HBox(4, dept, removeDept));

        CheckBox useStage = new CheckBox(ctx.t("composer.stage.use"));
        useStage.setId("composer-use-stage");
        useStage.selectedProperty().bindBidirectional(vm.useStageProperty());
        useStage.setMinWidth(Region.USE_PREF_SIZE);
        Spinner<Integer> step = spinner("composer-step", 1, 99, vm.stepProperty());
        Spinner<Integer> total = spinner("composer-total", 1, 99, vm.totalProperty());
        TextField stageLabel = field("composer-stage-label", vm.stageLabelProperty(), "composer.stage.label.prompt");
        stageLabel.setMaxWidth(Double.MAX_VALUE);
        Label of = new Label(ctx.t("composer.stage.of"));
        of.setMinWidth(Region.USE_PREF_SIZE);
        // the numbers on one line (never squeezed), the stage's name on its own below
        HBox numbers = new HBox(6, step, of, total);
        numbers.setAlignment(Pos.CENTER_LEFT);
        numbers.disableProperty().bind(vm.useStageProperty().not());
        stageLabel.disableProperty().bind(vm.useStageProperty().not());
        HBox stageTop = new HBox(12, numbers, useStage);
        stageTop.setAlignment(Pos.CENTER_LEFT);
        g.addRow(row++, label("composer.stage"), new VBox(6, stageTop, stageLabel));

        g.addRow(row++, label("composer.eta"), timeRow("composer-eta", vm.etaProperty()));
        g.addRow(row++, label("composer.nextUpdate"), timeRow("composer-next-update", vm.nextUpdateProperty()));
        g.addRow(row++, label("composer.done"), field("composer-done", vm.doneProperty(), "composer.done.prompt"));
        g.addRow(row++, label("composer.next"), field("composer-next", vm.nextProperty(), "composer.next.prompt"));

        TextField link = field("composer-link", vm.linkProperty(), "composer.link.prompt");
        Label linkStatus = new Label();
        linkStatus.setId("composer-link-status");
        linkStatus.textProperty().bind(vm.linkMessageProperty());
        linkStatus.setWrapText(true);
        linkStatus.getStyleClass().add("composer-hint");
        vm.linkInvalidProperty().addListener((o, a, bad) -> mark(linkStatus, "invalid", bad));
        vm.linkInvalidProperty().addListener((o, a, bad) -> mark(link, "field-invalid", bad));
        mark(linkStatus, "invalid", vm.linkInvalidProperty().get());
        g.addRow(row++, label("composer.link"), new VBox(4, link, linkStatus));
        g.addRow(row++, label("composer.lang"), languageToggle());
        g.addRow(row, label("composer.template"), templateChoice());
        return g;
    }

    private Node languageToggle() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton ko = new ToggleButton("한국어");
        ko.setId("composer-lang-ko");
        ToggleButton en = new ToggleButton("English");
        en.setId("composer-lang-en");
        ko.setToggleGroup(group);
        en.setToggleGroup(group);
        ko.getStyleClass().add("left-pill");
        en.getStyleClass().add("right-pill");
        Runnable sync = () -> group.selectToggle(vm.langProperty().get() == NoticeLang.EN ? en : ko);
        sync.run();
        vm.langProperty().addListener((o, a, b) -> sync.run());
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                sync.run(); // one of the two is always on
            } else {
                vm.langProperty().set(b == en ? NoticeLang.EN : NoticeLang.KO);
            }
        });
        ko.setMinWidth(Region.USE_PREF_SIZE);
        en.setMinWidth(Region.USE_PREF_SIZE);
        HBox pills = new HBox(ko, en);
        pills.setAlignment(Pos.CENTER_LEFT);
        return pills;
    }

    private Node templateChoice() {
        ChoiceBox<Template> choice = new ChoiceBox<>(vm.templates());
        choice.setId("composer-template");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Template t) {
                return t == null ? "" : t.name();
            }

            @Override
            public Template fromString(String s) {
                return null;
            }
        });
        choice.valueProperty().bindBidirectional(vm.templateProperty());
        choice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(choice, Priority.ALWAYS);
        // an icon with its words in the tooltip: the row stays whole beside the template's name
        ToggleButton edit = new ToggleButton(null, Icons.of("mdi2p-pencil"));
        edit.setId("composer-template-edit");
        edit.setTooltip(new Tooltip(ctx.t("composer.template.edit")));
        edit.setAccessibleText(ctx.t("composer.template.edit"));
        edit.setMinWidth(Region.USE_PREF_SIZE);
        editing = edit;
        HBox row = new HBox(6, choice, edit);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private ToggleButton editing;

    private Node templateEditor() {
        TextArea body = new TextArea();
        body.setId("composer-template-body");
        body.setWrapText(true);
        body.setPrefRowCount(5);
        body.textProperty().bindBidirectional(vm.templateBodyProperty());
        Label help = new Label(ctx.t("composer.template.help"));
        help.setWrapText(true);
        help.getStyleClass().add("composer-hint");
        Button save = new Button(ctx.t("composer.template.save"));
        save.setId("composer-template-save");
        save.setOnAction(e -> vm.saveTemplate());
        Button reset = new Button(ctx.t("composer.template.reset"));
        reset.setId("composer-template-reset");
        reset.setOnAction(e -> vm.resetTemplate());
        reset.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.templateProperty().get() == null || !vm.templateProperty().get().builtIn(),
                vm.templateProperty()));
        VBox box = new VBox(6, body, help, new HBox(8, save, reset));
        box.visibleProperty().bind(editing.selectedProperty());
        box.managedProperty().bind(editing.selectedProperty());
        return box;
    }

    private Node previewSection() {
        Label title = label("composer.preview");
        title.getStyleClass().add("section-title");
        Label counter = new Label();
        counter.setId("composer-counter");
        counter.getStyleClass().add("composer-counter");
        counter.textProperty().bind(vm.counterProperty());
        counter.setTooltip(new Tooltip(ctx.t("composer.counter.tooltip")));
        vm.overProperty().addListener((o, a, b) -> mark(counter, "over", b));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, counter);
        head.setAlignment(Pos.CENTER_LEFT);

        preview.setId("composer-preview");
        preview.getStyleClass().add("composer-preview");
        ScrollPane previewScroll = org.crisisdesk.desk.kit.LiveScroll.uncached(new ScrollPane(preview));
        previewScroll.setFitToWidth(true);
        previewScroll.setMaxHeight(220);
        previewScroll.setPrefViewportHeight(90);
        previewScroll.getStyleClass().add("composer-preview-scroll");
        vm.compositionProperty().addListener((o, a, c) -> showPreview(c));
        showPreview(vm.compositionProperty().get());

        CheckBox split = new CheckBox(ctx.t("composer.split"));
        split.setId("composer-split");
        split.selectedProperty().bindBidirectional(vm.splitProperty());
        split.setWrapText(true);
        split.setMinHeight(Region.USE_PREF_SIZE);

        Label block = new Label();
        block.setId("composer-block");
        block.getStyleClass().add("composer-block");
        block.setWrapText(true);
        block.textProperty().bind(vm.blockMessageProperty());
        block.visibleProperty().bind(vm.blockMessageProperty().isNotNull());
        block.managedProperty().bind(block.visibleProperty());

        VBox warnings = new VBox(2);
        warnings.setId("composer-warnings");
        warnings.getStyleClass().add("composer-warnings");
        Runnable fill = () -> {
            warnings.getChildren().clear();
            if (!vm.warnings().isEmpty()) {
                Label t = new Label(ctx.t("composer.warnings"), Icons.of("mdi2a-alert-outline"));
                t.getStyleClass().add("composer-warnings-title");
                warnings.getChildren().add(t);
                for (String w : vm.warnings()) {
                    Label l = new Label("• " + w);
                    l.setWrapText(true);
                    warnings.getChildren().add(l);
                }
            }
        };
        vm.warnings().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        warnings.visibleProperty().bind(Bindings.isNotEmpty(vm.warnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());
        VBox box = new VBox(8, head, previewScroll, split, block, warnings);
        box.setPadding(new Insets(10, 12, 0, 12));
        return box;
    }

    private void showPreview(Composition c) {
        preview.getChildren().clear();
        if (c == null) {
            return;
        }
        if (c.thread()) {
            int n = c.parts().size();
            for (int i = 0; i < n; i++) {
                String part = c.parts().get(i);
                Label head = new Label(ctx.t("composer.preview.part", i + 1, n) + "  ·  "
                        + WeightedLength.measure(part).counter());
                head.getStyleClass().add("mention-time");
                TextFlow flow = new TextFlow(text(part, "preview-text"));
                flow.getStyleClass().add("preview-flow");
                preview.getChildren().addAll(head, flow);
            }
            return;
        }
        String t = c.text();
        int cut = c.measure().overflowIndex();
        TextFlow flow = new TextFlow();
        flow.setId("composer-preview-flow");
        flow.getStyleClass().add("preview-flow");
        if (cut >= 0 && cut < t.length()) {
            Text fits = text(t.substring(0, cut), "preview-text");
            Text overflow = text(t.substring(cut), "preview-overflow");
            overflow.setId("composer-overflow");
            flow.getChildren().addAll(fits, overflow);
        } else {
            flow.getChildren().add(text(t, "preview-text"));
        }
        preview.getChildren().add(flow);
    }

    private Node timelineSection() {
        Label title = label("composer.timeline");
        title.getStyleClass().add("section-title");
        Label progress = new Label();
        progress.setId("composer-progress");
        progress.textProperty().bind(vm.progressProperty());
        VBox rows = new VBox(4);
        rows.setId("composer-timeline");
        Runnable fill = () -> {
            rows.getChildren().clear();
            if (vm.timeline().isEmpty()) {
                Label empty = new Label(ctx.t("composer.timeline.empty"));
                empty.getStyleClass().add("mention-time");
                rows.getChildren().add(empty);
            }
            for (NoticeTimeline.Entry e : vm.timeline()) {
                rows.getChildren().add(timelineRow(e));
            }
            for (NoticeTimeline.Decision d : vm.sentBack()) {
                rows.getChildren().add(sentBackRow(d));
            }
        };
        vm.timeline().addListener((ListChangeListener<NoticeTimeline.Entry>) c -> fill.run());
        fill.run();
        Button md = new Button(ctx.t("composer.longform.markdown"), Icons.of("mdi2l-language-markdown-outline"));
        md.setId("composer-longform-md");
        md.setOnAction(e -> vm.longForm(false));
        Button html = new Button(ctx.t("composer.longform.html"), Icons.of("mdi2l-language-html5"));
        html.setId("composer-longform-html");
        html.setOnAction(e -> vm.longForm(true));
        md.disableProperty().bind(vm.categoryProperty().isNull());
        html.disableProperty().bind(vm.categoryProperty().isNull());
        md.setMinWidth(Region.USE_PREF_SIZE);
        html.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6, md, html);
        progress.setWrapText(true);
        return new VBox(6, title, progress, rows, buttons);
    }

    private Node timelineRow(NoticeTimeline.Entry e) {
        var n = e.facts();
        String when = n.asOf() == null ? "–" : NoticeTimes.clock(n.asOf(), ctx.zone());
        String stage = n.stage() == null ? "–" : n.stage().toString();
        Label main = new Label(ctx.t("composer.timeline.row", when, n.department() == null ? "–" : n.department(),
                stage));
        main.setWrapText(true);
        HBox badges = new HBox(6);
        if (n.eta() != null) {
            badges.getChildren().add(badge(ctx.t("composer.timeline.eta",
                    NoticeTimes.relative(n.eta(), n.asOf(), ctx.zone(), n.lang())), e.eta()));
        }
        if (n.nextUpdate() != null) {
            badges.getChildren().add(badge(ctx.t("composer.timeline.next",
                    NoticeTimes.relative(n.nextUpdate(), n.asOf(), ctx.zone(), n.lang())), e.nextUpdate()));
        }
        if (e.stepBack()) {
            Label back = new Label(ctx.t("composer.timeline.stepBack"));
            back.getStyleClass().addAll("promise", "promise-missed");
            badges.getChildren().add(back);
        }
        // issue 22: who wrote it, and the second person who approved it
        Label people = new Label(ctx.t("composer.timeline.author", orDash(e.author())) + (e.approval() == null ? ""
                : " · " + decision("composer.timeline.approved", e.approval())));
        people.getStyleClass().addAll("mention-time", "timeline-people");
        people.setWrapText(true);
        VBox box = new VBox(2, main, people, badges);
        box.getStyleClass().add("timeline-row");
        return box;
    }

    /** A notice sent back by a second person: never posted, shown with who sent it back, when and why. */
    private Node sentBackRow(NoticeTimeline.Decision d) {
        var n = d.notice().notice();
        String when = n.asOf() == null ? "–" : NoticeTimes.clock(n.asOf(), ctx.zone());
        Label main = new Label(ctx.t("composer.timeline.sentBack.row", when, "#" + d.notice().id(),
                orDash(d.notice().author())));
        main.setWrapText(true);
        Label decided = new Label(decision("composer.timeline.sentBack", d.event()));
        decided.getStyleClass().addAll("promise", "promise-missed");
        decided.setWrapText(true);
        VBox box = new VBox(2, main, decided);
        box.getStyleClass().addAll("timeline-row", "timeline-sent-back");
        return box;
    }

    /** "Approved by 준호 at 14:02: “comment”" (the comment only when one was given). */
    private String decision(String key, org.crisisdesk.notice.ApprovalStore.Event ev) {
        String text = ctx.t(key, orDash(ev.person()), ev.at() == null ? "–" : NoticeTimes.clock(ev.at(), ctx.zone()));
        return ev.comment() == null ? text : text + ": " + ctx.t("composer.timeline.comment", ev.comment());
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    private Label badge(String text, NoticeTimeline.Promise p) {
        String word = ctx.t("composer.promise." + p.name());
        Label l = new Label(word.isEmpty() ? text : text + " · " + word);
        l.getStyleClass().addAll("promise", "promise-" + p.name().toLowerCase());
        return l;
    }

    private Node actions() {
        Label confirmText = new Label();
        confirmText.textProperty().bind(Bindings.createStringBinding(
                () -> ctx.t("composer.confirm", vm.warnings().size()), vm.warnings()));
        confirmText.setWrapText(true);
        Button anyway = new Button(ctx.t("composer.post.anyway"));
        anyway.setId("composer-post-anyway");
        anyway.getStyleClass().add("danger");
        anyway.setOnAction(e -> vm.post());
        Button back = new Button(ctx.t("composer.post.cancel"));
        back.setId("composer-post-cancel");
        back.setOnAction(e -> vm.cancelConfirm());
        anyway.setMinWidth(Region.USE_PREF_SIZE);
        back.setMinWidth(Region.USE_PREF_SIZE);
        confirmText.setGraphic(Icons.of("mdi2a-alert-outline"));
        confirmText.setMinHeight(Region.USE_PREF_SIZE);
        HBox confirmButtons = new HBox(8, anyway, back);
        VBox confirm = new VBox(6, confirmText, confirmButtons);
        confirm.setId("composer-confirm");
        confirm.getStyleClass().add("composer-confirm");
        confirm.visibleProperty().bind(vm.confirmingProperty());
        confirm.managedProperty().bind(confirm.visibleProperty());
        // issue 22: another notice a moment ago, or someone else writing: said before posting, with that text
        Label collision = new Label();
        collision.setId("composer-collision");
        collision.setWrapText(true);
        collision.getStyleClass().add("composer-confirm");
        collision.setMinHeight(Region.USE_PREF_SIZE);
        collision.textProperty().bind(vm.collisionProperty());
        collision.visibleProperty().bind(vm.collisionProperty().isNotEmpty());
        collision.managedProperty().bind(collision.visibleProperty());

        Button post = new Button(ctx.t("composer.post"), Icons.of("mdi2s-send"));
        post.setId("composer-post");
        post.getStyleClass().add("accent");
        post.setDefaultButton(false);
        post.disableProperty().bind(vm.canPostProperty().not().or(vm.confirmingProperty()));
        post.setOnAction(e -> vm.post());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(vm.busyProperty());
        Button copy = new Button(ctx.t("composer.copy"), Icons.of("mdi2c-content-copy"));
        copy.setId("composer-copy");
        copy.setOnAction(e -> vm.copyText());
        post.setMinWidth(Region.USE_PREF_SIZE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, post, spinner, copy);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label outcome = new Label();
        outcome.setId("composer-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeTextProperty());
        Hyperlink open = new Hyperlink(ctx.t("composer.outcome.open"));
        open.setId("composer-outcome-link");
        open.setOnAction(e -> {
            Outbox.Outcome o = vm.outcomeProperty().get();
            if (o != null && o.notice().platformUrl() != null) {
                openLink.accept(o.notice().platformUrl());
            }
        });
        open.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            Outbox.Outcome o = vm.outcomeProperty().get();
            return o != null && o.posted() && o.notice().platformUrl() != null;
        }, vm.outcomeProperty()));
        open.managedProperty().bind(open.visibleProperty());
        var notPosted = Bindings.createBooleanBinding(() -> {
            Outbox.Outcome o = vm.outcomeProperty().get();
            return o != null && !o.posted() && o.kind() != Outbox.Outcome.Kind.IN_PROGRESS;
        }, vm.outcomeProperty());
        TextField url = new TextField();
        url.setId("composer-mark-url");
        url.setPromptText(ctx.t("composer.markPosted.prompt"));
        url.textProperty().bindBidirectional(vm.markUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button mark = new Button(ctx.t("composer.markPosted"));
        mark.setId("composer-mark-posted");
        mark.setOnAction(e -> vm.markPosted());
        // empty field: the post's URL is read from the clipboard
        mark.disableProperty().bind(vm.busyProperty());
        mark.setTooltip(new Tooltip(ctx.t("composer.markPosted.tooltip")));
        Button retry = new Button(ctx.t("composer.retry"), Icons.of("mdi2r-refresh"));
        retry.setId("composer-retry");
        retry.setOnAction(e -> vm.retry());
        retry.disableProperty().bind(vm.busyProperty());
        mark.setMinWidth(Region.USE_PREF_SIZE);
        retry.setMinWidth(Region.USE_PREF_SIZE);
        url.setMinWidth(80);
        HBox manual = new HBox(8, url, mark, retry);
        manual.setAlignment(Pos.CENTER_LEFT);
        manual.visibleProperty().bind(notPosted);
        manual.managedProperty().bind(notPosted);
        Label info = new Label();
        info.setId("composer-info");
        info.setWrapText(true);
        info.getStyleClass().add("composer-hint");
        info.textProperty().bind(vm.infoProperty());

        VBox box = new VBox(8, confirm, collision, buttons, outcome, open, manual, info);
        box.setPadding(new Insets(8, 12, 12, 12));
        return box;
    }

    // ---- small builders ----

    private Label label(String key) {
        Label l = new Label(ctx.t(key));
        l.getStyleClass().add("field-label");
        l.setWrapText(true); // a long field name takes two lines rather than an ellipsis
        l.setMaxWidth(LABEL_WIDTH);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** The widest a field name may be before it wraps (the fields keep the rest of the composer's width). */
    private static final double LABEL_WIDTH = 96;

    private TextField field(String id, javafx.beans.property.StringProperty value, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(ctx.t(promptKey));
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private Node timeRow(String id, javafx.beans.property.StringProperty value) {
        TextField f = field(id, value, "composer.time.prompt");
        f.setPrefColumnCount(6);
        Button one = new Button(ctx.t("composer.time.plus1h"));
        one.setId(id + "-plus1");
        one.getStyleClass().add("small");
        one.setFocusTraversable(false);
        one.setOnAction(e -> vm.plusHours(value, 1));
        Button two = new Button(ctx.t("composer.time.plus2h"));
        two.setId(id + "-plus2");
        two.getStyleClass().add("small");
        two.setFocusTraversable(false);
        two.setOnAction(e -> vm.plusHours(value, 2));
        one.setMinWidth(Region.USE_PREF_SIZE);
        two.setMinWidth(Region.USE_PREF_SIZE);
        f.setMinWidth(70);
        HBox row = new HBox(6, f, one, two);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Spinner<Integer> spinner(String id, int min, int max,
            javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>();
        IntegerSpinnerValueFactory f = new IntegerSpinnerValueFactory(min, max, value.get());
        s.setValueFactory(f);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(72);
        s.setMinWidth(72); // "stage numbers invisible" at 1440x900: the spinner gave its width to the stage name
        f.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != value.get()) {
                value.set(b);
            }
        });
        value.addListener((o, a, b) -> {
            if (!b.equals(f.getValue())) {
                f.setValue(b.intValue());
            }
        });
        // typed digits count at once, not only on Enter
        s.getEditor().textProperty().addListener((o, a, b) -> {
            try {
                int v = Integer.parseInt(b.strip());
                if (v >= min && v <= max) {
                    value.set(v);
                }
            } catch (NumberFormatException ignored) {
                // half-typed; the spinner restores its value on commit
            }
        });
        return s;
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add(style);
        return t;
    }

    private static void mark(Node n, String styleClass, boolean on) {
        javafx.collections.ObservableList<String> classes = n.getStyleClass();
        if (on && !classes.contains(styleClass)) {
            classes.add(styleClass);
        } else if (!on) {
            classes.removeAll(styleClass);
        }
    }

    private static String pasted() {
        try {
            Clipboard c = Clipboard.getSystemClipboard();
            return c.hasString() ? c.getString() : null;
        } catch (RuntimeException e) {
            log.warn("Could not read the clipboard: {}", e.toString());
            return null;
        }
    }

    private static void copy(String s) {
        try {
            ClipboardContent c = new ClipboardContent();
            c.putString(s);
            Clipboard.getSystemClipboard().setContent(c);
        } catch (RuntimeException e) {
            log.warn("Could not copy to the clipboard: {}", e.toString());
        }
    }
}
