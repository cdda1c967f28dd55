package org.crisisdesk.desk.cases;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;

/**
 * The offer after a move into the customer-centre column: "N cases moved … send as tickets?" with Send and Not now,
 * in a bar under the boards. Not a dialog: it never takes the keyboard (its buttons are not focus-traversable and
 * nothing requests focus), so one can go on filing while it waits, and further moves add to it. Hidden while nothing
 * is offered. FX thread.
 */
public final class TicketOfferBar {
    private TicketOfferBar() {}

    public static Node build(DeskContext ctx, CasesViewModel model) {
        Label text = new Label();
        text.setId("ticket-offer-text");
        text.setWrapText(true);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button send = new Button(ctx.t("cases.offer.send"), Icons.of("mdi2t-ticket-outline"));
        send.setId("ticket-offer-send");
        send.setFocusTraversable(false);
        send.setOnAction(e -> model.sendOffered());
        Button later = new Button(ctx.t("cases.offer.dismiss"));
        later.setId("ticket-offer-dismiss");
        later.setFocusTraversable(false);
        later.setOnAction(e -> model.dismissOffer());
        HBox bar = new HBox(8, Icons.of("mdi2t-ticket-outline"), text, send, later);
        bar.setId("ticket-offer");
        bar.getStyleClass().add("ticket-offer");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setFocusTraversable(false);
        Runnable update = () -> {
            int n = model.offered().size();
            text.setText(n == 0 ? "" : ctx.t("cases.offer.text", n));
            bar.setVisible(n > 0);
            bar.setManaged(n > 0);
        };
        model.offered().addListener((ListChangeListener<Long>) c -> update.run());
        update.run();
        return bar;
    }
}
