package org.crisisdesk.desk.cases;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.Outbox;
import org.crisisdesk.notice.WeightedLength;
import org.crisisdesk.reply.ReplyService;

/**
 * A small window to write one reply to one mention (issue 25): the template filled for it, editable, with the
 * weighted length and the says-something lint as the person types, and who it goes to. Ctrl+Enter or <i>Send</i>
 * posts it once through {@link ReplyService} and the notice outbox (in a drill that is the drill outbox: nothing
 * reaches the account); Esc closes it unsent. FX thread; database and network work on the given executors.
 */
public final class ReplyComposer {
    private final DeskContext ctx;
    private final Supplier<ReplyService> replies;
    private final Background reads;
    private final Background outbox;
    private final Supplier<String> actor;
    private final boolean drill;
    private Stage stage;

    public ReplyComposer(DeskContext ctx, Supplier<ReplyService> replies, Background reads, Background outbox,
            Supplier<String> actor, boolean drill) {
        this.ctx = ctx;
        this.replies = replies;
        this.reads = reads;
        this.outbox = outbox;
        this.actor = actor;
        this.drill = drill;
    }

    /** The open composer's window, or null. */
    public Stage window() {
        return stage;
    }

    /** Opens the composer for {@code sm}; {@code onPosted} runs on the FX thread once the reply is stored and sent. */
    public void open(Window owner, StoredMention sm, Consumer<Outbox.Outcome> onPosted) {
        if (stage != null) {
            stage.close();
        }
        Label to = new Label(ctx.t("reply.to", "@" + sm.mention().author(), excerpt(sm.mention().text())));
        to.setWrapText(true);
        to.setId("reply-to");
        TextArea text = new TextArea();
        text.setId("reply-text");
        text.setWrapText(true);
        text.setPrefRowCount(4);
        text.setDisable(true);
        Label counter = new Label();
        counter.setId("reply-counter");
        Label warn = new Label();
        warn.setId("reply-warn");
        warn.setWrapText(true);
        warn.getStyleClass().add("case-failure");
        Label note = new Label(ctx.t(drill ? "reply.drill" : "reply.once"));
        note.setId("reply-note");
        note.setWrapText(true);
        note.getStyleClass().add("settings-note");
        Label result = new Label();
        result.setId("reply-result");
        result.setWrapText(true);
        Button send = new Button(ctx.t("reply.compose.send"));
        send.setId("reply-send");
        send.setDefaultButton(false);
        send.setDisable(true);
        Button cancel = new Button(ctx.t("reply.compose.cancel"));
        cancel.setId("reply-cancel");
        cancel.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, counter, spacer, cancel, send);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(8, to, text, warn, note, result, buttons);
        root.setPadding(new Insets(14));
        root.setPrefWidth(480);
        root.setId("reply-composer");

        boolean[] blocked = {true};
        Runnable lint = () -> {
            String t = text.getText().strip();
            WeightedLength.Measure m = WeightedLength.measure(t);
            counter.setText(ctx.t("reply.length", m.counter()));
            counter.getStyleClass().removeAll("over");
            if (!m.valid()) {
                counter.getStyleClass().add("over");
            }
            List<String> lines = new java.util.ArrayList<>();
            if (!m.valid()) {
                lines.add(ctx.t("reply.warn.TOO_LONG"));
            }
            if (ReplyService.saysNothing(t)) {
                lines.add(ctx.t("reply.warn.SAYS_NOTHING"));
            }
            if (blocked[0] && warn.getUserData() instanceof String refused) {
                lines.add(0, refused);
            }
            warn.setText(String.join("\n", lines));
            send.setDisable(blocked[0] || !m.valid());
        };
        text.textProperty().addListener((o, was, now) -> lint.run());

        NoticeLang lang = "en".equals(sm.mention().lang()) ? NoticeLang.EN : NoticeLang.KO;
        reads.run(() -> replies.get().draft(sm.pk(), lang)).onSuccess(d -> {
            if (d.warnings().contains(ReplyService.Warning.ALREADY_REPLIED)) {
                warn.setUserData(ctx.t("reply.warn.ALREADY_REPLIED"));
            } else if (d.warnings().contains(ReplyService.Warning.PERSON_REPLIED)) {
                warn.setUserData(ctx.t("reply.warn.PERSON_REPLIED"));
            } else {
                blocked[0] = false;
                text.setDisable(false);
            }
            text.setText(d.text());
            lint.run();
            text.requestFocus();
            text.end();
        }).onFailure(err -> result.setText(ctx.t("reply.failed", err.getMessage())));

        Runnable post = () -> {
            if (send.isDisabled()) {
                return;
            }
            String t = text.getText().strip();
            send.setDisable(true);
            text.setDisable(true);
            result.setText(ctx.t("reply.sending"));
            String who = actor.get();
            outbox.run(() -> replies.get().reply(sm.pk(), t, who)).onSuccess(o -> {
                result.setText(o.posted() ? ctx.t("reply.posted") : ctx.t("reply.notPosted", o.message()));
                onPosted.accept(o);
                if (o.posted() && stage != null) {
                    stage.close();
                }
            }).onFailure(err -> {
                result.setText(ctx.t("reply.failed", err.getMessage()));
                text.setDisable(false);
                lint.run();
            });
        };
        send.setOnAction(e -> post.run());
        cancel.setOnAction(e -> stage.close());

        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), post);
        stage = new Stage();
        stage.setTitle(ctx.t("reply.compose.title", "@" + sm.mention().author()));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(scene);
        Stage shown = stage;
        shown.setOnHidden(e -> {
            if (stage == shown) {
                stage = null;
            }
        });
        stage.show();
    }

    private static String excerpt(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 79) + "…" : t;
    }
}
