package org.crisisdesk.desk.kit;

import java.util.ArrayList;
import java.util.Collection;
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

    /** All at once: the base class inserts one card at a time, each shifting every card after it (issue #8). */
    @Override
    public boolean addAll(int index, Collection<? extends StoredMention> cards) {
        if (index < 0 || index > data.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        if (cards.isEmpty()) {
            return false;
        }
        beginChange();
        try {
            data.addAll(index, cards);
            modCount++;
            nextAdd(index, index + cards.size());
        } finally {
            endChange();
        }
        return true;
    }

    @Override
    public boolean addAll(Collection<? extends StoredMention> cards) {
        return addAll(data.size(), cards);
    }

    /** All at once: the base class removes one card at a time, each shifting the cards after it. */
    @Override
    public void remove(int from, int to) {
        if (from < 0 || to > data.size() || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + data.size());
        }
        if (from == to) {
            return;
        }
        beginChange();
        try {
            List<StoredMention> range = data.subList(from, to);
            List<StoredMention> removed = new ArrayList<>(range);
            range.clear();
            modCount++;
            nextRemove(from, removed);
        } finally {
            endChange();
        }
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
