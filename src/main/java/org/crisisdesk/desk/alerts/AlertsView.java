package org.crisisdesk.desk.alerts;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;

/**
 * The alert UI of one window: the status-bar bell with the open count, its popover with the alert list, the column
 * badges for the boards, and the notifications. Rebuilt with the window (a language switch); the model stays.
 */
public final class AlertsView {
    private final DeskContext ctx;
    private final AlertsViewModel model;
    private final Button bell;
    private final VBox listPane;
    private PopOver popOver;
    private Runnable onEditRules = () -> {};

    private final AlertNotifier notifier;

    /**
     * The window puts {@link #toastLayer()} over its content and names the area the pop-ups may use
     * ({@link #placeToastsOver}).
     */
    public AlertsView(DeskContext ctx, AlertsViewModel model) {
        this.ctx = ctx;
        this.model = model;
        this.bell = buildBell();
        this.listPane = buildList();
        this.notifier = new AlertNotifier(ctx, model);
        notifier.setOnOpenList(this::toggleList);
        model.setOnNotify(notifier::show);
    }

    /** The layer the alert pop-ups are drawn on (inside the window, over its content). */
    public javafx.scene.layout.Pane toastLayer() {
        return notifier.layer();
    }

    /** The pop-ups sit in the bottom-right corner of {@code area} (the boards: never over the composer). */
    public void placeToastsOver(Node area) {
        notifier.placeOver(area);
    }

    /** Ctrl+Shift+N: writes the notice for the newest alert pop-up (or open alert); false when there is none. */
    public boolean composeForLatest() {
        return notifier.composeLatest();
    }

    private Button buildBell() {
        Button b = new Button();
        b.setId("alerts-button");
        b.getStyleClass().add("alert-bell");
        b.graphicProperty().bind(Bindings.createObjectBinding(
                () -> Icons.of(model.openCount().get() > 0 ? "mdi2b-bell-ring" : "mdi2b-bell-outline"), model.openCount()));
        b.textProperty().bind(model.openCount().asString());
        model.openCount().addListener((o, was, now) -> b.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("open"), now.intValue() > 0));
        b.setTooltip(new Tooltip(ctx.t("alerts.bell.tooltip")));
        b.setOnAction(e -> toggleList(b));
        return b;
    }

    private VBox buildList() {
        Label title = new Label(ctx.t("alerts.list.title"));
        title.getStyleClass().add("alert-list-title");
        Button rules = new Button(ctx.t("alerts.list.rules"), Icons.of("mdi2t-tune"));
        rules.setId("alerts-rules");
        rules.getStyleClass().add("small");
        rules.setOnAction(e -> {
            if (popOver != null) {
                popOver.hide();
            }
            onEditRules.run();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, rules);
        header.setAlignment(Pos.CENTER_LEFT);

        ListView<org.crisisdesk.alert.Alert> list = new ListView<>(model.alerts());
        list.setId("alert-list");
        list.setCellFactory(v -> new AlertCell(ctx, model));
        model.deliveries().addListener((o, was, now) -> list.refresh());
        Label empty = new Label(ctx.t("alerts.list.empty"));
        empty.setWrapText(true);
        empty.getStyleClass().add("empty-state");
        list.setPlaceholder(empty);
        list.setPrefSize(440, 480);
        VBox.setVgrow(list, Priority.ALWAYS);

        Label error = new Label();
        error.getStyleClass().add("alert-error");
        error.textProperty().bind(model.lastError());
        error.visibleProperty().bind(model.lastError().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox box = new VBox(8, header, error, list);
        box.setPadding(new Insets(10));
        box.getStyleClass().add("alert-list-pane");
        return box;
    }

    /** The status-bar bell: the open count; opens the alert list. */
    public Button bellButton() {
        return bell;
    }

    /** The alert list itself (for a side panel, or tests). */
    public VBox listPane() {
        return listPane;
    }

    /** A small badge for a board column header (null: Unsorted); hidden while the column has no active alert. */
    public Node badge(Long categoryId) {
        return new AlertBadge(ctx, model.column(categoryId), categoryId, b -> toggleList(b));
    }

    /** Opens the alert-rule editor (wired by the window). */
    public void setOnEditRules(Runnable action) {
        this.onEditRules = action;
    }

    public void toggleList(Node anchor) {
        if (popOver == null) {
            popOver = new PopOver(listPane);
            popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
            popOver.setDetachable(false);
            popOver.setTitle(ctx.t("alerts.list.title"));
            popOver.setHeaderAlwaysVisible(false);
        }
        if (popOver.isShowing()) {
            popOver.hide();
        } else {
            popOver.show(anchor);
        }
    }
}
