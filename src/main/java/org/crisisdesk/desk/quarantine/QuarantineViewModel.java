package org.crisisdesk.desk.quarantine;

import java.util.List;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.crisisdesk.desk.kit.Background;
import org.crisisdesk.mention.QuarantineStore;
import org.crisisdesk.mention.QuarantineStore.Held;

/**
 * The posts set aside because they could not be stored (issue 20): how many, and the first {@link #SHOWN} of them
 * for the list. Reads on the background executor; properties and the list change on the FX thread only.
 */
public final class QuarantineViewModel {
    /** How many held posts the list shows (each can carry a long raw line); the count is always the whole. */
    public static final int SHOWN = 200;
    private final QuarantineStore store;
    private final Background background;
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper();
    private final ObservableList<Held> items = FXCollections.observableArrayList();

    public QuarantineViewModel(QuarantineStore store, Background background) {
        this.store = store;
        this.background = background;
    }

    /** Counts the held posts again (one COUNT on the background executor). */
    public void refresh() {
        background.run(store::count).onSuccess(count::set);
    }

    /** Reads the list (and the count with it), for the window. */
    public void load() {
        background.run(() -> new Loaded(store.count(), store.list(SHOWN))).onSuccess(l -> {
            count.set(l.count());
            items.setAll(l.items());
        });
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ObservableList<Held> items() {
        return items;
    }

    private record Loaded(long count, List<Held> items) {}
}
