package org.crisisdesk.triage;

import java.time.Instant;

/**
 * One change of a mention's category, from the assignment table.
 *
 * @param from     category before (null: Unsorted), with its name at read time (archived categories keep theirs)
 * @param reason   MANUAL, AUTO, IMPORT, UNDO, REDO or MERGE
 * @param accepted true when a person accepted the engine's suggestion (a MANUAL row of an ACCEPT group)
 */
public record HistoryEntry(
        Instant at,
        String actor,
        Long from,
        String fromName,
        Long to,
        String toName,
        String reason,
        String group,
        boolean accepted) {}
