package org.crisisdesk.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.MentionStore.IndexRow;

/**
 * The pks missing below the highest indexed one. Mentions become visible as their commits do, which need not be in pk
 * order (two writers): a missing pk may be an insert not yet committed, so it holds what the index covers back until
 * the row turns up or, after a grace time, is taken to be a rolled-back insert. Owned by the index's thread.
 */
final class PkGaps {
    /** First pk of a gap -> {last pk, System.nanoTime() when first seen}. */
    private final TreeMap<Long, long[]> gaps = new TreeMap<>();

    /** Pks {@code from} to {@code to} are missing, first seen at {@code seenNanos}. */
    void add(long from, long to, long seenNanos) {
        gaps.put(from, new long[] {to, seenNanos});
    }

    /** Every pk up to this one is indexed (or a hole) when {@code highest} is the highest indexed. */
    long covered(long highest) {
        return gaps.isEmpty() ? highest : gaps.firstKey() - 1;
    }

    int size() {
        return gaps.size();
    }

    void clear() {
        gaps.clear();
    }

    /** Gaps older than {@code grace} are taken to be rolled-back inserts and forgotten. */
    void expire(Duration grace) {
        gaps.values().removeIf(g -> System.nanoTime() - g[1] > grace.toNanos());
    }

    /**
     * Rows that have turned up in gaps (a slow commit) replace whatever the index held there, read {@code batch} at a
     * time; how many were added.
     */
    int refill(MentionStore store, IndexWriter writer, int batch) throws IOException {
        int added = 0;
        for (Map.Entry<Long, long[]> gap : new ArrayList<>(gaps.entrySet())) {
            long from = gap.getKey();
            long to = gap.getValue()[0];
            long seen = gap.getValue()[1];
            List<IndexRow> rows = store.textsBetween(from, to, 1);
            if (rows.isEmpty()) {
                continue;
            }
            writer.deleteDocuments(LongPoint.newRangeQuery(IndexSchema.PK, from, to));
            gaps.remove(from);
            long next = from;
            while (next <= to) {
                rows = store.textsBetween(next, to, batch);
                for (IndexRow r : rows) {
                    if (r.pk() > next) {
                        gaps.put(next, new long[] {r.pk() - 1, seen});
                    }
                    writer.addDocument(IndexSchema.document(r));
                    next = r.pk() + 1;
                }
                added += rows.size();
                if (rows.size() < batch) {
                    if (next <= to) {
                        gaps.put(next, new long[] {to, seen});
                    }
                    break;
                }
            }
        }
        return added;
    }
}
