package org.crisisdesk.desk.detail;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.crisisdesk.desk.kit.ComplexTextLines;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.RelativeTime;
import org.crisisdesk.mention.Links;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;

/** The right-hand pane: one mention in full, with its link and place on the boards. */
public final class DetailView extends ScrollPane {
    private final DeskContext ctx;
    private final VBox box = new VBox(8);
    private final Label empty;
    private Consumer<String> openLink = url -> {};
    private final java.util.List<java.util.function.Function<StoredMention, javafx.scene.Node>> sections =
            new java.util.ArrayList<>();
    private StoredMention current;

    public DetailView(DeskContext ctx) {
        this.ctx = ctx;
        setId("detail");
        getStyleClass().add("detail");
        setFitToWidth(true);
        org.crisisdesk.desk.kit.LiveScroll.uncached(this); // its history list grows while it is shown
        box.setPadding(new Insets(12));
        empty = new Label(ctx.t("detail.empty"));
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        box.getChildren().setAll(empty);
        setContent(box);
    }

    public void setOpenLink(Consumer<String> action) {
        this.openLink = action;
    }

    /**
     * A feature's section below the mention (e.g. its move history), built again for every mention shown; null from
     * the section means it has nothing to show for that mention.
     */
    public void addSection(java.util.function.Function<StoredMention, javafx.scene.Node> section) {
        sections.add(section);
    }

    /** The mention shown, or null. */
    public StoredMention current() {
        return current;
    }

    public void show(StoredMention sm) {
        current = sm;
        if (sm == null) {
            box.getChildren().setAll(empty);
            return;
        }
        Mention m = sm.mention();
        Label title = new Label(ctx.t("detail.title"));
        title.getStyleClass().add("pane-title");
        // left-to-right marks: a right-to-left name would otherwise pull the handle's "@" to the far end
        String name = m.authorName() == null ? "" : "\u200E" + m.authorName() + "\u200E  ";
        Label author = new Label(name + "@" + m.author());
        author.getStyleClass().add("detail-author");
        author.setWrapText(true);
        Label when = new Label(RelativeTime.absolute(m.createdAt(), ctx.zone())
                + (m.lang() == null ? "" : "  ·  " + m.lang()));
        when.getStyleClass().add("mention-time");
        // a text complex only for its emoji joiners shows without them, so it wraps; a copy still gives them back
        String shown = ComplexTextLines.withoutEmojiJoiners(m.text());
        TextArea text = new MentionText(shown, m.text());
        text.setId("detail-text");
        text.setEditable(false);
        // JavaFX 21 cannot wrap complex text (it draws fragments over each other, see ComplexTextLines): such a
        // text keeps its own lines here and scrolls sideways, so what is shown and copied is exactly the mention
        boolean wrap = !ComplexTextLines.needed(shown);
        text.setWrapText(wrap);
        text.setPrefRowCount(Math.min(14, wrap ? 3 + m.text().length() / 40 : 2 + m.text().split("\\R", -1).length));
        text.getStyleClass().add("detail-text");
        Category c = sm.categoryId() == null ? null : ctx.categories().get(sm.categoryId());
        Label where = new Label(c == null ? ctx.t("detail.unsorted") : ctx.t("detail.category", c.name()));
        where.setWrapText(true);
        Hyperlink link = new Hyperlink(ctx.t("detail.openOnX"));
        link.setOnAction(e -> openLink.accept(m.permalink()));
        box.getChildren().setAll(title, author, when, text);
        List<String> urls = Links.in(m.text());
        if (!urls.isEmpty()) {
            // the text stays a TextArea (exact selection and copy, complex scripts); its links are offered below it
            VBox links = new VBox(0);
            links.setId("detail-links");
            for (String url : urls) {
                Hyperlink l = new Hyperlink(url);
                l.getStyleClass().add("detail-link");
                l.setTooltip(new javafx.scene.control.Tooltip(ctx.t("detail.link.open", url)));
                l.setOnAction(e -> openLink.accept(url));
                links.getChildren().add(l);
            }
            box.getChildren().add(links);
        }
        box.getChildren().add(where);
        if (sm.suggestedCategoryId() != null && sm.categoryId() == null) {
            Category s = ctx.categories().get(sm.suggestedCategoryId());
            if (s != null) {
                Label sug = new Label(ctx.t("detail.suggestion", s.name(),
                        Math.round(100 * sm.suggestionConfidence()), sm.suggestionReason() == null ? "" : sm.suggestionReason()));
                sug.setWrapText(true);
                sug.getStyleClass().add("suggestion");
                box.getChildren().add(sug);
            }
        }
        box.getChildren().add(link);
        for (var section : sections) {
            javafx.scene.Node part = section.apply(sm);
            if (part != null) { // a section with nothing to say for this mention (a case section on a non-case)
                box.getChildren().add(part);
            }
        }
    }

    /** Extra sections (history, thread) appended by features below the mention. */
    public VBox content() {
        return box;
    }

    /**
     * The mention's text, read-only. When it shows without emoji joiners ({@link ComplexTextLines#withoutEmojiJoiners})
     * a copy maps the selection back to the original, so what is copied is exactly what the customer wrote.
     */
    static final class MentionText extends TextArea {
        private final String original;

        MentionText(String shown, String original) {
            super(shown);
            this.original = original;
        }

        @Override
        public void copy() {
            if (original.equals(getText())) {
                super.copy();
                return;
            }
            javafx.scene.control.IndexRange r = getSelection();
            if (r.getLength() == 0) {
                return;
            }
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString(original.substring(toOriginal(r.getStart()), toOriginal(r.getEnd())));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        }

        /**
         * The index in the original text of the shown text's index {@code shownIndex}: past as many shown characters,
         * and past a variation selector that belongs to the last of them (a zero-width joiner leads to the next emoji).
         */
        int toOriginal(int shownIndex) {
            if (shownIndex >= getLength()) {
                return original.length();
            }
            int seen = 0;
            int i = 0;
            while (i < original.length() && seen < shownIndex) {
                if (!ComplexTextLines.joiner(original.charAt(i))) {
                    seen++;
                }
                i++;
            }
            while (i < original.length() && (original.charAt(i) == '\uFE0E' || original.charAt(i) == '\uFE0F')) {
                i++;
            }
            return i;
        }
    }
}
