package org.crisisdesk.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.CategoryStore;
import org.crisisdesk.triage.Suggester;
import org.crisisdesk.triage.Suggestion;

/**
 * normalize → classify → persist (mentions and checkpoint in one transaction). The same steps for the desk, the
 * headless collector and imports. Not thread-safe: one pipeline per source thread; or, for a two-stage import,
 * {@link #classify} on one thread and {@link #store} on another.
 */
public final class IngestPipeline {
    public static final String AUTO = "AUTO";
    public static final String IMPORT = "IMPORT";

    private final MentionStore mentions;
    private final CategoryStore categories;
    private final Suggester suggester;
    private final String actor;
    private final Map<String, Long> categoryIdsByName = new HashMap<>();

    public IngestPipeline(MentionStore mentions, CategoryStore categories, Suggester suggester, String actor) {
        this.mentions = mentions;
        this.categories = categories;
        this.suggester = suggester;
        this.actor = actor;
    }

    public List<StoredMention> ingest(List<Mention> batch, Checkpoint checkpoint) {
        return store(classify(batch), checkpoint);
    }

    /** The first stage: suggestions and auto-filing (CPU only, no database writes unless a hint names a new category). */
    public List<Filing> classify(List<Mention> batch) {
        List<Filing> filings = new ArrayList<>(batch.size());
        double threshold = suggester.autoFileThreshold();
        for (Mention m : batch) {
            filings.add(file(m, threshold));
        }
        return filings;
    }

    /** The second stage: persists classified mentions (and the checkpoint) in one transaction. */
    public List<StoredMention> store(List<Filing> filings, Checkpoint checkpoint) {
        List<StoredMention> stored = ingestShared(filings, checkpoint);
        for (StoredMention sm : stored) {
            if (IMPORT.equals(sm.assignedBy())) {
                suggester.learn(sm.mention(), sm.categoryId()); // a labelled line is a label, like a move
            }
        }
        return stored;
    }

    /**
     * Stores the batch; when another desk or collector on the same database stored some of the same mentions between
     * this one's duplicate check and its insert (the whole transaction then fails on the unique key), tries again:
     * the next attempt sees them as stored and skips them.
     */
    private List<StoredMention> ingestShared(List<Filing> filings, Checkpoint checkpoint) {
        for (int attempt = 1; ; attempt++) {
            try {
                return mentions.ingest(filings, checkpoint, actor);
            } catch (org.crisisdesk.store.StoreException e) {
                if (attempt >= 5 || !e.isDuplicateKey()) {
                    throw e;
                }
            }
        }
    }

    private Filing file(Mention m, double threshold) {
        if (m.categoryHint() != null) {
            Long id = categoryIdsByName.computeIfAbsent(m.categoryHint(), name -> categories.ensure(name).id());
            return new Filing(m, id, IMPORT, null, null, null);
        }
        Suggestion s = suggester.suggest(m);
        if (s.categoryId() == null) {
            return Filing.unsorted(m);
        }
        if (s.confidence() >= threshold && suggester.mayAutoFile(s.categoryId())) {
            return new Filing(m, s.categoryId(), AUTO, s.categoryId(), s.confidence(), s.reason());
        }
        return new Filing(m, null, null, s.categoryId(), s.confidence(), s.reason());
    }

    /** Forget cached category ids (after a rename, merge or archive). */
    public void categoriesChanged() {
        categoryIdsByName.clear();
    }
}
