package org.crisisdesk.desk.cases;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.desk.kit.RelativeTime;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.notice.NoticeState;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.reply.ReplyService;

/**
 * The detail pane's "reply on X" section: a mention already answered shows its reply (text, and whether it is posted
 * or still in the outbox); otherwise <i>Reply…</i> (or Ctrl+R at the desk) opens the {@link ReplyComposer}, where the
 * reply is written and sent once, by this person, through the notice outbox.
 */
public final class ReplySection {
    private final DeskContext ctx;
    private final Supplier<ReplyService> replies;
    private final Background reads;
    private final ReplyComposer composer;
    private final Background outbox;
    private final Supplier<String> actor;
    /** How far apart the replies of a confirmed selection are posted (the outbox's round posts them). */
    public static final java.time.Duration SELECTION_PACE = java.time.Duration.ofSeconds(20);
    private Consumer<StoredMention> onReplied = sm -> {};

    public ReplySection(DeskContext ctx, Supplier<ReplyService> replies, Executor readExecutor, Executor outboxExecutor,
            Supplier<String> actor) {
        this(ctx, replies, readExecutor, outboxExecutor, actor, false);
    }

    /** @param drill the desk is a drill: the composer says the reply goes to the drill outbox, never the account */
    public ReplySection(DeskContext ctx, Supplier<ReplyService> replies, Executor readExecutor, Executor outboxExecutor,
            Supplier<String> actor, boolean drill) {
        this.ctx = ctx;
        this.replies = replies;
        this.reads = new Background(readExecutor);
        this.outbox = new Background(outboxExecutor);
        this.actor = actor;
        this.composer = new ReplyComposer(ctx, replies, reads, outbox, actor, drill);
    }

    /** Called on the FX thread with the mention once its reply went out (the window shows it again). */
    public void setOnReplied(Consumer<StoredMention> action) {
        this.onReplied = action == null ? sm -> {} : action;
    }

    /** The composer (tests, and the desk's Ctrl+R). */
    public ReplyComposer composer() {
        return composer;
    }

    /** Opens the reply composer for {@code sm} over {@code owner}. */
    public void reply(Window owner, StoredMention sm) {
        if (sm != null) {
            composer.open(owner, sm, o -> onReplied.accept(sm));
        }
    }

    /**
     * A selection: asks first, then queues one reply per mention, each with its own filled template, posted
     * {@link #SELECTION_PACE} apart by the outbox; mentions already answered, or whose author got a reply in the last
     * 24 hours, are skipped. {@code tell} gets what was done (FX thread).
     */
    public void replyToEach(Window owner, java.util.List<StoredMention> selection,
            java.util.function.BiConsumer<String, Boolean> tell) {
        if (selection.size() == 1) {
            reply(owner, selection.get(0));
            return;
        }
        javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, ctx.t("reply.selection.confirm", selection.size(),
                        SELECTION_PACE.toSeconds()), javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        confirm.setHeaderText(ctx.t("reply.selection.title", selection.size()));
        confirm.getDialogPane().setId("reply-selection-confirm");
        if (owner != null) {
            confirm.initOwner(owner);
        }
        if (confirm.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL)
                != javafx.scene.control.ButtonType.OK) {
            return;
        }
        java.util.List<Long> pks = selection.stream().map(StoredMention::pk).toList();
        org.crisisdesk.notice.NoticeLang lang = selection.stream().allMatch(m -> "en".equals(m.mention().lang()))
                ? org.crisisdesk.notice.NoticeLang.EN : org.crisisdesk.notice.NoticeLang.KO;
        String who = actor.get();
        outbox.run(() -> replies.get().queueSelection(pks, lang, who, java.time.Instant.now(), SELECTION_PACE))
                .onSuccess(queued -> tell.accept(ctx.t("reply.selection.queued", queued.size(),
                        pks.size() - queued.size()), false))
                .onFailure(err -> tell.accept(ctx.t("reply.failed", err.getMessage()), true));
    }

    public Node showFor(StoredMention sm) {
        VBox box = new VBox(4);
        box.setId("reply-section");
        Label title = new Label(ctx.t("reply.title"));
        title.getStyleClass().add("pane-subtitle");
        Button open = new Button(ctx.t("reply.open"), Icons.of("mdi2r-reply-outline"));
        open.setId("reply-open");
        open.setDisable(true);
        open.setOnAction(e -> reply(box.getScene() == null ? null : box.getScene().getWindow(), sm));
        box.getChildren().addAll(title, open);
        reads.run(() -> replies.get().replyOf(sm.pk())).onSuccess(r -> {
            if (r.isPresent()) {
                box.getChildren().setAll(title, shown(r.get()));
            } else {
                open.setDisable(false);
            }
        });
        return box;
    }

    /** The reply on the mention: its text, and posted (when) or where it stands in the outbox. */
    private Node shown(StoredNotice n) {
        Label text = new Label(n.notice().text());
        text.setId("reply-shown");
        text.setWrapText(true);
        String state = n.state() == NoticeState.POSTED
                ? ctx.t("reply.state.posted", n.postedAt() == null ? "?" : RelativeTime.clock(n.postedAt(), ctx.zone()),
                        n.postedBy() == null ? "" : n.postedBy())
                : n.state() == NoticeState.FAILED ? ctx.t("reply.state.failed", n.failure() == null ? "" : n.failure())
                : ctx.t("reply.state.queued");
        Label when = new Label(state);
        when.setId("reply-state");
        when.setWrapText(true);
        when.getStyleClass().add("settings-note");
        return new VBox(2, text, when);
    }
}
