package org.crisisdesk.desk;

import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.crisisdesk.desk.alerts.AlertRulesDialog;
import org.crisisdesk.desk.alerts.AlertsView;
import org.crisisdesk.desk.boards.BoardsView;
import org.crisisdesk.desk.boards.HistoryView;
import org.crisisdesk.desk.composer.ComposerView;
import org.crisisdesk.desk.detail.DetailView;
import org.crisisdesk.desk.feed.FeedView;
import org.crisisdesk.desk.handover.HandoverWindow;
import org.crisisdesk.desk.handover.ShiftControl;
import org.crisisdesk.desk.help.ShortcutsOverlay;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.desk.kit.TypedKeys;
import org.crisisdesk.desk.status.StatusBarView;
import org.crisisdesk.mention.StoredMention;

/**
 * The desk's window content: toolbar, feed | boards | detail, status bar, and the F1 overlay. Builds nodes and
 * binds them to the session's view models; holds no state of its own.
 */
public final class MainWindow extends StackPane {
    private final DeskSession session;
    private final FeedView feedView;
    private final BoardsView boardsView;
    private final DetailView detailView;
    /** Built on first use, as is the composer: neither is on screen when the desk opens (issue #8, start-up). */
    private ShortcutsOverlay help;
    private ComposerView composerView;
    private final Consumer<String> openLink;
    private final javafx.scene.control.TabPane rightTabs = new javafx.scene.control.TabPane();
    private final javafx.scene.control.Tab detailTab;
    private final javafx.scene.control.Tab composerTab;
    /** The category of the mention last opened: the "selected column" a notice is written for. */
    private Long lastCategoryId;
    private final AlertsView alertsView;
    private final SplitPane split;
    private org.crisisdesk.desk.settings.DeskControls controls = org.crisisdesk.desk.settings.DeskControls.NONE;
    private org.crisisdesk.settings.DeskPrefs prefs;
    private org.crisisdesk.desk.welcome.WelcomeView welcome;
    private org.crisisdesk.desk.settings.SettingsDialog settings;
    private final org.crisisdesk.desk.cases.ReplySection replySection;

    public MainWindow(DeskSession session, Consumer<String> openLink, Runnable toggleTheme,
            Consumer<java.util.Locale> switchLanguage) {
        this.session = session;
        this.openLink = openLink;
        DeskContext ctx = session.context();
        setId("main-window");
        feedView = new FeedView(ctx, session.feed());
        boardsView = new BoardsView(ctx, session.boards());
        // issue 22: "assigned to me" (Ctrl+Shift+A) narrows both
        feedView.filterCards(session.mine().predicateProperty());
        boardsView.filterCards(session.mine().predicateProperty());
        detailView = new DetailView(ctx);
        detailView.setOpenLink(openLink);
        boardsView.acceptFrom(feedView.list());
        HistoryView history = new HistoryView(ctx, session.boards());
        // the conversation first: it is what a reply is about; the moves are the desk's own bookkeeping
        org.crisisdesk.desk.detail.ThreadView thread = new org.crisisdesk.desk.detail.ThreadView(ctx,
                new Background(session.services().lookups()), session.services().mentions(), this::openMention);
        detailView.addSection(thread::showFor);
        detailView.addSection(history::showFor);
        // customer-centre tickets: the case's ticket (or "send as ticket"), the offer on a move into the column
        org.crisisdesk.desk.cases.CaseSection caseSection = new org.crisisdesk.desk.cases.CaseSection(ctx,
                session.cases(), openLink);
        detailView.addSection(caseSection::showFor);
        // issue 22: who works a case
        detailView.addSection(new org.crisisdesk.desk.people.AssignSection(ctx, session.services().caseAssignments(),
                session.services().person(), session.people(), session.background())
                .onAssigned(session.mine()::refresh)::showFor);
        replySection = new org.crisisdesk.desk.cases.ReplySection(ctx,
                session.services()::replies, session.services().background(), session.services().outboxExecutor(),
                ctx::deskName, session.services().drill());
        detailView.addSection(replySection::showFor);
        // once the reply went out, the mention's detail shows it
        replySection.setOnReplied(sm -> {
            StoredMention shown = detailView.current();
            if (shown != null && shown.pk() == sm.pk()) {
                detailView.show(shown);
            }
        });
        session.cases().byMention().addListener((javafx.collections.MapChangeListener<Long,
                org.crisisdesk.cases.CaseTicket>) ch -> {
            StoredMention shown = detailView.current();
            if (shown != null && ch.getKey() == shown.pk()) {
                detailView.show(shown);
            }
        });
        boardsView.setTicketActions(session.cases()::send, session.cases()::sendUnsent);
        session.boards().setOnIntoCustomerCentre(session.cases()::intoCustomerCentre);
        boardsView.setOfferBar(org.crisisdesk.desk.cases.TicketOfferBar.build(ctx, session.cases()));
        // a move of the mention on display shows at once, with its new history
        session.boards().setViewListener(changed -> {
            StoredMention shown = detailView.current();
            if (shown != null) {
                changed.stream().filter(m -> m.pk() == shown.pk()).findFirst().ifPresent(detailView::show);
            }
        });
        detailTab = new javafx.scene.control.Tab(ctx.t("detail.title"), detailView);
        composerTab = new javafx.scene.control.Tab(ctx.t("composer.tab"));
        composerTab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                composerView();
            }
            session.composer().openProperty().set(selected); // issue 22: the other desks see who writes
        });
        composerTab.setId("composer-tab");
        detailTab.setClosable(false);
        composerTab.setClosable(false);
        rightTabs.getTabs().addAll(detailTab, composerTab, approvalTab(ctx));
        rightTabs.setId("right-tabs");
        feedView.setOnOpen(m -> openMention(m));
        boardsView.setOnOpen(m -> openMention(m));
        boardsView.setOnPostUpdate(this::openComposer);

        split = new SplitPane(feedView, boardsView, rightTabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.24, 0.78);
        SplitPane.setResizableWithParent(feedView, false);
        SplitPane.setResizableWithParent(rightTabs, false);
        // The composer is laid out for a minimum width: while it shows, the side pane is at least that wide (the
        // split moves its divider; the boards keep the rest), so no field or button is cut to "…" (issue #26).
        rightTabs.minWidthProperty().bind(javafx.beans.binding.Bindings.when(composerTab.selectedProperty())
                .then(ComposerView.MIN_WIDTH + 2).otherwise(javafx.scene.layout.Region.USE_COMPUTED_SIZE));

        BorderPane layout = new BorderPane();
        javafx.scene.Node bar = toolbar(ctx, toggleTheme, switchLanguage);
        // A drill says so above everything, in a colour no live desk shows, until the person goes live (issue 26).
        layout.setTop(session.services().drill() ? new javafx.scene.layout.VBox(drillBanner(ctx), bar) : bar);
        layout.setCenter(split);
        StatusBarView statusBar = new StatusBarView(ctx, session.status());
        alertsView = new AlertsView(ctx, session.alerts());
        statusBar.getRightItems().add(0, alertsView.bellButton());
        statusBar.getRightItems().add(1, new Separator(Orientation.VERTICAL));
        statusBar.showShift(ShiftControl.label(ctx, session.shifts().currentProperty()));
        statusBar.showMode(session.services().drill());
        // issue 22: who is on, and claiming a column (its menu, or O on the boards)
        org.crisisdesk.desk.people.PeopleView people = new org.crisisdesk.desk.people.PeopleView(ctx,
                session.people(), () -> getScene() == null ? null : getScene().getWindow());
        statusBar.getRightItems().add(0, people.statusItem());
        statusBar.getRightItems().add(1, new Separator(Orientation.VERTICAL));
        boardsView.setClaims(people::toggle, session.people()::isMine);
        casesView = new org.crisisdesk.desk.people.CasesFilterView(ctx,
                new org.crisisdesk.desk.people.CasesFilterViewModel(session.services().mentions(),
                        session.services().caseAssignments(), session.services().person(), session.background()),
                this::openMention);
        boardsView.setOnShowCases(c -> casesView.show(getScene() == null ? null : getScene().getWindow(), c,
                org.crisisdesk.desk.people.CasesFilterViewModel.Show.MINE));
        // posts that could not be stored, set aside: "3 posts set aside", opens their list (issue 20)
        var held = new org.crisisdesk.desk.quarantine.QuarantineViewModel(session.services().quarantine(),
                session.background());
        statusBar.getRightItems().add(0, org.crisisdesk.desk.quarantine.QuarantineStatus.link(ctx, held,
                () -> org.crisisdesk.desk.quarantine.QuarantineWindow.open(getScene().getWindow(), ctx, held)));
        if (!session.services().drill()) {
            // X usage this month (issue 23): a drill reads and posts nothing on X, so it has no meter
            org.crisisdesk.desk.usage.UsageMeterModel usage = new org.crisisdesk.desk.usage.UsageMeterModel(ctx,
                    session.background(), new org.crisisdesk.desk.usage.UsageReader(session.services()));
            statusBar.getRightItems().addAll(2, java.util.List.of(new org.crisisdesk.desk.usage.UsageMeterView(usage),
                    new Separator(Orientation.VERTICAL)));
        }
        boardsView.setHeaderBadges(alertsView::badge);
        alertsView.setOnEditRules(() -> AlertRulesDialog.show(ctx, session.alerts(), this));
        session.alerts().setOnOpenComposer(id -> openComposer(id == null ? null : ctx.categories().get(id)));
        layout.setBottom(statusBar);
        getChildren().addAll(layout, alertsView.toastLayer());
        alertsView.placeToastsOver(boardsView); // inside the window, never over the composer (issue #26)
    }

    private ToolBar toolbar(DeskContext ctx, Runnable toggleTheme, Consumer<java.util.Locale> switchLanguage) {
        Label brand = new Label(ctx.t("app.title"), Icons.of("mdi2l-lifebuoy"));
        brand.getStyleClass().add("brand");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(brand);
        bar.setId("toolbar");
        if (session.replay() != null) {
            Label demo = new Label(ctx.t("mode.drill.badge"));
            demo.getStyleClass().addAll("demo-badge", "drill-badge");
            demo.setId("demo-badge");
            // a window rebuilt in another language starts from the replay's state, not "playing" (issue #26)
            boolean paused = session.replay().clock().paused();
            ToggleButton pause = new ToggleButton(null, Icons.of(paused ? "mdi2p-play" : "mdi2p-pause"));
            pause.setSelected(paused);
            pause.setId("replay-pause");
            pause.setTooltip(new Tooltip(ctx.t("toolbar.replay.pause")));
            pause.selectedProperty().addListener((o, a, now) -> {
                session.setReplayPaused(now);
                pause.setGraphic(Icons.of(now ? "mdi2p-play" : "mdi2p-pause"));
            });
            ChoiceBox<Double> speed = new ChoiceBox<>();
            speed.setId("replay-speed");
            speed.getItems().addAll(1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 100.0);
            speed.setValue(session.replay().clock().speed());
            speed.setConverter(new StringConverter<>() {
                @Override
                public String toString(Double d) {
                    return d == null ? "" : String.format("%.0f×", d);
                }

                @Override
                public Double fromString(String s) {
                    return Double.valueOf(s.replace("×", ""));
                }
            });
            speed.setTooltip(new Tooltip(ctx.t("toolbar.replay.speed")));
            speed.valueProperty().addListener((o, a, b) -> session.setReplaySpeed(b));
            HBox demoBox = new HBox(6, demo, pause, speed);
            demoBox.setAlignment(Pos.CENTER_LEFT);
            bar.getItems().addAll(new Separator(), demoBox);
        }
        MenuButton language = new MenuButton(ctx.i18n().korean() ? "한국어" : "English", Icons.of("mdi2t-translate"));
        language.setId("language-menu");
        MenuItem ko = new MenuItem("한국어");
        ko.setId("language-ko");
        ko.setOnAction(e -> switchLanguage.accept(I18n.KOREAN));
        MenuItem en = new MenuItem("English");
        en.setId("language-en");
        en.setOnAction(e -> switchLanguage.accept(I18n.ENGLISH));
        language.getItems().addAll(ko, en);
        // issue 22: "assigned to me" on the boards and the feed; the pressed toggle says the filter is on
        ToggleButton mine = new ToggleButton(ctx.t("people.mine.toggle"), Icons.of("mdi2a-account-check-outline"));
        mine.setId("mine-toggle");
        mine.setTooltip(new Tooltip(ctx.t("people.mine.tip")));
        mine.selectedProperty().bindBidirectional(session.mine().onProperty());
        bar.getItems().addAll(new Separator(), mine);
        javafx.scene.control.Button notice = new javafx.scene.control.Button(null, Icons.of("mdi2b-bullhorn-outline"));
        notice.setId("composer-open");
        notice.setTooltip(new Tooltip(ctx.t("composer.toolbar")));
        notice.setOnAction(e -> openComposer());
        bar.getItems().addAll(new Separator(), notice);
        javafx.scene.control.Button theme = new javafx.scene.control.Button(null, Icons.of("mdi2t-theme-light-dark"));
        theme.setId("theme-toggle");
        theme.setTooltip(new Tooltip(ctx.t("toolbar.theme")));
        theme.setOnAction(e -> toggleTheme.run());
        javafx.scene.control.Button helpButton = new javafx.scene.control.Button(null, Icons.of("mdi2k-keyboard"));
        helpButton.setId("help-button");
        helpButton.setTooltip(new Tooltip(ctx.t("toolbar.help")));
        helpButton.setOnAction(e -> toggleHelp());
        bar.getItems().addAll(new Separator(), new ShiftControl(ctx, session.shifts(), this::openHandover));
        javafx.scene.control.Button connect = new javafx.scene.control.Button(ctx.t("connect.toolbar"),
                Icons.of("mdi2t-twitter"));
        connect.setId("connect-button");
        connect.setOnAction(e -> openConnect(this::offerReopen));
        javafx.scene.control.Button settingsButton = new javafx.scene.control.Button(null,
                Icons.of("mdi2c-cog-outline"));
        settingsButton.setId("settings-button");
        settingsButton.setTooltip(new Tooltip(ctx.t("settings.toolbar")));
        settingsButton.setOnAction(e -> openSettings());
        bar.getItems().addAll(spacer, connect, language, theme, settingsButton, helpButton);
        return bar;
    }

    /** Window-wide shortcuts; call once the window is in a scene. */
    public void installShortcuts(Scene scene) {
        boardsView.installKeys(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::toggleHelp);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                feedView::focusSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                this::openComposer);
        // the keyboard's "Write notice" on an alert pop-up: a combination, so no single key acts on a pop-up
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> {
                    if (!alertsView.composeForLatest()) {
                        openComposer();
                    }
                });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                this::openSettings);
        // reply to the mention on display, else the one selected in the feed (issue 25)
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                this::replyToSelected);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::showMyCases);
        // issue 22: the boards and the feed show only the cases assigned to me, or everything again
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), session.mine()::toggle);
        // issue 22: any key or click is input; ten minutes without shows the person as idle to the others
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> session.people().input());
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> session.people().input());
        scene.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> session.people().input());
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && help != null && help.isVisible()) {
                help.setVisible(false);
                e.consume();
            } else if (e.getCode() == KeyCode.SLASH && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                feedView.focusSearch();
                TypedKeys.swallowNext(feedView.searchField(), "/");
                e.consume();
            }
        });
    }

    /**
     * Ctrl+R: several mentions selected in the feed: one reply each, after asking, paced; else the reply composer for
     * the mention in the detail pane, or the feed's selected one.
     */
    public void replyToSelected() {
        java.util.List<StoredMention> selected = java.util.List.copyOf(
                feedView.list().getSelectionModel().getSelectedItems());
        if (selected.size() > 1) {
            replySection.replyToEach(getScene() == null ? null : getScene().getWindow(), selected,
                    session.boards()::tell);
            return;
        }
        StoredMention m = detailView.current() != null ? detailView.current()
                : feedView.list().getSelectionModel().getSelectedItem();
        if (m != null) {
            openMention(m);
            replySection.reply(getScene() == null ? null : getScene().getWindow(), m);
        }
    }

    private org.crisisdesk.desk.people.CasesFilterView casesView;

    /** Ctrl+Shift+M (issue 22): the customer centre's cases assigned to me. */
    public void showMyCases() {
        session.context().categories().values().stream().filter(c -> c.customerCentre() && !c.archived()).findFirst()
                .ifPresent(c -> casesView.show(getScene() == null ? null : getScene().getWindow(), c,
                        org.crisisdesk.desk.people.CasesFilterViewModel.Show.MINE));
    }

    private void openMention(org.crisisdesk.mention.StoredMention m) {
        detailView.show(m);
        rightTabs.getSelectionModel().select(detailTab);
        if (m != null && m.categoryId() != null) {
            lastCategoryId = m.categoryId();
        }
    }

    /** Ctrl+N / the toolbar: the composer, for the category of the mention last opened (if any). */
    public void openComposer() {
        org.crisisdesk.triage.Category c = lastCategoryId == null ? null
                : session.context().categories().get(lastCategoryId);
        openComposer(c);
    }

    /** The composer for {@code category} (a board column's "Post update"); null keeps the composer's choice. */
    public void openComposer(org.crisisdesk.triage.Category category) {
        boolean built = composerView != null;
        rightTabs.getSelectionModel().select(composerTab);
        if (category != null) {
            session.composer().openFor(category);
        }
        if (!built) {
            rightTabs.applyCss(); // the tab pane shows a new tab's content in its next layout; focus needs it shown
            rightTabs.layout();
        }
        composerView().focusFirstField();
        // "Write notice" on an alert pop-up: once the pop-up has closed, the keyboard comes back to the desk's
        // window and the composer, so the next key (Ctrl+Enter) posts
        javafx.application.Platform.runLater(() -> {
            if (getScene() != null && getScene().getWindow() != null && !getScene().getWindow().isFocused()) {
                getScene().getWindow().requestFocus();
                composerView().focusFirstField();
            }
        });
    }

    // ---- settings, welcome, account (#10) --------------------------------------------------------------------------

    /** What the settings and the welcome may ask of the application (theme, language, reopening the desk). */
    public void setControls(org.crisisdesk.desk.settings.DeskControls controls,
            org.crisisdesk.settings.DeskPrefs prefs) {
        this.controls = controls;
        this.prefs = prefs;
    }

    private org.crisisdesk.settings.DeskPrefs prefs() {
        if (prefs == null) {
            prefs = org.crisisdesk.settings.DeskPrefs.load(session.services().home());
        }
        return prefs;
    }

    /** Ctrl+, / the toolbar: the settings window (one at a time). */
    public org.crisisdesk.desk.settings.SettingsDialog openSettings() {
        if (settings != null && settings.stage().isShowing()) {
            settings.stage().toFront();
            return settings;
        }
        settings = org.crisisdesk.desk.settings.SettingsDialog.open(session, controls, prefs(),
                boardsView.columnWidthProperty(), this::showWelcome,
                () -> openConnect(() -> {
                    if (settings != null) {
                        settings.model().refreshAccount();
                    }
                    offerReopen();
                }), this);
        return settings;
    }

    /** Where the settings window is while it is open, else null (a language switch reopens it there). */
    public javafx.geometry.Rectangle2D settingsBounds() {
        if (settings == null || !settings.stage().isShowing()) {
            return null;
        }
        javafx.stage.Stage s = settings.stage();
        return new javafx.geometry.Rectangle2D(s.getX(), s.getY(), s.getWidth(), s.getHeight());
    }

    /** Closes the settings window if it is open; says whether it was (the language switch opens it again). */
    public boolean closeSettings() {
        boolean open = settings != null && settings.stage().isShowing();
        if (open) {
            settings.stage().close();
        }
        return open;
    }

    /** The connect dialog; {@code afterSaved} runs once the account's keys were written. */
    public org.crisisdesk.desk.connect.ConnectDialog openConnect(Runnable afterSaved) {
        var dialog = org.crisisdesk.desk.connect.ConnectDialog.open(session.context(), session.background(),
                session.services().home(), getScene() == null ? null : getScene().getWindow());
        dialog.setOnHidden(e -> {
            if (dialog.model().stateProperty().get() == org.crisisdesk.desk.connect.ConnectViewModel.State.SAVED) {
                afterSaved.run();
            }
        });
        return dialog;
    }

    /** The drill's banner: what this is, where notices go, and the one way out (going live, confirmed). */
    private javafx.scene.Node drillBanner(DeskContext ctx) {
        Label text = new Label(ctx.t("mode.drill.banner",
                session.services().dataHome().resolve(org.crisisdesk.notice.DrillPublisher.FILE_NAME)));
        text.setId("drill-banner-text");
        text.setGraphic(Icons.of("mdi2s-shield-alert-outline"));
        text.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        javafx.scene.control.Button live = new javafx.scene.control.Button(ctx.t("mode.live.button"));
        live.setId("go-live");
        live.setOnAction(e -> goLive());
        HBox banner = new HBox(8, text, grow, live);
        banner.setId("drill-banner");
        banner.getStyleClass().add("drill-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        return banner;
    }

    /**
     * From the drill to live: checks the saved account (or asks for it), then a confirmation naming the account;
     * only its yes switches the desk (issue 26). Nothing happens on a live desk.
     */
    public void goLive() {
        if (!session.services().drill()) {
            return;
        }
        java.nio.file.Path home = session.services().home();
        session.background().run(() -> {
            org.crisisdesk.source.twitter.XSettings x = org.crisisdesk.source.twitter.TwitterProperties.load(home);
            return x.connected() ? org.crisisdesk.source.twitter.XClient.create(x, java.time.Clock.systemUTC()).verify()
                    : null;
        }).onSuccess(account -> {
            if (account == null) {
                openConnect(this::goLive); // no keys yet: connect first, then the same question
            } else {
                confirmLive(account.at());
            }
        }).onFailure(e -> {
            javafx.scene.control.Alert failed = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.ERROR, session.context().t("mode.live.verifyFailed",
                            e.getMessage() == null ? e.toString() : e.getMessage()));
            failed.getDialogPane().setId("go-live-failed");
            if (getScene() != null) {
                failed.initOwner(getScene().getWindow());
            }
            failed.show();
        });
    }

    private void confirmLive(String at) {
        DeskContext ctx = session.context();
        javafx.scene.control.ButtonType yes = new javafx.scene.control.ButtonType(ctx.t("mode.live.yes", at),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType no = new javafx.scene.control.ButtonType(ctx.t("mode.live.no"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, ctx.t("mode.live.text", at), yes, no);
        ask.setHeaderText(ctx.t("mode.live.header", at));
        ask.getDialogPane().setId("go-live-confirm");
        ask.getDialogPane().lookupButton(yes).setId("go-live-yes");
        ask.getDialogPane().lookupButton(no).setId("go-live-no");
        // the safe answer is the default: Enter keeps the drill
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(no)).setDefaultButton(true);
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        java.nio.file.Path home = session.services().home();
        ask.setOnHidden(e -> {
            if (ask.getResult() == yes) {
                session.background().run(() -> DeskBootstrap.chooseLive(home)).onSuccess(v -> controls.reopen(false));
            }
        });
        ask.show();
    }

    /** After the keys were saved from the running desk: switch to the account now, or at the next start. */
    private void offerReopen() {
        if (session.services().drill()) {
            goLive(); // from a drill only through the confirmation naming the account
            return;
        }
        DeskContext ctx = session.context();
        javafx.scene.control.ButtonType now = new javafx.scene.control.ButtonType(ctx.t("settings.connect.now"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType later = new javafx.scene.control.ButtonType(ctx.t("settings.connect.later"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                ctx.t("settings.connect.ask"), now, later);
        ask.setHeaderText(ctx.t("settings.connect.saved"));
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        ask.showAndWait().filter(b -> b == now).ifPresent(b -> controls.reopen(false));
    }

    /** The welcome screen over the desk (first run, or from the settings); the demo waits while it shows. */
    public org.crisisdesk.desk.welcome.WelcomeView showWelcome() {
        if (welcome != null) {
            return welcome;
        }
        var model = new org.crisisdesk.desk.welcome.WelcomeViewModel(session.services(), session.context(),
                session.background(), prefs());
        session.setReplayPaused(true);
        welcome = new org.crisisdesk.desk.welcome.WelcomeView(session.context(), model,
                new org.crisisdesk.desk.welcome.WelcomeView.Actions() {
                    @Override
                    public void demo() {
                        hideWelcome();
                        if (session.replay() == null) {
                            controls.reopen(true);
                        }
                    }

                    @Override
                    public void connect() {
                        openConnect(() -> model.choose(org.crisisdesk.desk.welcome.WelcomeViewModel.Choice.CONNECT,
                                () -> {
                                    hideWelcome();
                                    if (session.services().drill()) {
                                        goLive();
                                    } else {
                                        controls.reopen(false);
                                    }
                                }));
                    }

                    @Override
                    public void imported() {
                        session.boards().reload();
                    }

                    @Override
                    public void closed() {
                        hideWelcome();
                    }
                }, session.replay() == null);
        getChildren().add(welcome);
        return welcome;
    }

    private void hideWelcome() {
        if (welcome != null) {
            getChildren().remove(welcome);
            welcome = null;
            session.setReplayPaused(false);
        }
    }

    /** The feed | boards | detail split (its dividers are part of the saved layout). */
    public SplitPane split() {
        return split;
    }

    /** Issue 22: the notices waiting for a second person, with their count in the tab's title. */
    private javafx.scene.control.Tab approvalTab(DeskContext ctx) {
        var model = session.approvals();
        org.crisisdesk.desk.composer.ApprovalsView view = new org.crisisdesk.desk.composer.ApprovalsView(model);
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab();
        tab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> ctx.t("approval.tab", model.countProperty().get()), model.countProperty()));
        tab.setContent(view);
        tab.setId("approval-tab");
        tab.setClosable(false);
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                model.refresh();
                javafx.application.Platform.runLater(view::focusList);
            }
        });
        return tab;
    }

    /** The composer tab's content, built the first time it is asked for. */
    public ComposerView composerView() {
        if (composerView == null) {
            composerView = new ComposerView(session.composer());
            composerView.setOpenLink(openLink);
            composerTab.setContent(composerView);
        }
        return composerView;
    }

    public void toggleHelp() {
        if (help == null) {
            help = new ShortcutsOverlay(session.context());
            help.setVisible(false);
            getChildren().add(help);
        }
        help.setVisible(!help.isVisible());
    }

    /**
     * Takes over what {@code before} (the same session in other words) was showing: the mention in the detail, the
     * composer when it was open. A language switch rebuilds the window; the person's place must not reset.
     */
    public void continueFrom(MainWindow before) {
        this.lastCategoryId = before.lastCategoryId;
        StoredMention shown = before.detailView.current();
        if (shown != null) {
            detailView.show(shown);
        }
        if (before.rightTabs.getSelectionModel().getSelectedItem() == before.composerTab) {
            rightTabs.getSelectionModel().select(composerTab);
        }
        split.setDividerPositions(before.split.getDividerPositions());
    }

    public FeedView feedView() {
        return feedView;
    }

    /** Opens the shift handover review in its own window. */
    public javafx.stage.Stage openHandover() {
        return HandoverWindow.open(getScene() == null ? null : getScene().getWindow(), session.services(),
                session.background(), session.context(), session.shifts(), this::showCategory, this::showNotice);
    }

    /**
     * A notice from the handover review: its category's column on the boards and the composer on that category, whose
     * timeline lists the notice with its kept/revised/missed promises (a general notice just opens the composer).
     */
    public void showNotice(org.crisisdesk.handover.HandoverReport.PostedNotice notice) {
        Long id = notice.category() == null ? null : notice.category().id();
        org.crisisdesk.triage.Category category = id == null ? null : session.context().categories().get(id);
        if (category != null) {
            showCategory(id);
            lastCategoryId = id;
        }
        openComposer(category);
    }

    /** Scrolls the boards so the category's column is in view (the handover review's links land here). */
    public void showCategory(Long categoryId) {
        boardsView.showColumn(categoryId);
        if (getScene() != null && getScene().getWindow() != null) {
            getScene().getWindow().requestFocus();
        }
    }

    public BoardsView boardsView() {
        return boardsView;
    }

    public DetailView detailView() {
        return detailView;
    }

    public AlertsView alertsView() {
        return alertsView;
    }
}
