package org.crisisdesk.desk.people;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;

/**
 * A small window over the desk listing the customer centre's cases as "mine", "unassigned" or "all" (issue 22). Keys:
 * M, U, A switch the view; Enter (or a double click) opens the case in the detail pane; Esc closes.
 */
public final class CasesFilterView {
    private final DeskContext ctx;
    private final CasesFilterViewModel model;
    private final Consumer<StoredMention> open;

    public CasesFilterView(DeskContext ctx, CasesFilterViewModel model, Consumer<StoredMention> open) {
        this.ctx = ctx;
        this.model = model;
        this.open = open;
    }

    /** Shows the cases of {@code centre}, starting with {@code show}. */
    public Stage show(Window owner, Category centre, CasesFilterViewModel.Show show) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton mine = toggle(group, "cases-show-mine", "people.cases.mine", CasesFilterViewModel.Show.MINE);
        ToggleButton none = toggle(group, "cases-show-unassigned", "people.cases.unassigned",
                CasesFilterViewModel.Show.UNASSIGNED);
        ToggleButton all = toggle(group, "cases-show-all", "people.cases.all", CasesFilterViewModel.Show.ALL);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                group.selectToggle(a);
            } else {
                model.showProperty().set((CasesFilterViewModel.Show) b.getUserData());
            }
        });
        model.showProperty().addListener((o, a, b) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == b).findFirst().ifPresent(group::selectToggle));
        ListView<CasesFilterViewModel.Row> list = new ListView<>(model.rows());
        list.setId("cases-list");
        list.setPlaceholder(new Label(ctx.t("people.cases.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CasesFilterViewModel.Row r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                String who = r.assignment() == null ? ctx.t("people.cases.nobody") : r.assignment().handle();
                String text = r.mention().mention().text().replaceAll("\\s+", " ");
                setText("@" + r.mention().mention().author() + " · " + who + " — "
                        + (text.length() > 120 ? text.substring(0, 120) + "…" : text));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem().mention());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label keys = new Label(ctx.t("people.cases.keys"));
        keys.getStyleClass().add("mention-time");
        VBox box = new VBox(8, new HBox(6, mine, none, all), list, keys);
        box.setPadding(new Insets(10));
        box.setId("cases-view");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(ctx.t("people.cases.title", centre.name()));
        Scene scene = new Scene(box, 560, 480);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.M) {
                model.showProperty().set(CasesFilterViewModel.Show.MINE);
            } else if (e.getCode() == KeyCode.U) {
                model.showProperty().set(CasesFilterViewModel.Show.UNASSIGNED);
            } else if (e.getCode() == KeyCode.A) {
                model.showProperty().set(CasesFilterViewModel.Show.ALL);
            } else if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem().mention());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            } else {
                return;
            }
            e.consume();
        });
        stage.setScene(scene);
        model.showProperty().set(show);
        group.getToggles().stream().filter(t -> t.getUserData() == show).findFirst().ifPresent(group::selectToggle);
        model.load(centre.id());
        stage.show();
        list.requestFocus();
        return stage;
    }

    private ToggleButton toggle(ToggleGroup group, String id, String key, CasesFilterViewModel.Show show) {
        ToggleButton b = new ToggleButton(ctx.t(key));
        b.setId(id);
        b.setUserData(show);
        b.setToggleGroup(group);
        return b;
    }
}
