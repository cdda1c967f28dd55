package org.crisisdesk.triage;

import java.time.Instant;
import java.util.Map;

/** Header numbers of every column at one moment; Unsorted is under the key {@code null}. */
public record BoardStats(Instant at, Map<Long, ColumnStats> columns) {

    public ColumnStats of(Long categoryId) {
        ColumnStats s = columns.get(categoryId);
        return s == null ? ColumnStats.empty() : s;
    }
}
