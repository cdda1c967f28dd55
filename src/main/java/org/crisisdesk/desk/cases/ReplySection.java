package org.crisisdesk.desk.cases;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.WeightedLength;
import org.crisisdesk.reply.ReplyService;

/**
 * The detail pane's "reply on X" section: the template filled for this mention (its ticket, its category's latest
 * notice link), editable, with its weighted length and the says-something warning; sent only by this person's click
 * after a confirmation, once, through the notice outbox. A mention already answered shows the reply instead.
 */
public final class ReplySection {
    private final DeskContext ctx;
    private final Supplier<ReplyService> replies;
    private final Background reads;
    private final Background outbox;
    private final Supplier<String> actor;

    public ReplySection(DeskContext ctx, Supplier<ReplyService> replies, Executor readExecutor, Executor outboxExecutor,
            Supplier<String> actor) {
        this.ctx = ctx;
        this.replies = replies;
        this.reads = new Background(readExecutor);
        this.outbox = new Background(outboxExecutor);
        this.actor = actor;
    }

    public Node showFor(StoredMention sm) {
        VBox box = new VBox(4);
        box.setId("reply-section");
        Label title = new Label(ctx.t("reply.title"));
        title.getStyleClass().add("pane-subtitle");
        TextArea text = new TextArea();
        text.setId("reply-text");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        Label counter = new Label();
        counter.setId("reply-counter");
        Label warn = new Label();
        warn.setWrapText(true);
        warn.getStyleClass().add("case-failure");
        Button send = new Button(ctx.t("reply.send"));
        send.setId("reply-send");
        send.setDisable(true);
        box.getChildren().addAll(title, text, counter, warn, send);
        NoticeLang lang = "en".equals(sm.mention().lang()) ? NoticeLang.EN : NoticeLang.KO;
        reads.run(() -> replies.get().draft(sm.pk(), lang)).onSuccess(d -> {
            if (d.warnings().contains(ReplyService.Warning.ALREADY_REPLIED)) {
                box.getChildren().setAll(title, new Label(ctx.t("reply.already")));
                return;
            }
            text.setText(d.text());
            show(d.warnings(), counter, warn, send, text.getText());
        });
        text.textProperty().addListener((o, was, now) -> {
            WeightedLength.Measure m = WeightedLength.measure(now.strip());
            counter.setText(ctx.t("reply.length", m.counter()));
            send.setDisable(!m.valid());
        });
        send.setOnAction(e -> {
            String t = text.getText().strip();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, ctx.t("reply.confirm", "@" + sm.mention().author(),
                    t), ButtonType.OK, ButtonType.CANCEL);
            confirm.setHeaderText(null);
            confirm.initOwner(box.getScene() == null ? null : box.getScene().getWindow());
            if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
            send.setDisable(true);
            String who = actor.get();
            outbox.run(() -> replies.get().reply(sm.pk(), t, who)).onSuccess(o -> {
                box.getChildren().setAll(title, new Label(o.posted() ? ctx.t("reply.posted")
                        : ctx.t("reply.notPosted", o.message())));
            }).onFailure(err -> {
                warn.setText(ctx.t("reply.failed", err.getMessage()));
                send.setDisable(false);
            });
        });
        return box;
    }

    private void show(java.util.List<ReplyService.Warning> warnings, Label counter, Label warn, Button send,
            String text) {
        WeightedLength.Measure m = WeightedLength.measure(text.strip());
        counter.setText(ctx.t("reply.length", m.counter()));
        StringBuilder b = new StringBuilder();
        for (ReplyService.Warning w : warnings) {
            b.append(ctx.t("reply.warn." + w.name())).append('\n');
        }
        warn.setText(b.toString().strip());
        send.setDisable(!m.valid() || warnings.contains(ReplyService.Warning.PERSON_REPLIED));
    }
}
