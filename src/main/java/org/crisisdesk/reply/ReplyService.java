package org.crisisdesk.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crisisdesk.cases.CaseStore;
import org.crisisdesk.cases.CaseTicket;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.notice.Notice;
import org.crisisdesk.notice.NoticeLang;
import org.crisisdesk.notice.NoticeLint;
import org.crisisdesk.notice.NoticeStore;
import org.crisisdesk.notice.Outbox;
import org.crisisdesk.notice.StoredNotice;
import org.crisisdesk.notice.WeightedLength;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.CategoryStore;

/**
 * One useful reply to the customer: filled from the case's ticket number and the category's latest notice link,
 * measured by X's weighted length, linted like a notice, and posted through the notice outbox (so exactly once, and
 * only ever through the desk's one {@code Publisher}: a demo's publisher that cannot post cannot post replies either)
 * as a reply to the customer's post. Recorded on the mention. One reply per mention and at most one per person a day,
 * always by a person's action; a selection is paced through the outbox.
 */
public final class ReplyService {
    public static final String KO = "고객센터로 전달했습니다. 접수번호 #{ticket}. 진행 상황은 {notice_link} 에서 안내드립니다.";
    public static final String EN = "We have passed this to our customer centre, case number #{ticket}. We post "
            + "updates at {notice_link}";
    /** A person gets at most one reply from the account in this time. */
    public static final Duration PER_PERSON = Duration.ofHours(24);
    private static final Pattern CONCRETE = Pattern.compile("#\\s?\\d+|https?://|\\d{1,2}:\\d{2}|\\d+\\s*(?:시|분|일|건)");

    private final MentionStore mentions;
    private final CategoryStore categories;
    private final NoticeStore notices;
    private final CaseStore cases;
    private final Outbox outbox;
    private final Clock clock;

    public ReplyService(MentionStore mentions, CategoryStore categories, NoticeStore notices, CaseStore cases,
            Outbox outbox, Clock clock) {
        this.mentions = mentions;
        this.categories = categories;
        this.notices = notices;
        this.cases = cases;
        this.outbox = outbox;
        this.clock = clock;
    }

    public enum Warning {
        /** Neither a ticket number, nor a link, nor a concrete fact (time, number): an empty apology. */
        SAYS_NOTHING,
        /** Over 280 weighted characters, or empty. */
        TOO_LONG,
        /** The mention was replied to already; a second reply is refused. */
        ALREADY_REPLIED,
        /** This person was replied to in the last 24 hours (another post of theirs); refused. */
        PERSON_REPLIED
    }

    /** What the reply would say, before anything is sent. */
    public record Draft(long mentionPk, String text, WeightedLength.Measure length, String ticket, String link,
            List<Warning> warnings) {
        /** Whether it may be sent at all (the says-something warning only warns). */
        public boolean allowed() {
            return !warnings.contains(Warning.TOO_LONG) && !warnings.contains(Warning.ALREADY_REPLIED)
                    && !warnings.contains(Warning.PERSON_REPLIED);
        }
    }

    /** The template filled for this mention: its ticket (if sent) and its category's latest notice link (if any). */
    public Draft draft(long mentionPk, NoticeLang lang) {
        StoredMention m = mention(mentionPk);
        String ticket = cases.byMention(mentionPk).filter(CaseTicket::sent).map(CaseTicket::ticketNumber)
                .map(t -> t.startsWith("#") ? t.substring(1) : t).orElse(null);
        String link = m.categoryId() == null ? null : notices.lastPosted(m.categoryId())
                .map(n -> n.notice().link() != null ? n.notice().link() : n.platformUrl()).orElse(null);
        return check(m, fill(lang, ticket, link), ticket, link);
    }

    /** A person's own text for this mention, checked the same way. */
    public Draft check(long mentionPk, String text) {
        Draft d = draft(mentionPk, NoticeLang.KO);
        return check(mention(mentionPk), text, d.ticket(), d.link());
    }

    static String fill(NoticeLang lang, String ticket, String link) {
        String t = lang == NoticeLang.EN ? EN : KO;
        if (ticket == null) {
            t = lang == NoticeLang.EN ? t.replace(", case number #{ticket}", "") : t.replace(" 접수번호 #{ticket}.", "");
        }
        if (link == null) {
            t = lang == NoticeLang.EN ? t.replace(" We post updates at {notice_link}", "")
                    : t.replace(" 진행 상황은 {notice_link} 에서 안내드립니다.", "");
        }
        return t.replace("{ticket}", ticket == null ? "" : ticket).replace("{notice_link}", link == null ? "" : link)
                .strip();
    }

    private Draft check(StoredMention m, String text, String ticket, String link) {
        List<Warning> w = new ArrayList<>();
        String t = text == null ? "" : text.strip();
        WeightedLength.Measure len = WeightedLength.measure(t);
        if (!len.valid()) {
            w.add(Warning.TOO_LONG);
        }
        if (!CONCRETE.matcher(t).find() || NoticeLint.apologyOnly(t)) {
            w.add(Warning.SAYS_NOTHING);
        }
        if (notices.replies(List.of(m.pk())).containsKey(m.pk())) {
            w.add(Warning.ALREADY_REPLIED);
        } else if (notices.lastReplyTo(m.mention().source(), m.mention().author(),
                clock.instant().minus(PER_PERSON)).isPresent()) {
            w.add(Warning.PERSON_REPLIED);
        }
        return new Draft(m.pk(), t, len, ticket, link, List.copyOf(w));
    }

    /**
     * Queues the reply in the outbox (as a reply to the mention's post) and records it on the mention. Refused (with
     * the reason) when the draft is not allowed. The caller posts it ({@code outbox.post(id)}) on the outbox's
     * thread, or leaves it to the outbox's round.
     *
     * @param notBefore wall time before which the outbox must not post it (pacing a selection), or null
     */
    public StoredNotice queue(long mentionPk, String text, String actor, Instant notBefore) {
        StoredMention m = mention(mentionPk);
        Draft d = check(m, text, null, null);
        if (!d.allowed()) {
            throw new IllegalStateException("Not sent: " + d.warnings());
        }
        Category c = m.categoryId() == null ? null : categories.byId(m.categoryId()).orElse(null);
        Notice n = new Notice(null, c == null ? null : c.name(), clock.instant(), null, null, null, null, null, null,
                null, NoticeLang.parse(m.mention().lang()), 1, d.text());
        StoredNotice s = notices.insertReply(n, d.text(), "reply:" + m.mention().source() + ":"
                + m.mention().platformId(), m.mention().platformId(), m.pk(), m.mention().source(),
                m.mention().author(), actor);
        if (notBefore != null) {
            notices.requeue(s.id(), notBefore, null, null);
        }
        return s;
    }

    /** Queues and posts one reply now (blocking: on the outbox's thread). */
    public Outbox.Outcome reply(long mentionPk, String text, String actor) {
        return outbox.post(queue(mentionPk, text, actor, null).id());
    }

    /**
     * Replies to a selection the person confirmed: each mention gets its own filled template (its own ticket), the
     * posts {@code pace} apart through the outbox's round. Mentions whose reply is not allowed, says nothing concrete,
     * or would repeat another reply of the selection word for word are skipped.
     */
    public List<StoredNotice> queueSelection(List<Long> mentionPks, NoticeLang lang, String actor, Instant wallNow,
            Duration pace) {
        List<StoredNotice> out = new ArrayList<>();
        java.util.Set<String> texts = new java.util.HashSet<>();
        int i = 0;
        for (long pk : mentionPks) {
            Draft d = draft(pk, lang);
            // nobody else's words: a draft that says nothing of its own (no ticket, no link) or the same text as
            // another in the selection would be the mass reply the platform's automation rules forbid
            if (!d.allowed() || d.warnings().contains(Warning.SAYS_NOTHING) || !texts.add(d.text())) {
                continue;
            }
            out.add(queue(pk, d.text(), actor, wallNow.plus(pace.multipliedBy(i++))));
        }
        return out;
    }

    private StoredMention mention(long pk) {
        return mentions.find(pk).orElseThrow(() -> new IllegalArgumentException("No mention #" + pk));
    }

    /** The reply recorded on the mention, as the outbox has it now (queued, posted, failed), if there is one. */
    public Optional<StoredNotice> replyOf(long mentionPk) {
        return recorded(mentionPk).flatMap(r -> notices.find(r.noticeId()));
    }

    /**
     * The says-something lint on its own (no database): true when the text holds neither a ticket number, a link nor
     * a concrete fact, or is only an apology. What a composer shows while the person types.
     */
    public static boolean saysNothing(String text) {
        String t = text == null ? "" : text.strip();
        return !CONCRETE.matcher(t).find() || NoticeLint.apologyOnly(t);
    }

    public Optional<NoticeStore.ReplyRecord> recorded(long mentionPk) {
        return Optional.ofNullable(notices.replies(List.of(mentionPk)).get(mentionPk));
    }
}
