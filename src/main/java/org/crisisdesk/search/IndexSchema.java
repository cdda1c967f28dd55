package org.crisisdesk.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Iterator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.crisisdesk.mention.MentionStore.IndexRow;

/**
 * How the search index is laid out: one document per mention with its pk and the character bigrams of its text
 * ({@link Grams}), sorted newest first; how its writers and searchers are made. Bump {@link #FORMAT} when any of it
 * changes: an older index is then rebuilt.
 */
final class IndexSchema {
    /** Recorded in every commit; an index of another format is rebuilt. */
    static final String FORMAT = "bigram-1";
    static final String PK = "pk";
    static final String GRAM = "g";
    static final Sort NEWEST_FIRST = new Sort(new SortField(PK, SortField.Type.LONG, true));
    private static final FieldType GRAM_TYPE = new FieldType();
    /**
     * Searchers without Lucene's query cache: it would turn a frequent gram's postings into a bitset over the whole
     * index (tens of ms at 1M), where a newest-first search only reads the first page of each segment.
     */
    static final SearcherFactory NO_CACHE = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            return searcher;
        }
    };

    static {
        GRAM_TYPE.setIndexOptions(IndexOptions.DOCS);
        GRAM_TYPE.setTokenized(true);
        GRAM_TYPE.setOmitNorms(true);
        GRAM_TYPE.freeze();
    }

    private IndexSchema() {}

    static Document document(IndexRow r) {
        Document d = new Document();
        d.add(new LongPoint(PK, r.pk()));
        d.add(new NumericDocValuesField(PK, r.pk()));
        d.add(new Field(GRAM, new GramStream(Grams.ofText(r.text())), GRAM_TYPE));
        return d;
    }

    static IndexWriter newWriter(Directory dir, IndexWriterConfig.OpenMode mode) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig();
        config.setOpenMode(mode);
        config.setIndexSort(NEWEST_FIRST); // a newest-first search stops at the first page of each segment
        config.setRAMBufferSizeMB(48);
        config.setCommitOnClose(false);
        return new IndexWriter(dir, config);
    }

    /** The grams of one text as a token stream (the index's own analysis: no analyzer involved). */
    private static final class GramStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Collection<String> grams;
        private Iterator<String> it;

        GramStream(Collection<String> grams) {
            this.grams = grams;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            it = grams.iterator();
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            if (it == null || !it.hasNext()) {
                return false;
            }
            term.setEmpty().append(it.next());
            return true;
        }
    }
}
