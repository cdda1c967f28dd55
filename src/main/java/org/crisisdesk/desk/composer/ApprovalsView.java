package org.crisisdesk.desk.composer;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.crisisdesk.desk.kit.DeskContext;

/**
 * The approver's pane (issue 22): the waiting notices; for the selected one the exact text as it will post, its
 * weighted length, the says-something findings and the category's last notice; a comment; approve or send back.
 * Keyboard: the list takes Up/Down, Ctrl+Enter approves, Ctrl+Shift+Enter sends back (with the comment).
 */
public final class ApprovalsView extends VBox {
    private final ApprovalsViewModel model;
    private final ListView<ApprovalsViewModel.Item> list = new ListView<>();

    public ApprovalsView(ApprovalsViewModel model) {
        this.model = model;
        DeskContext ctx = model.context();
        setId("approvals");
        setSpacing(6);
        setPadding(new Insets(8));
        Label title = new Label(ctx.t("approval.title"));
        title.getStyleClass().add("title-4");
        list.setId("approval-list");
        list.setItems(model.waiting());
        list.setPrefHeight(140);
        list.setPlaceholder(new Label(ctx.t("approval.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ApprovalsViewModel.Item item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ctx.t("approval.item", item.id(), item.category(),
                        item.author() == null ? "?" : item.author(), model.waited(item)));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        TextArea text = org.crisisdesk.desk.kit.LiveScroll.uncachedText(new TextArea()); // replaced per notice
        text.setId("approval-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(6);
        Label counter = new Label();
        counter.setId("approval-counter");
        Label warnings = new Label();
        warnings.setId("approval-warnings");
        warnings.setWrapText(true);
        Label last = new Label();
        last.setId("approval-last");
        last.setWrapText(true);
        model.selectedProperty().addListener((o, a, item) -> {
            if (item != null && list.getSelectionModel().getSelectedItem() != item) {
                list.getSelectionModel().select(item);
            }
            text.setText(item == null ? "" : item.text());
            counter.setText(item == null ? "" : ctx.t("approval.length", item.weighted()));
            counter.setStyle(item != null && !item.valid() ? "-fx-text-fill: -color-danger-fg;" : "");
            warnings.setText(item == null ? "" : item.warnings().isEmpty() ? ctx.t("approval.lint.none")
                    : String.join("\n", item.warnings().stream().map(w -> "• " + ctx.t("composer.warn." + w.name(),
                            "", "")).toList()));
            last.setText(item == null ? "" : ctx.t("approval.last", item.lastNotice() == null
                    ? ctx.t("approval.last.none") : item.lastNotice()));
        });
        TextField comment = new TextField();
        comment.setId("approval-comment");
        comment.setPromptText(ctx.t("approval.comment"));
        comment.textProperty().bindBidirectional(model.commentProperty());
        Button approve = new Button(ctx.t("approval.approve"));
        approve.setId("approval-approve");
        approve.setDefaultButton(false);
        approve.setOnAction(e -> model.approve());
        Button back = new Button(ctx.t("approval.sendBack"));
        back.setId("approval-send-back");
        back.setOnAction(e -> model.sendBack());
        approve.disableProperty().bind(model.selectedProperty().isNull());
        back.disableProperty().bind(model.selectedProperty().isNull());
        Label message = new Label();
        message.setId("approval-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox buttons = new HBox(8, approve, back);
        VBox.setVgrow(text, Priority.ALWAYS);
        getChildren().addAll(title, list, text, counter, warnings, last, comment, buttons, message);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                if (e.isShiftDown()) {
                    model.sendBack();
                } else {
                    model.approve();
                }
                e.consume();
            }
        });
    }

    /** The list takes the keyboard (the tab was opened). */
    public void focusList() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }
}
