package org.crisisdesk.search;

import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.crisisdesk.mention.TextIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One query against one state of the index: the mentions holding every gram of the query, newest first, page by page
 * below a pk. Holds its searcher until closed. Used by one search thread.
 */
final class IndexedSnapshot implements TextIndex.Snapshot {
    private static final Logger log = LoggerFactory.getLogger(IndexedSnapshot.class);

    private final SearcherManager owner;
    private final IndexSearcher searcher;
    private final long covered;
    private final Set<String> grams;
    private final Consumer<Throwable> readFailed;

    /** @param readFailed told when the index could not be read (it is then rebuilt) */
    IndexedSnapshot(SearcherManager owner, IndexSearcher searcher, long covered, Set<String> grams,
            Consumer<Throwable> readFailed) {
        this.owner = owner;
        this.searcher = searcher;
        this.covered = covered;
        this.grams = grams;
        this.readFailed = readFailed;
    }

    @Override
    public long covered() {
        return covered;
    }

    @Override
    public long[] next(long belowPk, int n) {
        long upper = Math.min(belowPk - 1, covered);
        if (upper < 0 || n <= 0) {
            return new long[0];
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String g : grams) {
            q.add(new TermQuery(new Term(IndexSchema.GRAM, g)), BooleanClause.Occur.FILTER);
        }
        // the index is sorted by pk: the range is a run of doc ids in each segment, found by binary search
        q.add(new IndexSortSortedNumericDocValuesRangeQuery(IndexSchema.PK, Long.MIN_VALUE, upper,
                LongPoint.newRangeQuery(IndexSchema.PK, Long.MIN_VALUE, upper)), BooleanClause.Occur.FILTER);
        try {
            TopFieldDocs top = searcher.search(q.build(), n, IndexSchema.NEWEST_FIRST);
            long[] pks = new long[top.scoreDocs.length];
            int i = 0;
            for (ScoreDoc d : top.scoreDocs) {
                pks[i++] = (Long) ((FieldDoc) d).fields[0];
            }
            return pks;
        } catch (IOException | RuntimeException e) {
            readFailed.accept(e);
            throw new TextIndex.Unavailable("the search index could not be read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            owner.release(searcher);
        } catch (IOException | RuntimeException e) {
            log.debug("releasing a searcher", e);
        }
    }
}
