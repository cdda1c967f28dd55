package org.crisisdesk.desk.kit;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;

/**
 * The card that shows one mention in the feed and on the boards: author, time, text clamped to a fixed number of
 * lines, language and the category chip (or the engine's suggestion). Every card of a list has the same height.
 * Reused by cells: {@link #show} rebinds it to another mention.
 */
public final class MentionCard extends VBox {
    private final DeskContext ctx;
    private final Label name = new Label();
    private final Label handle = new Label();
    private final Label time = new Label();
    private final Label text = new Label();
    private final Label lang = new Label();
    private final Label chip = new Label();
    /** The case's helpdesk ticket, when it was sent as one (or is on its way). */
    private final Label ticket = new Label();
    private final javafx.collections.MapChangeListener<Long, String> onTicket = ch -> {
        if (this.shown != null && ch.getKey() == this.shown.pk()) {
            showTicket();
        }
    };
    private final HoverTip timeTip = new HoverTip(time, 0);
    private final HoverTip textTip = new HoverTip(text, 480);
    private final int clampLines;
    /** The mention on the card, so the chip can be painted again when the theme's colours change. */
    private StoredMention shown;
    /** The text the card shows, and when JavaFX cannot wrap it, the width its lines were broken for (else NaN). */
    private String shownText = "";
    private double brokenFor = Double.NaN;
    /** When the shown mention was posted, for the minute's refresh of its relative time (null before a show). */
    private java.time.Instant shownAt;
    /** Held here: the context holds it weakly, so a card dropped with its cell is not kept alive by the ticks. */
    private final javafx.beans.value.ChangeListener<Number> onMinute = (o, was, now) -> refreshTime();

    public MentionCard(DeskContext ctx, int clampLines) {
        this.ctx = ctx;
        getStyleClass().add("mention-card");
        name.getStyleClass().add("mention-name");
        handle.getStyleClass().add("mention-handle");
        time.getStyleClass().add("mention-time");
        text.getStyleClass().add("mention-text");
        lang.getStyleClass().add("mention-lang");
        chip.getStyleClass().add("category-chip");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE); // the card's width whatever the text: complex lines are broken for it
        text.setAlignment(Pos.TOP_LEFT);
        // Exactly clampLines lines, whatever the text (longer ones end in an ellipsis; the whole text is in the
        // tooltip and the detail pane): every card has the same height, so lists can use a fixed cell size and never
        // measure wrapped text (issue #8: that was half of the FX thread's time under a burst).
        this.clampLines = clampLines;
        ctx.minuteProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onMinute));
        text.fontProperty().addListener((o, a, b) -> {
            fixTextHeight();
            if (!Double.isNaN(brokenFor)) {
                brokenFor = 0; // lines broken for the old font: again at the next layout
            }
        });
        fixTextHeight();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        name.setMinWidth(0);
        handle.setMinWidth(0);
        HBox top = new HBox(6, name, handle, spacer, time);
        top.setAlignment(Pos.BASELINE_LEFT);
        ticket.getStyleClass().add("ticket-chip");
        ticket.setManaged(false);
        ticket.setVisible(false);
        ctx.tickets().addListener(new javafx.collections.WeakMapChangeListener<>(onTicket));
        HBox bottom = new HBox(6, chip, ticket, lang);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, text, bottom);
        setSpacing(3);
        // CSS sets these once, and again when the theme changes: the chip takes its colours from them
        javafx.beans.InvalidationListener repaint = o -> {
            if (shown != null) {
                showChip(shown);
            }
        };
        backgroundProperty().addListener(repaint);
        borderProperty().addListener(repaint);
        name.textFillProperty().addListener(repaint);
        handle.textFillProperty().addListener(repaint);
    }

    /**
     * The text's height: {@code clampLines} lines of its font (set by CSS, so measured when the font changes), and a
     * quarter of a line more. JavaFX 21 sometimes lays a wrapped text out taller than the same lines measured apart
     * (a Korean text whose last line is "@desk_official": 48 px where three lines measure 44.85), and the label then
     * showed one line fewer, ending in an ellipsis, with a line's room left empty.
     */
    private void fixTextHeight() {
        Text probe = new Text("가\n".repeat(clampLines - 1) + "가");
        probe.setFont(text.getFont());
        probe.setLineSpacing(text.getLineSpacing());
        double lines = probe.getLayoutBounds().getHeight();
        double h = Math.ceil(lines + lines / clampLines / 4);
        text.setMinHeight(h);
        text.setPrefHeight(h);
        text.setMaxHeight(h);
    }

    /** Sets the relative time again (one label's text, no layout of the card): "3m ago" must not stay "now". */
    private void refreshTime() {
        if (shownAt != null) {
            time.setText(RelativeTime.relative(ctx.i18n(), shownAt, ctx.clock().instant(), ctx.zone()));
        }
    }

    public void show(StoredMention sm) {
        Mention m = sm.mention();
        name.setText(m.authorName() == null || m.authorName().isBlank() ? m.author() : m.authorName());
        handle.setText("@" + m.author());
        shownAt = m.createdAt();
        time.setText(RelativeTime.relative(ctx.i18n(), shownAt, ctx.clock().instant(), ctx.zone()));
        timeTip.setText(RelativeTime.absolute(m.createdAt(), ctx.zone()));
        // an emoji's joiners and variation selectors alone (❤️, 👨‍👩‍👧: a tenth of the demo's posts) no longer make a
        // card break its lines itself, a text layout per candidate line on every show: the label wraps it, as it
        // does in the detail pane (issue #26); texts complex for their script still are broken by ComplexTextLines
        shownText = ComplexTextLines.withoutEmojiJoiners(CardText.forDisplay(m.text()));
        brokenFor = ComplexTextLines.needed(shownText) ? 0 : Double.NaN;
        if (Double.isNaN(brokenFor)) {
            text.setText(shownText);
        } else {
            // cards of a list keep their width: usually the lines are final here, not at the next layout
            breakLines(textWidth());
        }
        textTip.setText(shownText.length() > 2000 ? shownText.substring(0, 2000) + "…" : shownText);
        lang.setText(m.lang() == null ? "" : m.lang());
        showChip(sm);
    }

    /** A complex text's lines for {@code width} (see {@link ComplexTextLines}); nothing until the card has a width. */
    private void breakLines(double width) {
        brokenFor = width;
        text.setText(width > 0 ? ComplexTextLines.lines(shownText, text.getFont(), width, clampLines) : "");
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (!Double.isNaN(brokenFor) && textWidth() != brokenFor) {
            breakLines(textWidth());
        }
    }

    private double textWidth() {
        return text.getWidth() - text.getInsets().getLeft() - text.getInsets().getRight();
    }

    private void showTicket() {
        String t = shown == null ? null : ctx.tickets().get(shown.pk());
        ticket.setText(t == null ? "" : t);
        ticket.setVisible(t != null);
        ticket.setManaged(t != null);
    }

    private void showChip(StoredMention sm) {
        shown = sm;
        showTicket();
        Category c = sm.categoryId() == null ? null : ctx.categories().get(sm.categoryId());
        Category s = c != null || sm.suggestedCategoryId() == null ? null
                : ctx.categories().get(sm.suggestedCategoryId());
        // the theme's colours, as CSS gave them to the card and its labels (see ChipPaint)
        Paint outline = ChipPaint.strokeOf(getBorder(), Color.LIGHTGRAY);
        Paint card = ChipPaint.fillOf(getBackground(), Color.WHITE);
        if (c != null) {
            boolean auto = "AUTO".equals(sm.assignedBy());
            chip.setText(c.name() + (auto ? " · " + ctx.t("card.auto") : ""));
            chip.setBackground(ChipPaint.fill(card, Color.web(c.color())));
            chip.setBorder(ChipPaint.outline(Color.web(c.color())));
            chip.setTextFill(name.getTextFill());
        } else if (s != null) {
            int pct = (int) Math.round(100 * (sm.suggestionConfidence() == null ? 0 : sm.suggestionConfidence()));
            chip.setText(ctx.t("card.suggested", s.name(), pct));
            // outlined in the suggested category's colour, untinted: not filed yet
            chip.setBackground(ChipPaint.fill(card, null));
            chip.setBorder(ChipPaint.outline(Color.web(s.color())));
            chip.setTextFill(handle.getTextFill());
        } else {
            chip.setText(ctx.t("card.unsorted"));
            chip.setBackground(ChipPaint.fill(card, null));
            chip.setBorder(ChipPaint.outline(outline));
            chip.setTextFill(name.getTextFill());
        }
    }
}
