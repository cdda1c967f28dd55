package org.crisisdesk.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.crisisdesk.mention.MentionStore;

/**
 * What each commit of the index records in its user data, so that a restart reads only what is new and another or
 * restored database is noticed: the {@link IndexSchema#FORMAT format}, the database, the highest pk indexed, the pk
 * up to which nothing is missing ({@code covered}) and the identity of the highest row ({@code tip}).
 */
final class IndexCommitData {
    private final String database;
    private final MentionStore store;

    /** @param database what identifies the database (its location) */
    IndexCommitData(String database, MentionStore store) {
        this.database = database;
        this.store = store;
    }

    /** The user data of a commit of this database's index. */
    Map<String, String> of(long highest, long covered) {
        Map<String, String> data = new HashMap<>();
        data.put("format", IndexSchema.FORMAT);
        data.put("db", database);
        data.put("highest", Long.toString(highest));
        data.put("covered", Long.toString(covered));
        Optional<String> tip = highest > 0 ? store.identity(highest) : Optional.empty();
        data.put("tip", tip.orElse(""));
        return data;
    }

    /** Why the committed index cannot be used for this database, or null when it can. */
    String staleReason(Map<String, String> data) {
        if (data.isEmpty()) {
            return "none yet";
        }
        if (!IndexSchema.FORMAT.equals(data.get("format"))) {
            return "made by another version";
        }
        if (!database.equals(data.get("db"))) {
            return "made for another database, " + data.get("db");
        }
        try {
            long top = Long.parseLong(data.get("highest"));
            Long.parseLong(data.get("covered"));
            if (top > 0 && !store.identity(top).orElse("").equals(data.get("tip"))) {
                return "the database is not the one it was made from: restored from a backup?";
            }
        } catch (RuntimeException e) {
            return "its records are unreadable";
        }
        return null;
    }

    /** What the commit a searcher reads covers, or -1 when it is not this database's. */
    long covered(IndexSearcher searcher) {
        try {
            Map<String, String> data = ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData();
            if (!IndexSchema.FORMAT.equals(data.get("format")) || !database.equals(data.get("db"))) {
                return -1;
            }
            return Long.parseLong(data.get("covered"));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
