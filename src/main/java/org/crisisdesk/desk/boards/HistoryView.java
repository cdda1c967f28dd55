package org.crisisdesk.desk.boards;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.RelativeTime;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.HistoryEntry;

/** Below a mention in the detail pane: every move of it, who made it and when, oldest first. */
public final class HistoryView extends VBox {
    private final DeskContext ctx;
    private final BoardsViewModel model;
    private final Label title;
    private long shownPk = -1;

    public HistoryView(DeskContext ctx, BoardsViewModel model) {
        this.ctx = ctx;
        this.model = model;
        setId("mention-history");
        getStyleClass().add("mention-history");
        setSpacing(4);
        title = new Label(ctx.t("board.history.title"));
        title.getStyleClass().add("pane-title");
    }

    /** Shows (and loads) the history of {@code m}; returns itself, to sit in the detail pane. */
    public HistoryView showFor(StoredMention m) {
        shownPk = m.pk();
        Label loading = new Label(ctx.t("board.history.loading"));
        loading.getStyleClass().add("mention-time");
        getChildren().setAll(title, loading);
        model.history(m.pk(), entries -> {
            if (shownPk == m.pk()) {
                show(entries);
            }
        });
        return this;
    }

    private void show(List<HistoryEntry> entries) {
        getChildren().setAll(title);
        if (entries.isEmpty()) {
            Label none = new Label(ctx.t("board.history.none"));
            none.getStyleClass().add("mention-time");
            getChildren().add(none);
            return;
        }
        for (HistoryEntry e : entries) {
            Label when = new Label(RelativeTime.absolute(e.at(), ctx.zone()) + " · " + e.actor());
            when.getStyleClass().add("mention-time");
            String reason = e.accepted() ? ctx.t("board.history.reason.ACCEPT")
                    : ctx.i18n().has("board.history.reason." + e.reason()) ? ctx.t("board.history.reason." + e.reason())
                    : e.reason();
            Label what = new Label(ctx.t("board.history.move", name(e.from(), e.fromName()), name(e.to(), e.toName()),
                    reason));
            what.setWrapText(true);
            what.getStyleClass().add("history-move");
            VBox row = new VBox(1, what, when);
            row.getStyleClass().add("history-row");
            getChildren().add(row);
        }
    }

    private String name(Long id, String name) {
        return id == null ? ctx.t("board.unsorted") : name == null ? "#" + id : name;
    }
}
