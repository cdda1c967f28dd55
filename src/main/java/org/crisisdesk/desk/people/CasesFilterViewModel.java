package org.crisisdesk.desk.people;

import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.mention.MentionFilter;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.people.CaseAssignmentStore;
import org.crisisdesk.people.CurrentPerson;

/**
 * The customer centre's cases with their assignees (issue 22), shown as "mine", "unassigned" or "all". Reads the
 * column's newest {@link #LIMIT} cases and their assignments off the FX thread; filters on the FX thread.
 */
public final class CasesFilterViewModel {
    /** Which cases show. */
    public enum Show { MINE, UNASSIGNED, ALL }

    /** One case and its assignee (null: unassigned). */
    public record Row(StoredMention mention, CaseAssignmentStore.Assignment assignment) {}

    static final int LIMIT = 1000;

    private final MentionStore mentions;
    private final CaseAssignmentStore assignments;
    private final CurrentPerson person;
    private final Background background;
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.MINE);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private List<Row> all = List.of();

    public CasesFilterViewModel(MentionStore mentions, CaseAssignmentStore assignments, CurrentPerson person,
            Background background) {
        this.mentions = mentions;
        this.assignments = assignments;
        this.person = person;
        this.background = background;
        show.addListener((o, a, b) -> apply());
    }

    /** Reads the cases of the customer-centre column {@code categoryId} again. */
    public Background.Job<List<Row>> load(long categoryId) {
        return background.run(() -> {
            List<StoredMention> cases = mentions.page(MentionFilter.category(categoryId), LIMIT);
            Map<Long, CaseAssignmentStore.Assignment> by = assignments.assignments(
                    cases.stream().map(StoredMention::pk).toList());
            return cases.stream().map(m -> new Row(m, by.get(m.pk()))).toList();
        }).onSuccess(list -> {
            all = list;
            apply();
        });
    }

    private void apply() {
        rows.setAll(filter(all, show.get(), person.name()));
    }

    /** The rows {@code show} keeps for the person {@code me}. */
    static List<Row> filter(List<Row> rows, Show show, String me) {
        return rows.stream().filter(r -> switch (show) {
            case MINE -> r.assignment() != null && r.assignment().person().equals(me);
            case UNASSIGNED -> r.assignment() == null;
            case ALL -> true;
        }).toList();
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
