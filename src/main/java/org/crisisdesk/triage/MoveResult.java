package org.crisisdesk.triage;

import java.time.Instant;
import java.util.List;
import org.crisisdesk.mention.StoredMention;

/**
 * What a move, an accept, an undo or a redo changed, as committed.
 *
 * @param group     the move group (undo unit), or null when nothing changed
 * @param moved     each changed mention as it is stored now, with the category it left
 * @param skipped   mentions asked for but left alone: already there, gone, or in an archived category
 * @param conflicts mentions left alone because someone moved them since the mover saw them (issue 22): each with
 *                  where it is now and the move that put it there, so the person can be told
 */
public record MoveResult(String group, List<Moved> moved, int skipped, List<Conflict> conflicts) {
    public static final MoveResult NOTHING = new MoveResult(null, List.of(), 0);

    public MoveResult {
        moved = List.copyOf(moved);
        conflicts = List.copyOf(conflicts);
    }

    public MoveResult(String group, List<Moved> moved, int skipped) {
        this(group, moved, skipped, List.of());
    }

    /** @param from the category the mention left, null for Unsorted */
    public record Moved(StoredMention mention, Long from) {}

    /**
     * A mention someone else moved first.
     *
     * @param mention  as stored now (its category is where the other move put it)
     * @param seen     the category the mover saw it in (null: Unsorted)
     * @param nowName  the name of its category now (null: Unsorted)
     * @param by       who made the latest move of it (null when its history names nobody)
     * @param at       when (null when its history has no row)
     */
    public record Conflict(StoredMention mention, Long seen, String nowName, String by, Instant at) {}

    public boolean isEmpty() {
        return moved.isEmpty();
    }

    public List<StoredMention> mentions() {
        return moved.stream().map(Moved::mention).toList();
    }
}
