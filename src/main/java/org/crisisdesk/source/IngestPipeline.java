package org.crisisdesk.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.Filing;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.QuarantineStore;
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
    private final QuarantineStore quarantine;
    private int quarantined;
    private long storedTotal;

    public IngestPipeline(MentionStore mentions, CategoryStore categories, Suggester suggester, String actor) {
        this(mentions, categories, suggester, actor, null);
    }

    /**
     * @param quarantine where a post that cannot be stored is kept (then the others of its batch are stored one by
     *     one, and the batch does not fail); null to fail the batch as a whole
     */
    public IngestPipeline(MentionStore mentions, CategoryStore categories, Suggester suggester, String actor,
            QuarantineStore quarantine) {
        this.mentions = mentions;
        this.categories = categories;
        this.suggester = suggester;
        this.actor = actor;
        this.quarantine = quarantine;
    }

    /** How many mentions this pipeline has stored so far (committed), also of a batch that then failed. */
    public long storedTotal() {
        return storedTotal;
    }

    /** How many posts this pipeline has put into the quarantine so far. */
    public int quarantined() {
        return quarantined;
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
        List<StoredMention> stored = storeOrQuarantine(filings, checkpoint);
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

    /**
     * Stores the batch in one transaction; when that fails for a reason other than the database itself (a post the
     * store will not take), stores its posts one by one and quarantines each that still fails, so the others and
     * the checkpoint are kept. When the database itself is failing, the quarantine fails too and the error goes up.
     */
    private List<StoredMention> storeOrQuarantine(List<Filing> filings, Checkpoint checkpoint) {
        try {
            List<StoredMention> all = ingestShared(filings, checkpoint);
            storedTotal += all.size();
            return all;
        } catch (org.crisisdesk.store.StoreException e) {
            if (quarantine == null || e.isDatabaseFailure()) {
                throw e; // a full disk or a closed database: the whole batch is not stored, and one by one would not be
            }
            List<StoredMention> stored = new ArrayList<>();
            for (Filing f : filings) {
                try {
                    List<StoredMention> one = ingestShared(List.of(f), null);
                    stored.addAll(one);
                    storedTotal += one.size();
                } catch (org.crisisdesk.store.StoreException one) {
                    if (one.isDatabaseFailure()) {
                        throw one; // what was stored before is counted in storedTotal
                    }
                    quarantine.hold(f.mention(), one.getMessage());
                    quarantined++;
                    // (not the database's message: it may quote the post's text, and INFO and above never hold it)
                    log.warn("A post (id {}) could not be stored and is kept in the quarantine ({})",
                            abbreviated(f.mention().platformId()), one.getClass().getSimpleName());
                }
            }
            if (checkpoint != null) {
                ingestShared(List.of(), checkpoint);
            }
            return stored;
        }
    }

    /**
     * Tries every quarantined post again (after an upgrade, or once what stopped it is fixed); those stored leave the
     * quarantine. Returns how many were stored.
     */
    public int retryQuarantined() {
        if (quarantine == null) {
            return 0;
        }
        int released = 0;
        for (QuarantineStore.Held h : quarantine.all()) {
            var parsed = org.crisisdesk.mention.MentionJson.parseLine(h.raw());
            if (parsed.mentions().size() != 1) {
                quarantine.tried(h.id(), "this version cannot read it: " + parsed.error());
                continue; // kept as it is
            }
            Mention m = parsed.mentions().get(0);
            try {
                Filing f = file(m, suggester.autoFileThreshold());
                ingestShared(List.of(f), null);
                quarantine.release(h.id());
                released++;
            } catch (RuntimeException e) {
                quarantine.tried(h.id(), e.getMessage());
            }
        }
        return released;
    }

    private static String abbreviated(String id) {
        return id.length() <= 32 ? id.replaceAll("[^0-9A-Za-z_:-]", "?") : id.substring(0, 32).replaceAll("[^0-9A-Za-z_:-]", "?") + "…";
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IngestPipeline.class);

    private Filing file(Mention m, double threshold) {
        if (m.categoryHint() != null) {
            Long id = categoryIdsByName.computeIfAbsent(m.categoryHint(), name -> categories.ensure(name).id());
            return new Filing(m, id, IMPORT, null, null, null);
        }
        Suggestion s;
        try {
            s = suggester.suggest(m);
        } catch (RuntimeException | StackOverflowError e) {
            // a suggestion is a help, never a reason to lose the post: it goes to Unsorted
            log.warn("No suggestion for a post (id {}): {}", abbreviated(m.platformId()), e.getClass().getSimpleName());
            return Filing.unsorted(m);
        }
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
