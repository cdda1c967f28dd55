package org.crisisdesk.desk.people;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.desk.kit.DeskContext;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.people.CaseAssignmentStore;
import org.crisisdesk.people.CurrentPerson;
import org.crisisdesk.people.Person;
import org.crisisdesk.people.PresenceStore;
import org.crisisdesk.triage.Category;

/**
 * The detail pane's assignee section for a customer-centre case (issue 22): who works it, "assign to me", assign to
 * anyone on now, or unassign. Reads and writes off the FX thread; the other desks see the change through the change
 * log.
 */
public final class AssignSection {
    private final DeskContext ctx;
    private final CaseAssignmentStore store;
    private final CurrentPerson person;
    private final PeopleViewModel people;
    private final Background background;

    public AssignSection(DeskContext ctx, CaseAssignmentStore store, CurrentPerson person, PeopleViewModel people,
            Background background) {
        this.ctx = ctx;
        this.store = store;
        this.person = person;
        this.people = people;
        this.background = background;
    }

    /** The section for a case, else null. */
    public Node showFor(StoredMention sm) {
        Category c = sm.categoryId() == null ? null : ctx.categories().get(sm.categoryId());
        if (c == null || !c.customerCentre()) {
            return null;
        }
        VBox box = new VBox(4);
        box.setId("assign-section");
        Label title = new Label(ctx.t("people.assign.title"));
        title.getStyleClass().add("pane-subtitle");
        Label who = new Label(ctx.t("people.assign.loading"));
        who.setId("assign-who");
        who.setWrapText(true);
        Button me = new Button(ctx.t("people.assign.me"));
        me.setId("assign-me");
        MenuButton other = new MenuButton(ctx.t("people.assign.other"));
        other.setId("assign-other");
        Button none = new Button(ctx.t("people.assign.none"));
        none.setId("assign-none");
        HBox actions = new HBox(6, me, other, none);
        box.getChildren().addAll(title, who, actions);
        Runnable[] reload = new Runnable[1];
        reload[0] = () -> background.run(() -> store.assignment(sm.pk())).onSuccess(a -> show(a, who, me, none));
        me.setOnAction(e -> assign(sm, person.person(), reload[0]));
        none.setOnAction(e -> assign(sm, null, reload[0]));
        other.setOnShowing(e -> {
            other.getItems().clear();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (PresenceStore.Present p : List.copyOf(people.people())) {
                if (seen.add(p.person())) {
                    MenuItem item = new MenuItem(p.person() + " (@" + p.handle() + ")");
                    item.setOnAction(x -> assign(sm, Person.of(p.person(), p.handle()), reload[0]));
                    other.getItems().add(item);
                }
            }
        });
        reload[0].run();
        return box;
    }

    private void show(Optional<CaseAssignmentStore.Assignment> a, Label who, Button me, Button none) {
        who.setText(a.map(x -> ctx.t("people.assign.to", x.person(), x.handle(), x.assignedBy()))
                .orElse(ctx.t("people.assign.unassigned")));
        me.setDisable(a.isPresent() && a.get().person().equals(person.name()));
        none.setDisable(a.isEmpty());
    }

    private Runnable onAssigned = () -> {};

    /** Told (FX thread) after this desk changed an assignment, e.g. to redraw "assigned to me". */
    public AssignSection onAssigned(Runnable action) {
        this.onAssigned = action == null ? () -> {} : action;
        return this;
    }

    private void assign(StoredMention sm, Person to, Runnable then) {
        String by = person.name();
        background.run(() -> store.assign(List.of(sm.pk()), to, by)).onSuccess(v -> {
            then.run();
            onAssigned.run();
        });
    }
}
