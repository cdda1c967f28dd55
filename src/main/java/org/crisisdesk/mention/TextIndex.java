package org.crisisdesk.mention;

/**
 * A candidate filter for text search (issue #8, figure 4): for a query it names the stored mentions that MAY contain
 * it. {@link MentionStore} checks every candidate with its exact substring condition, so an index may only ever
 * return too many candidates, never too few. Mentions above {@link Snapshot#covered()} are not the index's business:
 * the store scans them itself.
 */
public interface TextIndex {

    /** No index: every search scans. */
    TextIndex NONE = new TextIndex() {
        @Override
        public Snapshot snapshot(String query, boolean caseless) {
            return null;
        }

        @Override
        public void changed() {}
    };

    /**
     * A consistent view to look {@code query} up in, or null when the index cannot answer it now (too short to have
     * grams, still opening, broken, or held by another process): the caller then scans.
     *
     * @param query    the stripped search text
     * @param caseless true when the store compares the raw text (the query has no case), false when it compares
     *                 {@code LOWER(text)} with {@code LOWER(query)}
     */
    Snapshot snapshot(String query, boolean caseless);

    /** Mentions were committed: catch up soon. Must return at once and never throw (it runs on the ingest path). */
    void changed();

    /** {@code rows} new mentions were committed: as {@link #changed()}, telling how many (a bulk import is many). */
    default void stored(int rows) {
        changed();
    }

    /** One query against one state of the index; close it when the search is done. */
    interface Snapshot extends AutoCloseable {
        /** Every stored mention with {@code pk <= covered()} is in this snapshot. */
        long covered();

        /**
         * The next candidates below {@code belowPk} (exclusive) and at most {@link #covered()}, newest (highest pk)
         * first, at most {@code n}; fewer than {@code n} means there are no more.
         *
         * @throws Unavailable when the index cannot be read (the caller scans instead)
         */
        long[] next(long belowPk, int n);

        @Override
        void close();
    }

    /** The index failed while answering; the search falls back to a scan. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
