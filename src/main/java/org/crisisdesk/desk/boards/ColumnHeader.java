package org.crisisdesk.desk.boards;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.ColumnStats;

/**
 * A column's head: colour swatch, key digit, name, total; below it the count since the category's last notice and a
 * sparkline of the last hour; then when that notice was ("last notice 14:00 (23 min ago)"); and the column menu.
 */
final class ColumnHeader extends VBox {
    private final HBox top;
    private javafx.scene.Node badge;
    private final DeskContext ctx;
    private final ColumnModel col;
    private final BoardsView board;
    private final Region swatch = new Region();
    private final Label key = new Label();
    private final Label title = new Label();
    private final Label total = new Label();
    /** "— 민지": who claimed the category (issue 22); hidden when nobody did. */
    private final Label owner = new Label();
    private final javafx.collections.MapChangeListener<Long, String> ownerChanged = ch -> showOwner();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("M/d HH:mm");

    private final Label since = new Label();
    private final Label lastNotice = new Label();
    private final Sparkline sparkline = new Sparkline();
    private final MenuButton menu = new MenuButton();

    ColumnHeader(DeskContext ctx, ColumnModel col, BoardsView board) {
        this.ctx = ctx;
        this.col = col;
        this.board = board;
        getStyleClass().add("column-header");
        swatch.getStyleClass().add("column-swatch");
        key.getStyleClass().addAll("kbd", "column-key");
        title.getStyleClass().add("column-title");
        title.setMinWidth(0);
        total.getStyleClass().add("column-count");
        total.setId("column-total-" + col.key());
        since.getStyleClass().add("column-since");
        since.setId("column-since-" + col.key());
        lastNotice.getStyleClass().add("column-last-notice");
        lastNotice.setId("column-last-notice-" + col.key());
        sparkline.setId("column-sparkline-" + col.key());
        Tooltip.install(sparkline, new Tooltip(ctx.t("board.sparkline.tip")));
        menu.setGraphic(Icons.of("mdi2d-dots-vertical"));
        menu.getStyleClass().addAll("flat", "no-arrow", "column-menu");
        menu.setId("column-menu-" + col.key());
        menu.setOnShowing(e -> fillMenu());
        fillMenu();

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        owner.getStyleClass().add("column-owner");
        owner.setId("column-owner-" + col.key());
        owner.setMinWidth(Region.USE_PREF_SIZE);
        ctx.owners().addListener(new javafx.collections.WeakMapChangeListener<>(ownerChanged));
        top = new HBox(6, swatch, key, title, owner, spacer, total, menu);
        top.setAlignment(Pos.CENTER_LEFT);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        HBox bottom = new HBox(6, since, spacer2, sparkline);
        bottom.setAlignment(Pos.CENTER_LEFT);
        // a line of its own: "마지막 공지 14:00 (23분 전)" does not fit beside the sparkline in a narrow column
        getChildren().addAll(top, bottom, lastNotice);
        // issue 22: "민지 is writing a notice" while another desk has the composer open on this category
        Label writing = new Label();
        writing.setId("column-writing-" + col.key());
        writing.getStyleClass().add("column-writing");
        writing.setGraphic(Icons.of("mdi2p-pencil-outline"));
        writing.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> col.writingProperty()
                .get().isEmpty() ? "" : ctx.t("board.writing", col.writingProperty().get()), col.writingProperty()));
        writing.visibleProperty().bind(col.writingProperty().isNotEmpty());
        writing.managedProperty().bind(writing.visibleProperty());
        getChildren().add(writing);
        setSpacing(4);

        col.categoryProperty().addListener((o, a, b) -> showCategory());
        col.keyProperty().addListener((o, a, b) -> showKey());
        col.totalProperty().addListener((o, a, b) -> total.setText(String.valueOf(b.longValue())));
        col.statsProperty().addListener((o, a, b) -> showStats());
        total.setText(String.valueOf(col.totalProperty().get()));
        showCategory();
        showKey();
        showStats();
    }

    private void showOwner() {
        Category c = col.category();
        String handle = c == null ? null : ctx.owners().get(c.id());
        owner.setText(handle == null ? "" : "— " + handle);
        owner.setTooltip(handle == null ? null : new Tooltip(ctx.t("people.owner.tip", handle)));
        owner.setVisible(handle != null);
        owner.setManaged(handle != null);
    }

    private void showCategory() {
        Category c = col.category();
        title.setText(c == null ? ctx.t("board.unsorted") : c.name());
        title.setTooltip(new Tooltip(title.getText()));
        swatch.setStyle("-fx-background-color: " + (c == null ? "-color-fg-muted" : c.color()) + ";");
        showOwner();
    }

    private void showKey() {
        int k = col.keyProperty().get();
        key.setText(String.valueOf(k));
        key.setVisible(k > 0);
        key.setManaged(k > 0);
        key.setTooltip(k > 0 ? new Tooltip(ctx.t("board.key.tip", k)) : null);
    }

    private void showStats() {
        ColumnStats s = col.statsProperty().get();
        sparkline.setData(s.perMinute());
        if (col.customerCentre()) {
            since.setText(ctx.t("board.handover.pending", s.notHandedOver()));
            lastNotice.setText("");
            return;
        }
        since.setText(col.unsorted() ? ctx.t("board.lastHour", sum(s.perMinute()))
                : ctx.t("board.sinceNotice", s.sinceNotice()));
        lastNotice.setText(col.unsorted() ? "" : noticeAge(s.lastNotice()));
    }

    private static int sum(int[] values) {
        int n = 0;
        for (int v : values) {
            n += v;
        }
        return n;
    }

    /** "마지막 공지 14:00 (23분 전)": the notice's as-of time in the desk's zone, and how long ago that was. */
    private String noticeAge(Instant last) {
        if (last == null) {
            return ctx.t("board.notice.none");
        }
        Instant now = ctx.clock().instant();
        Duration d = Duration.between(last, now);
        String ago;
        if (d.isNegative() || d.toMinutes() < 1) {
            ago = ctx.t("board.notice.now");
        } else if (d.toMinutes() < 60) {
            ago = ctx.t("board.notice.minutes", d.toMinutes());
        } else {
            ago = ctx.t("board.notice.hours", d.toHours(), d.toMinutesPart());
        }
        ZonedDateTime at = last.atZone(ctx.zone());
        boolean today = at.toLocalDate().equals(now.atZone(ctx.zone()).toLocalDate());
        return ctx.t("board.notice.at", (today ? CLOCK : DAY_CLOCK).format(at), ago);
    }

    /** Built when opened, so "merge into…" lists the columns as they are now. */
    private void fillMenu() {
        menu.getItems().clear();
        Category c = col.category();
        if (c == null) {
            MenuItem acceptAll = new MenuItem(ctx.t("board.menu.acceptAll"), Icons.of("mdi2c-check-all"));
            acceptAll.setOnAction(e -> board.acceptAllShown(col));
            menu.getItems().add(acceptAll);
            return;
        }
        MenuItem post = new MenuItem(ctx.t("board.menu.postUpdate"), Icons.of("mdi2b-bullhorn-outline"));
        post.setId("menu-post-update");
        post.setDisable(!board.canPostUpdate() || c.customerCentre());
        post.setOnAction(e -> board.postUpdate(c));
        MenuItem rename = new MenuItem(ctx.t("board.menu.rename"), Icons.of("mdi2p-pencil-outline"));
        rename.setOnAction(e -> board.rename(c));
        MenuItem recolour = new MenuItem(ctx.t("board.menu.recolour"), Icons.of("mdi2p-palette-outline"));
        recolour.setOnAction(e -> board.recolour(c));
        MenuItem rules = new MenuItem(ctx.t("board.menu.rules"), Icons.of("mdi2f-filter-outline"));
        rules.setOnAction(e -> board.editRules(c));
        menu.getItems().addAll(post, new SeparatorMenuItem(), rename, recolour, rules);
        if (board.canClaim()) { // issue 22: claim or release the category (key O on the column)
            boolean mine = board.isMine(c);
            MenuItem claim = new MenuItem(ctx.t(mine ? "people.menu.release" : "people.menu.claim"),
                    Icons.of(mine ? "mdi2a-account-remove-outline" : "mdi2a-account-check-outline"));
            claim.setId("menu-claim");
            claim.setOnAction(e -> board.toggleClaim(c));
            menu.getItems().add(1, claim);
        }
        if (c.customerCentre()) {
            MenuItem handOver = new MenuItem(ctx.t("board.menu.handOver"), Icons.of("mdi2f-file-export-outline"));
            handOver.setId("menu-hand-over");
            handOver.setOnAction(e -> board.handOver());
            menu.getItems().addAll(new SeparatorMenuItem(), handOver);
            if (board.canShowCases()) { // issue 22: the cases as mine / unassigned / all
                MenuItem cases = new MenuItem(ctx.t("people.menu.cases"), Icons.of("mdi2a-account-eye-outline"));
                cases.setId("menu-cases");
                cases.setOnAction(e -> board.showCases(c));
                menu.getItems().add(cases);
            }
            if (board.hasTicketActions()) {
                MenuItem selected = new MenuItem(ctx.t("cases.menu.sendSelected"), Icons.of("mdi2t-ticket-outline"));
                selected.setId("menu-send-selected-tickets");
                selected.setOnAction(e -> board.sendSelectedAsTickets(c.id()));
                MenuItem unsent = new MenuItem(ctx.t("cases.menu.sendUnsent"), Icons.of("mdi2t-ticket-outline"));
                unsent.setId("menu-send-unsent-tickets");
                unsent.setOnAction(e -> board.sendUnsentAsTickets());
                menu.getItems().addAll(selected, unsent);
            }
            return;
        }
        Menu merge = new Menu(ctx.t("board.menu.merge"), Icons.of("mdi2c-call-merge"));
        for (Category target : board.model().targets()) {
            if (target != null && target.id() != c.id()) {
                MenuItem into = new MenuItem(target.name());
                into.setOnAction(e -> board.merge(c, target));
                merge.getItems().add(into);
            }
        }
        MenuItem archive = new MenuItem(ctx.t("board.menu.archive"), Icons.of("mdi2a-archive-outline"));
        archive.setOnAction(e -> board.archive(c));
        menu.getItems().addAll(merge, new SeparatorMenuItem(), archive);
    }

    Sparkline sparkline() {
        return sparkline;
    }

    /** Shows {@code node} (the alert badge) before the total; null removes it. */
    void setBadge(javafx.scene.Node node) {
        if (badge != null) {
            top.getChildren().remove(badge);
        }
        badge = node;
        if (node != null) {
            top.getChildren().add(top.getChildren().size() - 2, node);
        }
    }
}
