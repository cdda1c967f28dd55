package org.crisisdesk.desk.settings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TreeSet;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.crisisdesk.desk.kit.DeskCss;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.I18n;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.desk.alerts.AlertRulesDialog;
import org.crisisdesk.settings.DeskPrefs;

/**
 * The settings window (Ctrl+,): general (language, theme, desk name, time zone), triage (auto-file threshold),
 * alerts, layout, data (database location, backups) and the X account. Every control saves as soon as it changes;
 * the status line at the bottom says when it was saved. Builds nodes and binds; the work is in
 * {@link SettingsViewModel}.
 */
public final class SettingsDialog {
    private final Stage stage = new Stage();
    private final SettingsViewModel model;
    private final DeskContext ctx;

    /**
     * @param columnWidth  the boards' column width (saved with the window layout), or null to leave it out
     * @param onWelcome    shows the welcome screen again
     * @param onConnect    opens the connect dialog; runs the given callback after the account was saved
     */
    public SettingsDialog(SettingsViewModel model, SettingsSession session, DeskControls controls, DoubleProperty columnWidth,
            Runnable onWelcome, Runnable onConnect, Node alertsOwner) {
        this.model = model;
        this.ctx = model.context();
        VBox sections = new VBox(18,
                section("mdi2c-cog-outline", ctx.t("settings.general"), general(controls)),
                section("mdi2t-tag-multiple-outline", ctx.t("settings.triage"), triage()),
                section("mdi2a-account-group-outline", ctx.t("settings.team"), team()),
                section("mdi2b-bell-outline", ctx.t("settings.alerts"), alerts(session, alertsOwner)),
                section("mdi2v-view-column-outline", ctx.t("settings.layout"), layout(columnWidth)),
                section("mdi2d-database-outline", ctx.t("settings.data"), data(controls)),
                section("mdi2t-twitter", ctx.t("settings.account"), account(onConnect, onWelcome)),
                caseSettings(), deliverySettings(),
                usageSettings());
        sections.setPadding(new Insets(20));
        sections.getStyleClass().add("settings-sections");
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("settings-scroll");

        Label status = new Label();
        status.setId("settings-status");
        status.getStyleClass().add("settings-status");
        status.textProperty().bind(model.statusProperty());
        model.failedProperty().addListener((o, a, bad) -> {
            status.getStyleClass().remove("error");
            if (bad) {
                status.getStyleClass().add("error");
            }
        });
        Button close = new Button(ctx.t("settings.close"));
        close.setId("settings-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox footer = new HBox(12, status, new javafx.scene.layout.Region(), close);
        HBox.setHgrow(footer.getChildren().get(1), Priority.ALWAYS);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setPadding(new Insets(10, 20, 12, 20));
        footer.getStyleClass().add("settings-footer");

        Label title = new Label(ctx.t("settings.title"), Icons.of("mdi2c-cog-outline"));
        title.getStyleClass().add("settings-title");
        Label hint = new Label(ctx.t("settings.hint"));
        hint.getStyleClass().add("settings-hint");
        VBox header = new VBox(2, title, hint);
        header.setPadding(new Insets(16, 20, 8, 20));

        VBox root = new VBox(header, scroll, footer);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.setId("settings-window");
        root.getStyleClass().add("settings-window");
        Scene scene = new Scene(root, 760, 720);
        scene.getStylesheets().add(DeskCss.url());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(ctx.t("settings.title"));
    }

    /** Opens the settings over {@code owner} and loads what is stored. */
    public static SettingsDialog open(SettingsSession session, DeskControls controls, DeskPrefs prefs,
            DoubleProperty columnWidth, Runnable onWelcome, Runnable onConnect, Node owner) {
        SettingsViewModel model = new SettingsViewModel(session.services(), session.context(), session.background(),
                prefs, Clock.systemUTC(), session.boards()::deskNameChanged);
        SettingsDialog d = new SettingsDialog(model, session, controls, columnWidth, onWelcome, onConnect, owner);
        Window w = owner == null || owner.getScene() == null ? null : owner.getScene().getWindow();
        if (w != null) {
            d.stage.initOwner(w);
        }
        model.load();
        d.stage.show();
        return d;
    }

    public Stage stage() {
        return stage;
    }

    public SettingsViewModel model() {
        return model;
    }

    // ---- sections -------------------------------------------------------------------------------------------------

    private Node general(DeskControls controls) {
        ChoiceBox<Locale> language = new ChoiceBox<>();
        language.setId("settings-language");
        language.getItems().addAll(I18n.KOREAN, I18n.ENGLISH);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : I18n.KOREAN.equals(l) ? "한국어" : "English";
            }

            @Override
            public Locale fromString(String s) {
                return "English".equals(s) ? I18n.ENGLISH : I18n.KOREAN;
            }
        });
        language.setValue(ctx.i18n().locale());
        language.valueProperty().addListener((o, a, l) -> {
            if (l != null && !l.equals(a)) {
                controls.setLanguage(l);
            }
        });

        ToggleGroup themes = new ToggleGroup();
        ToggleButton light = new ToggleButton(ctx.t("settings.theme.light"), Icons.of("mdi2w-white-balance-sunny"));
        light.setId("settings-theme-light");
        ToggleButton dark = new ToggleButton(ctx.t("settings.theme.dark"), Icons.of("mdi2w-weather-night"));
        dark.setId("settings-theme-dark");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.getStyleClass().add("left-pill");
        dark.getStyleClass().add("right-pill");
        themes.selectToggle(controls.dark() ? dark : light);
        themes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                themes.selectToggle(a); // one of the two is always chosen
            } else if ((b == dark) != controls.dark()) {
                controls.setDark(b == dark);
            }
        });
        HBox theme = new HBox(light, dark);

        TextField name = new TextField();
        name.setId("settings-desk-name");
        name.setPromptText(System.getProperty("user.name", ""));
        name.setPrefColumnCount(20);
        model.deskNameProperty().addListener((o, a, b) -> name.setText(b));
        name.setOnAction(e -> model.saveDeskName(name.getText()));
        name.focusedProperty().addListener((o, was, now) -> {
            if (!now && !name.getText().equals(model.deskNameProperty().get())) {
                model.saveDeskName(name.getText());
            }
        });

        TextField handle = new TextField();
        handle.setId("settings-handle");
        handle.setPrefColumnCount(10);
        model.deskNameProperty().addListener((o, a, b) -> handle.setPromptText(
                org.crisisdesk.people.Person.handleFor(b)));
        model.handleProperty().addListener((o, a, b) -> handle.setText(b));
        handle.setOnAction(e -> model.savePerson(name.getText(), handle.getText()));
        handle.focusedProperty().addListener((o, was, now) -> {
            if (!now && !handle.getText().equals(model.handleProperty().get())) {
                model.savePerson(name.getText(), handle.getText());
            }
        });

        ComboBox<String> zone = new ComboBox<>();
        zone.setId("settings-zone");
        zone.setEditable(true);
        zone.getItems().add("");
        zone.getItems().addAll(new TreeSet<>(ZoneId.getAvailableZoneIds()));
        zone.setPromptText(ctx.t("settings.zone.auto", ctx.zone().getId()));
        zone.setVisibleRowCount(14);
        model.zoneProperty().addListener((o, a, b) -> zone.setValue(b));
        zone.valueProperty().addListener((o, a, b) -> {
            String now = b == null ? "" : b.strip();
            if (model.loadedProperty().get() && !now.equals(model.zoneProperty().get())) {
                model.saveZone(now);
            }
        });
        Button reopen = new Button(ctx.t("settings.reopen"), Icons.of("mdi2r-restart"));
        reopen.setId("settings-reopen");
        reopen.setOnAction(e -> {
            stage.close();
            controls.reopen(false);
        });
        HBox zoneRow = new HBox(8, zone, reopen);
        zoneRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = grid();
        int row = 0;
        row = add(grid, row, ctx.t("settings.language"), language, ctx.t("settings.language.note"));
        row = add(grid, row, ctx.t("settings.theme"), theme, null);
        row = add(grid, row, ctx.t("settings.deskName"), name, ctx.t("settings.deskName.note"));
        row = add(grid, row, ctx.t("settings.handle"), handle, ctx.t("settings.handle.note"));
        add(grid, row, ctx.t("settings.zone"), zoneRow, ctx.t("settings.zone.note", ctx.zone().getId()));
        return grid;
    }

    private Node triage() {
        CheckBox on = new CheckBox(ctx.t("settings.autofile.on"));
        on.setId("settings-autofile");
        Slider slider = new Slider(0.5, 0.99, SettingsViewModel.DEFAULT_THRESHOLD);
        slider.setId("settings-autofile-threshold");
        slider.setMajorTickUnit(0.1);
        slider.setBlockIncrement(0.01);
        slider.setPrefWidth(220);
        Label value = new Label();
        value.getStyleClass().add("settings-value");
        value.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(slider.getValue() * 100) + "%", slider.valueProperty()));
        slider.disableProperty().bind(on.selectedProperty().not());
        model.autoFileProperty().addListener((o, a, b) -> on.setSelected(b));
        model.thresholdProperty().addListener((o, a, b) -> slider.setValue(b.doubleValue()));
        on.setOnAction(e -> model.saveAutoFile(on.isSelected(), slider.getValue()));
        slider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing && on.isSelected()) {
                model.saveAutoFile(true, round(slider.getValue()));
            }
        });
        slider.setOnKeyReleased(e -> {
            if (on.isSelected()) {
                model.saveAutoFile(true, round(slider.getValue()));
            }
        });
        HBox row0 = new HBox(10, on, slider, value);
        row0.setAlignment(Pos.CENTER_LEFT);
        GridPane grid = grid();
        add(grid, 0, ctx.t("settings.autofile"), row0, ctx.t("settings.autofile.note"));
        return grid;
    }

    /**
     * Team settings (issue 22), in the database so every desk on it shares them: notices need a second person's
     * approval, and the minutes in which another notice of the category makes posting ask first. Saved on change.
     */
    private Node team() {
        CheckBox approval = new CheckBox(ctx.t("settings.team.approval.on"));
        approval.setId("settings-approval-required");
        approval.selectedProperty().bindBidirectional(model.approvalRequiredProperty());
        approval.setOnAction(e -> model.saveApprovalRequired(approval.isSelected()));
        approval.disableProperty().bind(model.loadedProperty().not());
        javafx.scene.control.Spinner<Integer> minutes = new javafx.scene.control.Spinner<>(0,
                org.crisisdesk.notice.WritingStore.MAX_WINDOW_MINUTES,
                org.crisisdesk.notice.WritingStore.DEFAULT_WINDOW_MINUTES);
        minutes.setId("settings-collision-minutes");
        minutes.setEditable(true);
        minutes.setPrefWidth(110);
        minutes.disableProperty().bind(model.loadedProperty().not());
        model.collisionMinutesProperty().addListener((o, a, b) -> minutes.getValueFactory().setValue(b.intValue()));
        minutes.getValueFactory().setValue(model.collisionMinutesProperty().get());
        minutes.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != model.collisionMinutesProperty().get() && model.loadedProperty().get()) {
                model.saveCollisionMinutes(b);
            }
        });
        Label unit = new Label(ctx.t("settings.team.collision.unit"));
        HBox row = new HBox(8, minutes, unit);
        row.setAlignment(Pos.CENTER_LEFT);
        GridPane grid = grid();
        int r = add(grid, 0, ctx.t("settings.team.approval"), approval, ctx.t("settings.team.approval.note"));
        add(grid, r, ctx.t("settings.team.collision"), row, ctx.t("settings.team.collision.note"));
        return grid;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private Node alerts(SettingsSession session, Node owner) {
        Button rules = new Button(ctx.t("settings.alerts.edit"), Icons.of("mdi2b-bell-cog-outline"));
        rules.setId("settings-alert-rules");
        rules.setDisable(session == null || owner == null);
        rules.setOnAction(e -> AlertRulesDialog.show(ctx, session.alerts(), owner));
        GridPane grid = grid();
        add(grid, 0, ctx.t("settings.alerts.defaults"), rules, ctx.t("settings.alerts.note"));
        return grid;
    }

    private Node layout(DoubleProperty columnWidth) {
        GridPane grid = grid();
        if (columnWidth == null) {
            return grid;
        }
        Slider width = new Slider(org.crisisdesk.desk.boards.BoardsView.MIN_COLUMN_WIDTH,
                org.crisisdesk.desk.boards.BoardsView.MAX_COLUMN_WIDTH, columnWidth.get());
        width.setId("settings-column-width");
        width.setPrefWidth(260);
        width.valueProperty().bindBidirectional(columnWidth);
        Label px = new Label();
        px.getStyleClass().add("settings-value");
        px.textProperty().bind(Bindings.createStringBinding(() -> Math.round(width.getValue()) + " px",
                width.valueProperty()));
        HBox row0 = new HBox(10, width, px);
        row0.setAlignment(Pos.CENTER_LEFT);
        add(grid, 0, ctx.t("settings.columnWidth"), row0, ctx.t("settings.layout.note"));
        return grid;
    }

    private Node data(DeskControls controls) {
        Label location = new Label();
        location.setId("settings-db-location");
        location.getStyleClass().add("settings-path");
        location.setWrapText(true);
        location.textProperty().bind(model.dbLocationProperty());
        Button change = new Button(ctx.t("settings.db.change"), Icons.of("mdi2f-folder-move-outline"));
        change.setId("settings-db-change");
        change.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(ctx.t("settings.db.choose"));
            java.io.File dir = chooser.showDialog(stage);
            if (dir != null) {
                model.useDatabaseFolder(dir.toPath());
            }
        });
        Button reset = new Button(ctx.t("settings.db.default"));
        reset.setId("settings-db-default");
        reset.disableProperty().bind(model.dbNextProperty().isEmpty());
        reset.setOnAction(e -> model.useDefaultDatabase());
        Label next = new Label();
        next.setId("settings-db-next");
        next.setWrapText(true);
        next.getStyleClass().add("settings-note");
        next.textProperty().bind(Bindings.createStringBinding(() -> model.dbNextProperty().get().isEmpty()
                ? ctx.t("settings.db.note") : ctx.t("settings.db.next", model.dbNextProperty().get()),
                model.dbNextProperty()));
        javafx.scene.control.TextField team = new javafx.scene.control.TextField();
        team.setId("settings-db-team-url");
        team.setPromptText("jdbc:postgresql://HOST:5432/crisis?user=NAME");
        HBox.setHgrow(team, javafx.scene.layout.Priority.ALWAYS);
        Button useTeam = new Button(ctx.t("settings.db.team.use"));
        useTeam.setId("settings-db-team-use");
        useTeam.disableProperty().bind(team.textProperty().isEmpty().or(model.busyProperty()));
        useTeam.setOnAction(e -> model.useTeamDatabase(team.getText()));
        Label teamNote = new Label(ctx.t("settings.db.team.note"));
        teamNote.setWrapText(true);
        teamNote.getStyleClass().add("settings-note");
        VBox db = new VBox(6, location, new HBox(8, change, reset), next, new HBox(8, team, useTeam), teamNote);

        Label last = new Label();
        last.setId("settings-backup-last");
        last.textProperty().bind(model.lastBackupProperty());
        Button now = new Button(ctx.t("settings.backup.now"), Icons.of("mdi2c-content-save-outline"));
        now.setId("settings-backup-now");
        now.getStyleClass().add("accent");
        now.disableProperty().bind(model.busyProperty());
        now.setOnAction(e -> model.backupNow());
        Path folder = model.backupFolder();
        Button open = new Button(ctx.t("settings.backup.open"), Icons.of("mdi2f-folder-open-outline"));
        open.setId("settings-backup-open");
        open.setOnAction(e -> {
            try {
                java.nio.file.Files.createDirectories(folder);
            } catch (java.io.IOException ignored) {
                // the file manager will say the folder is missing
            }
            controls.open(folder.toUri().toString());
        });
        Label where = new Label(folder.toString());
        where.getStyleClass().add("settings-path");
        where.setWrapText(true);
        VBox backups = new VBox(6, last, new HBox(8, now, open), where);

        GridPane grid = grid();
        int row = add(grid, 0, ctx.t("settings.db"), db, null);
        add(grid, row, ctx.t("settings.backup"), backups, ctx.t("settings.backup.note"));
        return grid;
    }

    private Node account(Runnable onConnect, Runnable onWelcome) {
        Label state = new Label();
        state.setId("settings-account");
        state.setWrapText(true);
        state.textProperty().bind(model.accountProperty());
        Button connect = new Button(ctx.t("settings.account.connect"), Icons.of("mdi2t-twitter"));
        connect.setId("settings-connect");
        connect.setOnAction(e -> onConnect.run());
        Button welcome = new Button(ctx.t("settings.welcome"), Icons.of("mdi2h-human-greeting-variant"));
        welcome.setId("settings-welcome");
        welcome.setOnAction(e -> {
            stage.close();
            onWelcome.run();
        });
        GridPane grid = grid();
        int row = add(grid, 0, ctx.t("settings.account.state"), new VBox(6, state, connect), null);
        add(grid, row, ctx.t("settings.welcome.label"), welcome, null);
        return grid;
    }

    // ---- layout helpers -------------------------------------------------------------------------------------------

    /** Customer-centre tickets (issue 25), folded until opened: built and read only when a person opens it. */
    private Node caseSettings() {
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane(ctx.t("cases.settings.title"),
                new Label());
        pane.setId("settings-cases");
        pane.setExpanded(false);
        pane.setGraphic(Icons.of("mdi2t-ticket-outline"));
        pane.expandedProperty().addListener((o, was, open) -> {
            if (open && pane.getContent() instanceof Label) {
                pane.setContent(new org.crisisdesk.desk.cases.CaseSettingsPane(ctx, model.services().settings(),
                        model.services().home(), new org.crisisdesk.desk.kit.Background(model.services().background()))
                        .build());
            }
        });
        return pane;
    }

    /** Alert delivery (issue 25): e-mail and webhook channels, folded until opened like the customer centre. */
    private Node deliverySettings() {
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane(ctx.t("delivery.title"),
                new Label());
        pane.setId("settings-delivery");
        pane.setExpanded(false);
        pane.setGraphic(Icons.of("mdi2e-email-fast-outline"));
        pane.expandedProperty().addListener((o, was, open) -> {
            if (open && pane.getContent() instanceof Label) {
                org.crisisdesk.app.Services s = model.services();
                pane.setContent(new org.crisisdesk.desk.alerts.DeliverySettingsPane(ctx,
                        new org.crisisdesk.alert.delivery.ChannelSettings(s.settings(), s.home()), s::alertDelivery,
                        new org.crisisdesk.desk.kit.Background(s.background()), s.drill()).build());
            }
        });
        return pane;
    }

    /** The X usage meter and its rates, cap, budget and warning share (issue 23), folded until opened. */
    private Node usageSettings() {
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane(ctx.t("usage.settings.title"),
                new Label());
        pane.setId("settings-usage");
        pane.setExpanded(false);
        pane.setGraphic(Icons.of("mdi2c-cash-multiple"));
        pane.expandedProperty().addListener((o, was, open) -> {
            if (open && pane.getContent() instanceof Label) {
                pane.setContent(new org.crisisdesk.desk.usage.UsageSettingsPane(ctx, model.services(),
                        new org.crisisdesk.desk.kit.Background(model.services().background())).build());
            }
        });
        return pane;
    }

    private static Node section(String icon, String title, Node body) {
        Label heading = new Label(title, Icons.of(icon));
        heading.getStyleClass().add("settings-heading");
        VBox box = new VBox(10, heading, body);
        box.getStyleClass().add("settings-section");
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints(150);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs);
        return grid;
    }

    /** A labelled row plus an optional note under it; returns the next free row. */
    private static int add(GridPane grid, int row, String label, Node input, String note) {
        Label l = new Label(label);
        l.getStyleClass().add("settings-label");
        grid.add(l, 0, row);
        grid.add(input, 1, row);
        GridPane.setMargin(input, new Insets(6, 0, 0, 0));
        GridPane.setMargin(l, new Insets(6, 0, 0, 0));
        row++;
        if (note != null) {
            Label n = new Label(note);
            n.setWrapText(true);
            n.getStyleClass().add("settings-note");
            grid.add(n, 1, row++);
        }
        return row;
    }

    /** Puts the window where an earlier one stood (a language switch reopens the settings in place). */
    public void placeAt(javafx.geometry.Rectangle2D bounds) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }
}
