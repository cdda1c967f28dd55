package org.crisisdesk.desk.detail;

import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.RelativeTime;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;

/**
 * Below a mention in the detail pane: the other stored mentions of its conversation, oldest first, each a click away.
 * Read off the FX thread; an answer for a mention no longer shown is dropped. FX thread only.
 */
public final class ThreadView extends VBox {
    /** Enough to follow a conversation; a longer one shows its newest posts. */
    static final int LIMIT = 50;
    /** A row shows the start of a long text; the whole is one click away. */
    private static final int PREVIEW = 200;

    private final DeskContext ctx;
    private final Background background;
    private final MentionStore store;
    private final Consumer<StoredMention> open;
    private final Label title;
    private long shownPk = -1;
    /** How long a mention stays open before its conversation is looked up. */
    private final PauseTransition settle = new PauseTransition(Duration.millis(300));

    public ThreadView(DeskContext ctx, Background background, MentionStore store, Consumer<StoredMention> open) {
        this.ctx = ctx;
        this.background = background;
        this.store = store;
        this.open = open;
        setId("mention-thread");
        getStyleClass().add("mention-history");
        setSpacing(4);
        title = new Label(ctx.t("detail.thread.title"));
        title.getStyleClass().add("pane-title");
    }

    /** Shows (and loads) the conversation around {@code m}; returns itself, to sit in the detail pane. */
    public ThreadView showFor(StoredMention m) {
        shownPk = m.pk();
        Label loading = new Label(ctx.t("detail.thread.loading"));
        loading.getStyleClass().add("mention-time");
        getChildren().setAll(title, loading);
        // a post that replies to nothing (or whose root v1.1 did not say) is looked up as the root of others
        String conversation = m.mention().conversationId() != null ? m.mention().conversationId() : m.platformId();
        String source = m.mention().source();
        // The lookup is a scan: j/k through the feed opens a mention per key press, and only the one the manager
        // stays on is worth it.
        settle.setOnFinished(e -> load(m, source, conversation));
        settle.playFromStart();
        return this;
    }

    private void load(StoredMention m, String source, String conversation) {
        if (shownPk != m.pk()) {
            return;
        }
        background.run(() -> store.conversation(source, conversation, LIMIT + 1)).onSuccess(thread -> {
            if (shownPk == m.pk()) {
                show(thread.stream().filter(o -> o.pk() != m.pk()).toList());
            }
        }).onFailure(e -> {
            if (shownPk == m.pk()) {
                getChildren().setAll(title, muted(ctx.t("detail.thread.failed")));
            }
        });
    }

    private void show(List<StoredMention> others) {
        getChildren().setAll(title);
        if (others.isEmpty()) {
            getChildren().add(muted(ctx.t("detail.thread.none")));
            return;
        }
        for (StoredMention o : others.subList(Math.max(0, others.size() - LIMIT), others.size())) {
            Hyperlink who = new Hyperlink("@" + o.mention().author() + " · "
                    + RelativeTime.absolute(o.createdAt(), ctx.zone()));
            who.getStyleClass().add("thread-author");
            who.setOnAction(e -> open.accept(o));
            String t = o.text();
            Label text = new Label(t.length() > PREVIEW ? t.substring(0, t.offsetByCodePoints(0,
                    t.codePointCount(0, PREVIEW))) + "…" : t);
            text.setWrapText(true);
            VBox row = new VBox(1, who, text);
            row.getStyleClass().add("history-row");
            getChildren().add(row);
        }
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("mention-time");
        l.setWrapText(true);
        return l;
    }
}
