package org.crisisdesk.desk.welcome;

import java.io.File;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;

/**
 * The first-run welcome, drawn over the desk: try the demo crisis, connect the X account, or import prepared
 * categories and rules. Builds nodes and binds; what a choice does is given by the window ({@link Actions}).
 */
public final class WelcomeView extends StackPane {

    /** What the window does for each choice (after the choice was recorded). */
    public interface Actions {
        void demo();

        void connect();

        /** After a categories file was imported. */
        void imported();

        /** The screen was closed without a choice ("later"). */
        void closed();
    }

    private static final double CARD_WIDTH = 640;
    private static final double TEXT_WIDTH = 500;

    private final WelcomeViewModel model;
    private final Label message = new Label();

    public WelcomeView(DeskContext ctx, WelcomeViewModel model, Actions actions, boolean live) {
        this.model = model;
        setId("welcome");
        getStyleClass().add("welcome-overlay");

        Label logo = new Label(null, Icons.of("mdi2l-lifebuoy"));
        logo.getStyleClass().add("welcome-logo");
        Label title = new Label(ctx.t("welcome.title"));
        title.getStyleClass().add("welcome-title");
        title.setWrapText(true);
        Label lead = new Label(ctx.t("welcome.lead"));
        lead.getStyleClass().add("welcome-lead");
        lead.setWrapText(true);
        lead.setPrefWidth(TEXT_WIDTH);
        lead.setMinHeight(USE_PREF_SIZE);

        HBox demo = tile("welcome-demo", "mdi2p-play-circle-outline", ctx.t("welcome.demo"),
                ctx.t(live ? "welcome.demo.live" : "welcome.demo.text"),
                () -> model.choose(WelcomeViewModel.Choice.DEMO, actions::demo));
        demo.getStyleClass().add("welcome-primary");
        HBox connect = tile("welcome-connect", "mdi2t-twitter", ctx.t("welcome.connect"),
                ctx.t("welcome.connect.text"), actions::connect);
        HBox importer = tile("welcome-import", "mdi2f-file-import-outline", ctx.t("welcome.import"),
                ctx.t("welcome.import.text"),
                () -> chooseFile(ctx, file -> model.importCategories(file.toPath(), actions::imported)));
        importer.disableProperty().bind(model.busyProperty());
        VBox tiles = new VBox(10, demo, connect, importer);

        // the account's zone, asked once (issue 26): notices say "14:00" in it, not in the computer's zone
        javafx.scene.control.ComboBox<String> zone = new javafx.scene.control.ComboBox<>();
        zone.setId("welcome-zone");
        zone.setEditable(true);
        zone.getItems().addAll(new java.util.TreeSet<>(java.time.ZoneId.getAvailableZoneIds()));
        zone.setVisibleRowCount(12);
        zone.setValue(model.zoneProperty().get());
        zone.valueProperty().addListener((o, a, b) -> model.zoneProperty().set(b == null ? null : b.strip()));
        Label zoneLabel = new Label(ctx.t("welcome.zone"));
        zoneLabel.setLabelFor(zone);
        zoneLabel.setMinWidth(USE_PREF_SIZE); // the note beside it wraps; the label itself is never cut to "…"
        Label zoneNote = new Label(ctx.t("welcome.zone.note"));
        zoneNote.getStyleClass().add("welcome-keys");
        zoneNote.setWrapText(true);
        zoneNote.setMinHeight(USE_PREF_SIZE);
        HBox.setHgrow(zoneNote, Priority.ALWAYS);
        HBox zoneRow = new HBox(10, zoneLabel, zone, zoneNote);
        zoneRow.setAlignment(Pos.CENTER_LEFT);
        zoneRow.setId("welcome-zone-row");

        // who sits here (issue 22): credited in every history and shown to the other desks
        javafx.scene.control.TextField person = new javafx.scene.control.TextField(model.personNameProperty().get());
        person.setId("welcome-person");
        person.setPromptText(org.crisisdesk.people.Person.osUser());
        person.setPrefColumnCount(14);
        model.personNameProperty().bind(person.textProperty());
        javafx.scene.control.TextField handle = new javafx.scene.control.TextField(model.handleProperty().get());
        handle.setId("welcome-handle");
        handle.setPrefColumnCount(8);
        handle.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> org.crisisdesk.people.Person.handleFor(person.getText()), person.textProperty()));
        model.handleProperty().bind(handle.textProperty());
        Label personLabel = new Label(ctx.t("welcome.person"));
        personLabel.setLabelFor(person);
        Label handleLabel = new Label(ctx.t("welcome.handle"));
        handleLabel.setLabelFor(handle);
        personLabel.setMinWidth(USE_PREF_SIZE);
        handleLabel.setMinWidth(USE_PREF_SIZE);
        HBox personRow = new HBox(10, personLabel, person, handleLabel, handle);
        personRow.setAlignment(Pos.CENTER_LEFT);
        personRow.setId("welcome-person-row");

        message.setId("welcome-message");
        message.getStyleClass().add("welcome-message");
        message.setWrapText(true);
        message.setPrefWidth(TEXT_WIDTH);
        message.setMinHeight(USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((o, a, bad) -> {
            message.getStyleClass().remove("error");
            if (bad) {
                message.getStyleClass().add("error");
            }
        });
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        Label keys = new Label(ctx.t("welcome.keys"));
        keys.getStyleClass().add("welcome-keys");
        keys.setWrapText(true);
        HBox.setHgrow(keys, Priority.ALWAYS);
        keys.setMaxWidth(Double.MAX_VALUE);
        keys.setMinHeight(USE_PREF_SIZE);
        Hyperlink later = new Hyperlink(ctx.t("welcome.later"));
        later.setId("welcome-later");
        later.setOnAction(e -> model.choose(WelcomeViewModel.Choice.LATER, actions::closed));
        HBox footer = new HBox(12, keys, later);
        footer.setAlignment(Pos.CENTER_LEFT);

        HBox head = new HBox(14, logo, new VBox(4, title, lead));
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(18, head, personRow, zoneRow, tiles, message, footer);
        card.getStyleClass().add("welcome-card");
        card.setPadding(new Insets(28, 32, 22, 32));
        card.setMaxSize(CARD_WIDTH, USE_PREF_SIZE);
        card.setPrefWidth(CARD_WIDTH);
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        // the first choice has the keyboard once the screen shows (Enter tries the demo)
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(demo::requestFocus);
            }
        });
    }

    public WelcomeViewModel model() {
        return model;
    }

    /**
     * A choice drawn as a card: icon, title, two lines of text. A plain box, not a Button (a Button sizes wrapped text
     * in its graphic badly); clicks, Enter and Space choose it, and it takes keyboard focus like a button.
     */
    private static HBox tile(String id, String icon, String title, String text, Runnable action) {
        Label t = new Label(title);
        t.getStyleClass().add("welcome-tile-title");
        Label d = new Label(text);
        d.getStyleClass().add("welcome-tile-text");
        d.setWrapText(true);
        d.setMinHeight(USE_PREF_SIZE);
        VBox words = new VBox(3, t, d);
        HBox.setHgrow(words, Priority.ALWAYS);
        var graphic = Icons.of(icon);
        graphic.getStyleClass().add("welcome-tile-icon");
        HBox box = new HBox(16, graphic, words);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId(id);
        box.getStyleClass().add("welcome-tile");
        box.setFocusTraversable(true);
        box.setMinHeight(USE_PREF_SIZE);
        box.setMaxHeight(USE_PREF_SIZE);
        box.setOnMouseClicked(e -> {
            if (!box.isDisabled()) {
                action.run();
            }
        });
        box.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                action.run();
                e.consume();
            }
        });
        return box;
    }

    private void chooseFile(DeskContext ctx, Consumer<File> then) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ctx.t("welcome.import.choose"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(ctx.t("welcome.import.filter"), "*.json"),
                new FileChooser.ExtensionFilter("*", "*"));
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            then.accept(f);
        }
    }
}
