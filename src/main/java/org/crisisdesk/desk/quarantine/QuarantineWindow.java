package org.crisisdesk.desk.quarantine;

import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.mention.QuarantineStore.Held;
import org.crisisdesk.mention.TextChecks;

/**
 * The posts set aside (issue 20), one per row: where it came from, how often it was tried and why it could not be
 * stored; the selected one's raw line below, read-only, with control and bidi characters written as
 * {@code <U+XXXX>} ({@link TextChecks#visible}) so a hostile post cannot reorder or hide what the window says.
 * Esc or Close closes it.
 */
public final class QuarantineWindow {
    /** Characters of a raw line shown (a held line can be 400,000). */
    static final int RAW_SHOWN = 20_000;

    private QuarantineWindow() {}

    public static Stage open(Window owner, DeskContext ctx, QuarantineViewModel model) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ctx.zone());
        Label intro = new Label();
        intro.setId("quarantine-intro");
        intro.setWrapText(true);
        intro.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> ctx.t("quarantine.intro", model.countProperty().get(), Math.min(model.countProperty().get(),
                        QuarantineViewModel.SHOWN)), model.countProperty()));

        ListView<Held> list = new ListView<>(model.items());
        list.setId("quarantine-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Held h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : ctx.t("quarantine.row", TextChecks.visible(h.source(), 40),
                        TextChecks.visible(h.platformId(), 60), h.attempts(), when.format(h.firstSeen()),
                        TextChecks.oneLine(TextChecks.visible(h.error(), 300))));
            }
        });
        list.setPlaceholder(new Label(ctx.t("quarantine.empty")));

        Label reason = new Label();
        reason.setId("quarantine-reason");
        reason.setWrapText(true);
        TextArea raw = new TextArea();
        raw.setId("quarantine-raw");
        raw.setEditable(false);
        raw.setWrapText(true);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, h) -> {
            reason.setText(h == null ? "" : ctx.t("quarantine.reason", TextChecks.visible(h.error(), 2000)));
            raw.setText(h == null ? "" : TextChecks.visible(h.raw(), RAW_SHOWN));
        });
        model.items().addListener((javafx.collections.ListChangeListener<Held>) c -> {
            if (!model.items().isEmpty() && list.getSelectionModel().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        VBox detail = new VBox(6, reason, new Label(ctx.t("quarantine.raw")), raw);
        VBox.setVgrow(raw, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);

        Stage stage = new Stage();
        Button close = new Button(ctx.t("quarantine.close"));
        close.setId("quarantine-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, new Label(ctx.t("quarantine.cli")), spacer, close);
        BorderPane root = new BorderPane(split, intro, null, buttons, null);
        root.setPadding(new Insets(10));
        BorderPane.setMargin(intro, new Insets(0, 0, 8, 0));
        BorderPane.setMargin(buttons, new Insets(8, 0, 0, 0));
        Scene scene = new Scene(root, 820, 560);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle(ctx.t("quarantine.title"));
        stage.show();
        list.requestFocus();
        model.load();
        return stage;
    }
}
