package org.crisisdesk.desk.people;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.people.CaseAssignmentStore;
import org.crisisdesk.people.CurrentPerson;

/**
 * "Assigned to me" (issue 22): one switch (Ctrl+Shift+A or the toolbar's toggle) that narrows the boards and the feed
 * to the cases assigned to this desk's person. Reads the assignments off the FX thread when switched on and again
 * when cards change ({@link #refresh}); the views filter their loaded cards with {@link #predicateProperty()}.
 * FX thread only.
 */
public final class MineFilter {
    private final CaseAssignmentStore assignments;
    private final CurrentPerson person;
    private final Background background;
    private final BooleanProperty on = new SimpleBooleanProperty();
    /** Null while the filter is off; else keeps the mentions assigned to me as last read. */
    private final ObjectProperty<Predicate<StoredMention>> predicate = new SimpleObjectProperty<>();
    private long asked;

    public MineFilter(CaseAssignmentStore assignments, CurrentPerson person, Background background) {
        this.assignments = assignments;
        this.person = person;
        this.background = background;
        on.addListener((o, was, now) -> {
            if (now) {
                refresh();
            } else {
                asked++;
                predicate.set(null);
            }
        });
    }

    /** Whether the boards and the feed show only the cases assigned to me. */
    public BooleanProperty onProperty() {
        return on;
    }

    public ObjectProperty<Predicate<StoredMention>> predicateProperty() {
        return predicate;
    }

    public void toggle() {
        on.set(!on.get());
    }

    /** Reads who is assigned what again (an assignment changed here or at another desk); nothing while off. */
    public void refresh() {
        if (!on.get()) {
            return;
        }
        long ticket = ++asked;
        background.run(() -> {
            String me = person.name();
            return assignments.all().values().stream().filter(a -> a.person().equals(me))
                    .map(CaseAssignmentStore.Assignment::mentionPk).collect(Collectors.toUnmodifiableSet());
        }).onSuccess(pks -> {
            if (ticket == asked && on.get()) {
                predicate.set(mine(pks));
            }
        });
    }

    static Predicate<StoredMention> mine(Set<Long> pks) {
        return m -> pks.contains(m.pk());
    }
}
