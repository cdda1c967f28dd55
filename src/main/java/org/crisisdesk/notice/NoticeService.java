package org.crisisdesk.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.crisisdesk.store.Database;

/**
 * Everything about notices that the desk and the CLI share: composing (render, measure, check), the outbox, the
 * managed lists, coverage, timelines and the long form. Blocking methods touch the database: not on the FX thread.
 * {@link #compose} is pure and may run anywhere.
 */
public final class NoticeService {
    private final NoticeStore notices;
    private final TemplateStore templates;
    private final DepartmentStore departments;
    private final Outbox outbox;
    private final ApprovalStore approvals;
    private final WritingStore writing;
    private final Clock clock;

    /**
     * @param clock the desk's clock (scenario time in the demo): as-of defaults, timelines
     * @param wall real time for the outbox's attempts, backoff and in-flight checks
     */
    public NoticeService(Database db, Clock clock, Clock wall, Supplier<Publisher> publisher) {
        this.clock = clock;
        this.notices = new NoticeStore(db, clock, wall);
        this.templates = new TemplateStore(db, clock);
        this.departments = new DepartmentStore(db, clock);
        this.approvals = new ApprovalStore(db, notices, clock);
        this.writing = new WritingStore(db, wall);
        this.outbox = new Outbox(notices, publisher, wall, Duration.ofSeconds(150), Duration.ofSeconds(30), approvals);
    }

    /** Who is writing a notice on which category, and what posting would collide with (issue 22). */
    public WritingStore writing() {
        return writing;
    }

    /** The second pair of eyes before a notice posts (issue 22). */
    public ApprovalStore approvals() {
        return approvals;
    }

    public NoticeStore store() {
        return notices;
    }

    public TemplateStore templates() {
        return templates;
    }

    public DepartmentStore departments() {
        return departments;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Renders, measures and checks a notice. Pure: no database.
     *
     * @param facts the notice's facts; its link as typed (the final URL replaces it)
     * @param templateBody the template text (possibly being edited, not yet saved)
     * @param split whether a text over the limit may become a numbered thread
     */
    public static Composition compose(Notice facts, String templateBody, boolean split, ZoneId zone) {
        return compose(facts, templateBody, split, zone, null);
    }

    /**
     * As {@link #compose(Notice, String, boolean, ZoneId)}, checked as the composer checks at {@code now}: also a
     * stale as-of and a missing link ({@link NoticeLint#check(Notice, java.util.Set, String, java.time.Instant)}).
     */
    public static Composition compose(Notice facts, String templateBody, boolean split, ZoneId zone,
            java.time.Instant now) {
        LinkCheck link = LinkCheck.check(facts.link());
        Notice n = facts.withLink(link.finalUrl() != null ? link.finalUrl() : facts.link());
        NoticeRenderer.Rendered r = new NoticeRenderer(zone).render(templateBody, n);
        n = n.withText(r.text());
        WeightedLength.Measure m = WeightedLength.measure(r.text());
        List<String> parts = List.of(r.text());
        Composition.Block block = null;
        if (r.text().isBlank()) {
            block = Composition.Block.EMPTY;
        } else if (!NoticeRenderer.problems(templateBody).isEmpty()) {
            block = Composition.Block.TEMPLATE_INVALID;
        } else if (!link.usable()) {
            block = Composition.Block.LINK_INVALID;
        } else if (!m.valid()) {
            if (split && m.overLimit()) {
                try {
                    parts = ThreadSplitter.split(r.text());
                } catch (IllegalArgumentException tooLong) {
                    block = Composition.Block.OVER_LIMIT;
                }
            } else {
                block = Composition.Block.OVER_LIMIT;
            }
        }
        if (block == null && facts.categoryId() == null) {
            block = Composition.Block.NO_CATEGORY;
        }
        return new Composition(n, r.used(), m, parts, now == null ? NoticeLint.check(n, r.used(), r.text())
                : NoticeLint.check(n, r.used(), r.text(), now), link, block);
    }

    /** What the composer starts from for a category. */
    public record Prefill(long categoryId, long newSince, StoredNotice previous, Stage suggestedStage) {}

    /**
     * The category's uncovered count and its previous notice (the latest one posted, else the latest of any state),
     * with the stage moved on by one step (the label is left for the person: the next step has its own name).
     */
    public Prefill prefill(long categoryId) {
        Optional<StoredNotice> last = notices.lastPosted(categoryId);
        StoredNotice previous = last.orElse(null);
        if (previous == null) {
            List<StoredNotice> all = notices.forCategory(categoryId);
            previous = all.isEmpty() ? null : all.get(all.size() - 1);
        }
        Stage next = null;
        if (previous != null && previous.notice().stage() != null) {
            Stage s = previous.notice().stage();
            next = s.isFinal() ? s : new Stage(s.step() + 1, s.total(), "");
        }
        return new Prefill(categoryId, notices.uncovered(categoryId), previous, next);
    }

    public Map<Long, CoverageSummary> summaries() {
        return notices.summaries();
    }

    /**
     * The category's notices in order, with stage progress, promises kept or missed, authors, approvals and the
     * notices sent back.
     */
    public NoticeTimeline timeline(long categoryId) {
        return NoticeTimeline.of(notices.forCategory(categoryId), approvals.forCategory(categoryId), clock.instant());
    }
}
