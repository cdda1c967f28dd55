package org.crisisdesk.desk;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ModifiableObservableListBase;
import org.crisisdesk.mention.StoredMention;

/**
 * The cards of a feed or board column: an observable list that can make several edits as one list change, so a
 * flush of arrivals (cards on top, the oldest dropped past the window) costs the list view one update, not two or
 * more. FX thread only.
 */
public final class CardList extends ModifiableObservableListBase<StoredMention> {
    private final ArrayList<StoredMention> data = new ArrayList<>();

    /** Runs {@code edits} (calls on this list) and reports them as a single change. */
    public void batch(Runnable edits) {
        beginChange();
        try {
            edits.run();
        } finally {
            endChange();
        }
    }

    /** Puts {@code newestFirst} on top and keeps at most {@code window} cards: one list change. */
    public void prepend(List<StoredMention> newestFirst, int window) {
        batch(() -> {
            addAll(0, newestFirst);
            if (size() > window) {
                remove(window, size());
            }
        });
    }

    @Override
    public StoredMention get(int index) {
        return data.get(index);
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    protected void doAdd(int index, StoredMention element) {
        data.add(index, element);
    }

    @Override
    protected StoredMention doSet(int index, StoredMention element) {
        return data.set(index, element);
    }

    @Override
    protected StoredMention doRemove(int index) {
        return data.remove(index);
    }
}
