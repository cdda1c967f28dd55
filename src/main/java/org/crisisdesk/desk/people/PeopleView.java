package org.crisisdesk.desk.people;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.desk.kit.Icons;
import org.crisisdesk.triage.Category;

/**
 * The people list in the status bar (issue 22), "민지 · 지훈 (자리 비움)" with each desk's line in the tooltip, and the
 * claim gesture of a column: claim, release, or ask before taking over someone else's claim.
 */
public final class PeopleView {
    private final DeskContext ctx;
    private final PeopleViewModel model;
    private final Supplier<Window> owner;

    public PeopleView(DeskContext ctx, PeopleViewModel model, Supplier<Window> owner) {
        this.ctx = ctx;
        this.model = model;
        this.owner = owner;
    }

    /** The status bar's item. */
    public Label statusItem() {
        Label people = new Label();
        people.setId("status-people");
        people.setGraphic(Icons.of("mdi2a-account-group-outline"));
        people.textProperty().bind(model.summaryProperty());
        people.setMaxWidth(280);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.detailsProperty());
        people.setTooltip(tip);
        return people;
    }

    /** Claims the category, or releases it when it is this person's; another person's claim is taken after asking. */
    public void toggle(Category c) {
        if (c == null) {
            return;
        }
        if (model.isMine(c.id())) {
            model.release(c);
            return;
        }
        model.claim(c, false).onSuccess(o -> {
            if (!o.claimed() && o.held().isPresent() && ask(c, o.held().get().person(), o.held().get().handle())) {
                model.claim(c, true);
            }
        });
    }

    private boolean ask(Category c, String name, String handle) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, ctx.t("people.takeOver.text", c.name(), name, handle),
                ButtonType.OK, ButtonType.CANCEL);
        org.crisisdesk.desk.kit.DialogWords.localize(a.getDialogPane(), ctx);
        a.setTitle(ctx.t("people.takeOver.title"));
        a.setHeaderText(ctx.t("people.takeOver.title"));
        a.getDialogPane().setId("people-take-over");
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
        }
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
