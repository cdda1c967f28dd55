package org.crisisdesk.triage;

import java.util.List;
import org.crisisdesk.mention.StoredMention;

/**
 * What a move, an accept, an undo or a redo changed, as committed.
 *
 * @param group   the move group (undo unit), or null when nothing changed
 * @param moved   each changed mention as it is stored now, with the category it left
 * @param skipped mentions asked for but left alone: already there, gone, or changed by someone else since
 */
public record MoveResult(String group, List<Moved> moved, int skipped) {
    public static final MoveResult NOTHING = new MoveResult(null, List.of(), 0);

    public MoveResult {
        moved = List.copyOf(moved);
    }

    /** @param from the category the mention left, null for Unsorted */
    public record Moved(StoredMention mention, Long from) {}

    public boolean isEmpty() {
        return moved.isEmpty();
    }

    public List<StoredMention> mentions() {
        return moved.stream().map(Moved::mention).toList();
    }
}
