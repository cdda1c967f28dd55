package org.crisisdesk.desk.cases;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.crisisdesk.desk.Background;
import org.crisisdesk.desk.DeskContext;
import org.crisisdesk.desk.Icons;
import org.crisisdesk.desk.feed.RelativeTime;
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
        this.composer = new ReplyComposer(ctx, replies, reads, new Background(outboxExecutor), actor, drill);
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
