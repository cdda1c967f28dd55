package org.crisisdesk.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.mention.MentionExporter;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person does on the boards: file mentions (one gesture = one transaction = one undo unit), accept the
 * engine's suggestions, undo and redo, read a mention's history, edit categories and hand cases to the customer
 * centre. Every change is committed and forced to disk before a method returns. Blocking: call it off the FX
 * thread. Thread-safe; the desk still runs its calls one after another so gestures commit in the order made.
 */
public final class TriageService {
    private static final Logger log = LoggerFactory.getLogger(TriageService.class);

    /** Colours offered to new categories in turn (readable on light and dark boards). */
    public static final List<String> PALETTE = List.of("#D9480F", "#C2255C", "#9C36B5", "#1971C2", "#2B8A3E",
            "#0C8599", "#E67700", "#5C940D", "#3B5BDB", "#862E9C", "#868E96", "#495057");

    private final MoveStore moves;
    private final CategoryStore categories;
    private final MentionStore mentions;
    private final BoardStatsStore stats;
    private final Suggester suggester;
    private final Clock clock;

    public TriageService(MoveStore moves, CategoryStore categories, MentionStore mentions, BoardStatsStore stats,
            Suggester suggester, Clock clock) {
        this.moves = moves;
        this.categories = categories;
        this.mentions = mentions;
        this.stats = stats;
        this.suggester = suggester;
        this.clock = clock;
    }

    /** Files the mentions into {@code categoryId} (null: back to Unsorted) as one gesture, wherever they are. */
    public MoveResult move(Collection<Long> pks, Long categoryId, String actor) {
        return move(pks, Map.of(), categoryId, actor);
    }

    /**
     * Files the mentions into {@code categoryId} as one gesture, each only if it is still in the category the person
     * saw it in (issue 22: two people moving the same mention). The ones someone else moved meanwhile stay where they
     * are and come back as {@link MoveResult#conflicts()}; the rest are filed.
     *
     * @param seen mention pk to the category the person saw it in (a null value: Unsorted); pks without an entry
     *             are moved unchecked
     */
    public MoveResult move(Collection<Long> pks, Map<Long, Long> seen, Long categoryId, String actor) {
        Map<Long, Long> targets = new LinkedHashMap<>();
        pks.forEach(pk -> targets.put(pk, categoryId));
        MoveResult r = moves.move(targets, seen, MoveStore.KIND_MOVE, actor, clock.instant());
        teach(r);
        return r;
    }

    /** Files each Unsorted mention into the category the engine suggested, as one gesture. */
    public MoveResult accept(Collection<Long> pks, String actor) {
        // a suggestion is accepted for a mention seen in Unsorted: one filed by someone since is a conflict, told
        Map<Long, Long> targets = new LinkedHashMap<>();
        Map<Long, Long> seen = new java.util.HashMap<>();
        for (StoredMention m : mentions.find(List.copyOf(pks))) {
            if (m.suggestedCategoryId() != null) {
                targets.put(m.pk(), m.suggestedCategoryId());
                seen.put(m.pk(), null);
            }
        }
        MoveResult r = moves.move(targets, seen, MoveStore.KIND_ACCEPT, actor, clock.instant());
        teach(r);
        return new MoveResult(r.group(), r.moved(), r.skipped() + pks.size() - targets.size(), r.conflicts());
    }

    /**
     * Every change of a mention's place is (or takes back) a label for the learning engine: filed by a person, it
     * learns that category (a correction moves the label, the engine is idempotent per mention); back in Unsorted,
     * or restored to the engine's own AUTO filing by an undo, it forgets the label.
     */
    private void teach(MoveResult r) {
        for (MoveResult.Moved m : r.moved()) {
            StoredMention now = m.mention();
            if (now == null) {
                continue;
            }
            try {
                if (now.categoryId() != null && TriageModelStore.isLabel(now.assignedBy())) {
                    suggester.learn(now.mention(), now.categoryId());
                } else {
                    suggester.forget(now.mention());
                }
            } catch (RuntimeException e) {
                // the move is committed; a failing engine must not turn it into an error for the person
                log.warn("The triage engine could not learn from a move: {}", e.toString());
            }
        }
    }

    public MoveResult undo(String actor) {
        MoveResult r = moves.undo(actor, clock.instant());
        teach(r);
        return r;
    }

    public MoveResult redo(String actor) {
        MoveResult r = moves.redo(actor, clock.instant());
        teach(r);
        return r;
    }

    public UndoState undoState(String actor) {
        return moves.undoState(actor);
    }

    public List<HistoryEntry> history(long mentionPk) {
        return moves.history(mentionPk);
    }

    /** A new topic at the end of the board (before the customer centre, which the boards always show last). */
    public Category create(String name, String color) {
        String clean = CategoryStore.cleanName(name);
        String colour = CategoryStore.cleanColour(color);
        if (categories.byName(clean).isPresent()) {
            throw new TriageException(TriageException.Problem.NAME_TAKEN,
                    "A category named \"" + clean + "\" already exists", clean);
        }
        return changed(categories.create(clean, colour, Category.Kind.TOPIC, Rules.NONE));
    }

    /** Tells the engine about a category edit, so new mentions are classified with the current rules at once. */
    private <T> T changed(T result) {
        suggester.categoriesChanged();
        return result;
    }

    /** A colour for the next new category: the first of the palette none of {@code active} uses. */
    public static String nextColour(List<Category> active) {
        List<String> used = active.stream().map(c -> c.color().toUpperCase(java.util.Locale.ROOT)).toList();
        return PALETTE.stream().filter(p -> !used.contains(p)).findFirst()
                .orElse(PALETTE.get(used.size() % PALETTE.size()));
    }

    public Category rename(long id, String name) {
        return changed(categories.rename(id, name));
    }

    public Category recolour(long id, String color) {
        return categories.recolour(id, color);
    }

    public Category updateRules(long id, Rules rules) {
        RulesInput.check(rules);
        return changed(categories.updateRules(id, rules));
    }

    public void reorder(List<Long> idsInOrder) {
        categories.reorder(idsInOrder);
    }

    public Category archive(long id) {
        return changed(categories.archive(id));
    }

    /** @return how many mentions moved from {@code sourceId} into {@code targetId} */
    public int merge(long sourceId, long targetId, String actor) {
        return changed(moves.merge(sourceId, targetId, actor, clock.instant()));
    }

    /**
     * Exports the customer-centre cases not yet handed over to {@code out} and marks them handed over. The file is
     * committed (temp file, fsync, atomic move) inside the database transaction that then marks exactly the cases
     * written: a crash in between repeats those cases in the next export rather than losing one.
     *
     * @return how many cases were handed over; 0 writes no file
     */
    public int handOver(Path out, MentionExporter.Format format, ZoneId zone) {
        try {
            return moves.handOver(cases -> CustomerCentreExport.write(cases, format, out, zone, centreLookup()),
                    clock.instant());
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            throw new UncheckedIOException("Could not write " + out + ": " + cause.getMessage(), cause);
        }
    }

    private java.util.function.Supplier<Map<Long, String>> assignees = Map::of;

    /** Issue 22: who each case is assigned to (mention pk to name), for the customer centre's file. */
    public void setAssignees(java.util.function.Supplier<Map<Long, String>> source) {
        this.assignees = source;
    }

    /** The category name and the replied-to post of a case, for the customer centre's file. */
    private CustomerCentreExport.Lookup centreLookup() {
        Map<Long, String> names = new java.util.HashMap<>();
        categories.all().forEach(c -> names.put(c.id(), c.name()));
        Map<Long, String> assigned = assignees.get();
        return new CustomerCentreExport.Lookup() {
            @Override
            public String assignee(StoredMention m) {
                return assigned.getOrDefault(m.pk(), "");
            }

            @Override
            public String category(StoredMention m) {
                return m.categoryId() == null ? "" : names.getOrDefault(m.categoryId(), "");
            }

            @Override
            public String context(StoredMention m) {
                String root = m.mention().conversationId();
                if (root == null || root.isBlank() || root.equals(m.platformId())) {
                    return "";
                }
                return mentions.post(m.mention().source(), root)
                        .map(p -> "@" + p.mention().author() + ": "
                                + p.mention().text().replaceAll("\\s+", " ").strip())
                        .orElse("https://x.com/i/web/status/" + root);
            }
        };
    }

    public BoardStats stats() {
        return stats.stats(clock.instant());
    }
}
