package org.crisisdesk.desk.cases;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.crisisdesk.cases.CaseTicket;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;

/**
 * The detail pane's ticket section: a case's ticket number with a link that opens it in the browser, or why it was
 * not sent (the helpdesk's own words) with "send again", or, for a case not sent yet, "send as ticket".
 */
public final class CaseSection {
    private final DeskContext ctx;
    private final CasesViewModel model;
    private final Consumer<String> openLink;

    public CaseSection(DeskContext ctx, CasesViewModel model, Consumer<String> openLink) {
        this.ctx = ctx;
        this.model = model;
        this.openLink = openLink;
    }

    /** The section for {@code sm}, or null when it is not a case and has no ticket. */
    public Node showFor(StoredMention sm) {
        CaseTicket t = model.byMention().get(sm.pk());
        Category c = sm.categoryId() == null ? null : ctx.categories().get(sm.categoryId());
        boolean isCase = c != null && c.customerCentre();
        if (t == null && !isCase) {
            return null;
        }
        VBox box = new VBox(4);
        box.setId("case-section");
        Label title = new Label(ctx.t("cases.section.title"));
        title.getStyleClass().add("pane-subtitle");
        box.getChildren().add(title);
        if (t != null && t.sent()) {
            Label number = new Label(ctx.t("cases.section.sent", t.ticketNumber(), t.connector()));
            number.setId("case-ticket-number");
            box.getChildren().add(number);
            if (t.ticketUrl() != null) {
                Hyperlink open = new Hyperlink(ctx.t("cases.section.open"));
                open.setId("case-open-ticket");
                open.setOnAction(e -> openLink.accept(t.ticketUrl()));
                box.getChildren().add(open);
            }
            return box;
        }
        if (t != null && t.failure() != null) {
            Label why = new Label(ctx.t(t.state() == CaseTicket.State.FAILED ? "cases.section.failed"
                    : "cases.section.retrying", t.failure()));
            why.setWrapText(true);
            why.getStyleClass().add("case-failure");
            box.getChildren().add(why);
        } else if (t != null) {
            box.getChildren().add(new Label(ctx.t("cases.section.queued")));
        }
        Button send = new Button(ctx.t(t == null ? "cases.section.send" : "cases.section.sendAgain"));
        send.setId("case-send");
        send.setOnAction(e -> {
            send.setDisable(true);
            if (t == null) {
                model.send(List.of(sm.pk()));
            } else {
                model.retry(sm.pk());
            }
        });
        box.getChildren().add(send);
        return box;
    }
}
