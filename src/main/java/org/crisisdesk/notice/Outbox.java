package org.crisisdesk.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisisdesk.notice.Publisher.PublishException;
import org.crisisdesk.notice.Publisher.Posted;
import org.crisisdesk.notice.StoredNotice.FailureKind;
import org.crisisdesk.notice.StoredNotice.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts notices exactly once. The rules, in order:
 * <ol>
 *   <li>Every notice is stored (QUEUED) before anything is sent.
 *   <li>Before the HTTP call the notice is marked POSTING and the attempt counted, committed. A crash or a network
 *       fault after that leaves a trace: POSTING, or attempts above zero.
 *   <li>A notice that may already be out (attempts above zero) is first looked for among the account's recent posts
 *       ({@link Publisher#recentPosts}, matched by {@link TextMatch}); found means POSTED, never posted again.
 *   <li>A duplicate-content refusal is not retried: the account is checked, and the notice is POSTED (found) or
 *       FAILED(DUPLICATE) for a person to decide. A transient fault (5xx, timeout, reset) is checked the same way and
 *       then retried with backoff; rate limits wait for the reset; bad credentials and refusals stop.
 *   <li>With no publisher or no credentials the notice is kept, FAILED(NOT_CONNECTED), for posting by hand and
 *       {@link #markPostedByHand}. It is never sent later on its own: it may already be out by hand.
 *   <li>A notice found POSTING with no call in flight (the desk stopped mid-post) is reconciled before any retry;
 *       "no call in flight" means its attempt started longer ago than {@code inflightTimeout}, which must exceed the
 *       publisher's own connect + read timeout.
 * </ol>
 * All its times are real (wall-clock) times, also when the desk runs a demo on scenario time: they are compared with
 * HTTP timeouts and with the platform's post times. Thread-safe through the store's conditional updates; the desk runs it on one executor so posts go out in order.
 * Blocking: never call on the FX thread.
 */
public final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    public static final int MAX_ATTEMPTS = 6;
    public static final int RECENT_POSTS = 100;
    /** A post older than the notice by more than this cannot be the notice. */
    private static final Duration MATCH_SLACK = Duration.ofMinutes(10);
    private static final Pattern STATUS_ID = Pattern.compile("/status(?:es)?/(\\d{1,25})");

    private final NoticeStore store;
    private final Supplier<Publisher> publisher;
    private final Clock wall;
    private final Duration inflightTimeout;
    private final Duration firstBackoff;
    /** The second pair of eyes (issue 22), or null: every notice is queued directly. */
    private final ApprovalStore approvals;

    public Outbox(NoticeStore store, Supplier<Publisher> publisher, Clock wall, Duration inflightTimeout,
            Duration firstBackoff) {
        this(store, publisher, wall, inflightTimeout, firstBackoff, null);
    }

    /** @param approvals when its setting is on, a queued notice waits for a second person first; null: never */
    public Outbox(NoticeStore store, Supplier<Publisher> publisher, Clock wall, Duration inflightTimeout,
            Duration firstBackoff, ApprovalStore approvals) {
        this.approvals = approvals;
        this.store = store;
        this.publisher = publisher;
        this.wall = wall;
        this.inflightTimeout = inflightTimeout;
        this.firstBackoff = firstBackoff;
    }

    /**
     * Defaults: a call is surely over after 150 s (the X adapter's timeouts are 30 s connect + 30 s read,
     * {@code XSettings.DEFAULT_TIMEOUT}; the margin covers a slow retry inside twitter4j); retries from 30 s.
     */
    public Outbox(NoticeStore store, Supplier<Publisher> publisher, Clock wall) {
        this(store, publisher, wall, Duration.ofSeconds(150), Duration.ofSeconds(30));
    }

    /** What happened to a notice, for a person. */
    public record Outcome(Kind kind, StoredNotice notice, String message) {
        public enum Kind {
            /** It is on the platform now (posted, or found there). */
            POSTED,
            /** It was already POSTED before this call. */
            ALREADY_POSTED,
            /** Not out yet; another attempt is scheduled ({@link StoredNotice#nextAttemptAt()}). */
            RETRY_SCHEDULED,
            /** Stopped; {@link StoredNotice#failureKind()} says why. */
            FAILED,
            /** No account connected: kept for posting by hand. */
            NOT_CONNECTED,
            /** Another worker is posting it right now. */
            IN_PROGRESS,
            /** Waiting for a second person ({@link ApprovalStore}): nothing was sent. */
            AWAITING_APPROVAL
        }

        public boolean posted() {
            return kind == Kind.POSTED || kind == Kind.ALREADY_POSTED;
        }
    }

    public boolean connected() {
        Publisher p = publisher.get();
        return p != null && p.connected();
    }

    // ---- putting notices in ----

    public StoredNotice saveDraft(Notice n, List<String> parts, String templateName) {
        return store.insert(n, parts, NoticeState.DRAFT, null, templateName);
    }

    /** Writes the composer's work in progress: a new DRAFT, or over {@code draftId} while that is still one. */
    public StoredNotice keepDraft(Long draftId, Notice n, List<String> parts, String templateName) {
        return keepDraft(draftId, n, parts, templateName, null);
    }

    /** As {@link #keepDraft(Long, Notice, List, String)}, by {@code author}: the draft's author when it is queued. */
    public StoredNotice keepDraft(Long draftId, Notice n, List<String> parts, String templateName, String author) {
        if (draftId != null) {
            StoredNotice d = store.find(draftId).orElse(null);
            if (d != null && d.state() == NoticeState.DRAFT) {
                return store.updateDraft(draftId, n, parts, templateName, author);
            }
        }
        return store.insert(n, parts, NoticeState.DRAFT, null, templateName, author);
    }

    /**
     * Stores the notice QUEUED (nothing is sent yet). The same {@code idempotencyKey} returns the notice already
     * stored under it, whatever its state, so a double click or a re-run never queues a second copy.
     */
    public StoredNotice queue(Notice n, List<String> parts, String idempotencyKey, String templateName) {
        return queue(n, parts, idempotencyKey, templateName, null);
    }

    /**
     * As {@link #queue(Notice, List, String, String)}, by {@code author}: when the team asks for approval
     * ({@link ApprovalStore#required()}) the notice is stored AWAITING_APPROVAL instead of QUEUED, and is posted only
     * once another person approves it.
     */
    public StoredNotice queue(Notice n, List<String> parts, String idempotencyKey, String templateName,
            String author) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("The notice has no text");
        }
        for (String p : parts) {
            WeightedLength.Measure m = WeightedLength.measure(p);
            if (!m.valid()) {
                throw new IllegalArgumentException("A post is " + m.counter() + ": over the limit or empty");
            }
        }
        if (n.link() != null && !LinkCheck.check(n.link()).usable()) {
            throw new IllegalArgumentException("The link is not usable: " + LinkCheck.check(n.link()).message());
        }
        if (approvalRequired()) {
            StoredNotice waiting = store.insertAwaitingApproval(n, parts, idempotencyKey, templateName, author);
            log.info("Notice #{} awaits approval: category #{}, by {}", waiting.id(), n.categoryId(), author);
            return waiting;
        }
        StoredNotice queued = store.insert(n, parts, NoticeState.QUEUED, idempotencyKey, templateName, author);
        log.info("Notice #{} queued: category #{}, {} part(s)", queued.id(), n.categoryId(), parts.size());
        return queued;
    }

    // ---- posting ----

    /** Posts one notice now (QUEUED, DRAFT or FAILED), following the rules above. */
    public Outcome post(long id) {
        StoredNotice n = load(id);
        switch (n.state()) {
            case POSTED:
                return new Outcome(Outcome.Kind.ALREADY_POSTED, n, "Already posted.");
            case POSTING:
                return new Outcome(Outcome.Kind.IN_PROGRESS, n, "Being posted right now.");
            case AWAITING_APPROVAL:
                return new Outcome(Outcome.Kind.AWAITING_APPROVAL, n, "Waiting for a second person's approval.");
            case DRAFT:
                if (approvalRequired()) {
                    store.draftToApproval(id, null);
                    return new Outcome(Outcome.Kind.AWAITING_APPROVAL, load(id), "Waiting for approval.");
                }
                store.queue(id);
                n = load(id);
                break;
            case FAILED:
                if (n.failureKind() == FailureKind.CANCELLED) {
                    return new Outcome(Outcome.Kind.FAILED, n, "Cancelled: not posted.");
                }
                if (n.failureKind() == FailureKind.SENT_BACK) {
                    return new Outcome(Outcome.Kind.FAILED, n, "Sent back: not posted.");
                }
                break;
            default:
                break;
        }
        Publisher p = publisher.get();
        if (p == null || !p.connected()) {
            store.fail(id, FailureKind.NOT_CONNECTED, "No X account is connected: the text was kept for posting "
                    + "by hand. Mark it as posted with the post's URL.");
            log.info("Notice #{} kept for posting by hand: no account is connected", id);
            return new Outcome(Outcome.Kind.NOT_CONNECTED, load(id), "Not connected: post it by hand.");
        }
        // Kept for hand posting, or refused as a duplicate: a person may have posted it meanwhile.
        boolean maybeByHand = n.failureKind() == FailureKind.NOT_CONNECTED || n.failureKind() == FailureKind.DUPLICATE
                || n.failureKind() == FailureKind.UNCERTAIN;
        if (n.mayBeOut() || maybeByHand) {
            try {
                n = applyFound(n, p);
            } catch (PublishException e) {
                return notChecked(n, e);
            }
            if (n.parts().stream().allMatch(Part::posted)) {
                return finish(n, "RECONCILED", "Found on the account: an earlier attempt had posted it.");
            }
        }
        if (!store.claim(id, n.state())) {
            return new Outcome(Outcome.Kind.IN_PROGRESS, load(id), "Changed meanwhile; not posted by this call.");
        }
        return send(load(id), p, false);
    }

    /** Posts the notice's remaining parts in order, each a reply to the one before. State is POSTING. */
    private Outcome send(StoredNotice n, Publisher p, boolean afterFind) {
        // a reply to a customer answers their post (reply.in_reply_to_tweet_id); a notice starts its own thread
        String replyTo = store.inReplyTo(n.id());
        for (Part part : n.parts()) {
            if (part.posted()) {
                replyTo = part.platformId();
                continue;
            }
            Posted posted;
            try {
                posted = p.post(part.text(), replyTo);
            } catch (PublishException e) {
                return afterFailure(n, part, p, e);
            } catch (RuntimeException e) {
                log.warn("Publisher failed unexpectedly on notice #{}", n.id(), e);
                return afterFailure(n, part, p, new PublishException(PublishException.Kind.TRANSIENT,
                        String.valueOf(e.getMessage()), null, e));
            }
            store.recordPart(n.id(), part.no(), posted.id(), posted.url(), posted.createdAt() != null
                    ? posted.createdAt() : wall.instant());
            replyTo = posted.id();
        }
        return finish(load(n.id()), afterFind ? "RECONCILED" : "API", "Posted.");
    }

    private Outcome afterFailure(StoredNotice n, Part part, Publisher p, PublishException e) {
        PublishException.Kind kind = e.kind();
        String why = e.getMessage() == null ? kind.name() : e.getMessage();
        if (kind == PublishException.Kind.DUPLICATE || kind == PublishException.Kind.TRANSIENT) {
            // The post may be on the platform (a timeout after the server accepted it; or an earlier attempt was).
            boolean checked = true;
            StoredNotice now = load(n.id());
            try {
                now = applyFound(now, p);
            } catch (PublishException check) {
                checked = false;
            }
            if (now.parts().get(part.no() - 1).posted()) {
                log.info("Notice #{} part {} was on the account after {}: not posting it again", n.id(), part.no(),
                        kind);
                return send(now, p, true);
            }
            if (kind == PublishException.Kind.DUPLICATE) {
                store.fail(n.id(), FailureKind.DUPLICATE, "X refused the text as a duplicate of an earlier post, and "
                        + (checked ? "it is not among the account's recent posts" : "the account could not be checked")
                        + ". Check the account: mark it as posted with the URL, or change the text. (" + why + ")");
                return new Outcome(Outcome.Kind.FAILED, load(n.id()), "Duplicate: not retried.");
            }
            if (n.attempts() >= MAX_ATTEMPTS) {
                store.fail(n.id(), FailureKind.TRANSIENT, "Gave up after " + n.attempts() + " attempts: " + why
                        + ". Check the account before retrying.");
                return new Outcome(Outcome.Kind.FAILED, load(n.id()), "Gave up after " + n.attempts() + " attempts.");
            }
            Instant next = wall.instant().plus(backoff(n.attempts()));
            store.requeue(n.id(), next, FailureKind.TRANSIENT, why + (checked ? ""
                    : " (the account could not be checked; it will be before the next attempt)"));
            log.info("Notice #{} will be retried at {}: {}", n.id(), next, kind);
            return new Outcome(Outcome.Kind.RETRY_SCHEDULED, load(n.id()), "Network trouble: retrying later.");
        }
        return stop(n, e);
    }

    /** The account could not be checked before posting: no post was sent by this call. */
    private Outcome notChecked(StoredNotice n, PublishException e) {
        if (e.kind() == PublishException.Kind.CREDENTIALS) {
            return stop(n, e);
        }
        Instant next = e.kind() == PublishException.Kind.RATE_LIMITED && e.retryAt() != null ? e.retryAt()
                : wall.instant().plus(backoff(Math.max(1, n.attempts())));
        store.requeue(n.id(), next, FailureKind.UNCERTAIN, "Could not check the account before posting again: "
                + e.getMessage());
        return new Outcome(Outcome.Kind.RETRY_SCHEDULED, load(n.id()), "Could not check the account: later.");
    }

    private Outcome stop(StoredNotice n, PublishException e) {
        String why = e.getMessage() == null ? e.kind().name() : e.getMessage();
        log.info("Notice #{} not posted: {}", n.id(), e.kind());
        switch (e.kind()) {
            case RATE_LIMITED -> {
                Instant next = e.retryAt() != null ? e.retryAt() : wall.instant().plus(backoff(n.attempts()));
                store.requeue(n.id(), next, FailureKind.RATE_LIMITED, "Rate limited until " + next + ": " + why);
                return new Outcome(Outcome.Kind.RETRY_SCHEDULED, load(n.id()), "Rate limited: waiting.");
            }
            case CREDENTIALS -> store.fail(n.id(), FailureKind.CREDENTIALS,
                    "X refused the credentials; reconnect the account, then retry. (" + why + ")");
            default -> store.fail(n.id(), FailureKind.REJECTED, "X refused the post: " + why);
        }
        return new Outcome(Outcome.Kind.FAILED, load(n.id()), why);
    }

    private Outcome finish(StoredNotice n, String postedBy, String message) {
        Part first = n.parts().get(0);
        store.markPosted(n.id(), first.platformId(), first.platformUrl(), postedBy);
        log.info("Notice #{} posted ({}): {}", n.id(), postedBy, first.platformUrl());
        return new Outcome(Outcome.Kind.POSTED, load(n.id()), message);
    }

    /**
     * Looks for the notice's unposted parts among the account's recent posts and records those found. Parts are
     * matched in order; a match must be newer than the notice (less {@link #MATCH_SLACK}).
     */
    private StoredNotice applyFound(StoredNotice n, Publisher p) throws PublishException {
        List<Posted> recent = p.recentPosts(RECENT_POSTS);
        Instant notBefore = n.wallCreatedAt() == null ? Instant.MIN : n.wallCreatedAt().minus(MATCH_SLACK);
        Map<String, Boolean> taken = new HashMap<>();
        for (Part part : n.parts()) {
            if (part.platformId() != null) {
                taken.put(part.platformId(), true);
            }
        }
        boolean changed = false;
        for (Part part : n.parts()) {
            if (part.posted()) {
                continue;
            }
            for (Posted post : recent) {
                if (taken.containsKey(post.id())) {
                    continue;
                }
                if (post.createdAt() != null && post.createdAt().isBefore(notBefore)) {
                    continue;
                }
                if (TextMatch.same(part.text(), post.text())) {
                    store.recordPart(n.id(), part.no(), post.id(), post.url(),
                            post.createdAt() != null ? post.createdAt() : wall.instant());
                    taken.put(post.id(), true);
                    changed = true;
                    break;
                }
            }
        }
        return changed ? load(n.id()) : n;
    }

    // ---- after a stop, and on a timer ----

    /**
     * Notices left POSTING with no call in flight (the desk or CLI stopped mid-post): found on the account means
     * POSTED; not found means QUEUED for a new attempt (which checks again first). Not connected: FAILED(UNCERTAIN)
     * for a person, never sent on its own.
     */
    public List<Outcome> recover() {
        List<Outcome> out = new ArrayList<>();
        for (long id : store.stalePosting(wall.instant().minus(inflightTimeout))) {
            StoredNotice n = load(id);
            Publisher p = publisher.get();
            if (p == null || !p.connected()) {
                store.fail(id, FailureKind.UNCERTAIN, "Posting was interrupted and X cannot be checked now. Look "
                        + "at the account: mark it as posted with the URL, or retry once connected.");
                out.add(new Outcome(Outcome.Kind.NOT_CONNECTED, load(id), "Interrupted; cannot check the account."));
                continue;
            }
            try {
                n = applyFound(n, p);
            } catch (PublishException e) {
                if (e.kind() == PublishException.Kind.CREDENTIALS) {
                    out.add(stop(n, e));
                }
                // otherwise stays POSTING: checked again on the next round
                continue;
            }
            if (n.parts().stream().allMatch(Part::posted)) {
                out.add(finish(n, "RECONCILED", "Interrupted, but found on the account."));
            } else {
                store.requeue(id, wall.instant(), FailureKind.UNCERTAIN,
                        "Posting was interrupted and the post is not on the account: posting again.");
                out.add(new Outcome(Outcome.Kind.RETRY_SCHEDULED, load(id), "Interrupted; not on the account."));
            }
        }
        return out;
    }

    /** {@link #recover()}, then every QUEUED notice whose attempt is due. Called on a timer and at start. */
    public List<Outcome> processDue() {
        List<Outcome> out = new ArrayList<>(recover());
        for (long id : store.due(wall.instant())) {
            Outcome o = post(id);
            out.add(o);
            if (o.notice().failureKind() == FailureKind.CREDENTIALS && o.kind() == Outcome.Kind.FAILED) {
                break; // the account refuses us: the rest stay queued until someone reconnects
            }
        }
        return out;
    }

    // ---- by hand ----

    /**
     * A person posted it (not connected, or after a DUPLICATE/UNCERTAIN): POSTED with the URL they give, and the
     * category's mentions covered.
     */
    public StoredNotice markPostedByHand(long id, String url) {
        LinkCheck check = LinkCheck.check(url);
        if (check.status() == LinkCheck.Status.EMPTY || !check.usable()) {
            throw new IllegalArgumentException("Give the post's URL, e.g. https://x.com/account/status/123: "
                    + check.message());
        }
        StoredNotice n = load(id);
        if (n.state() == NoticeState.POSTED) {
            return n;
        }
        if (n.state() == NoticeState.AWAITING_APPROVAL || n.failureKind() == FailureKind.SENT_BACK) {
            throw new IllegalStateException("Notice #" + id + " was not approved by a second person");
        }
        if (n.state() == NoticeState.POSTING && n.postingStartedAt() != null
                && n.postingStartedAt().isAfter(wall.instant().minus(inflightTimeout))) {
            throw new IllegalStateException("Notice #" + id + " is being posted right now; wait for the outcome");
        }
        Matcher m = STATUS_ID.matcher(check.finalUrl());
        String platformId = m.find() ? m.group(1) : null;
        if (!n.parts().isEmpty() && !n.parts().get(0).posted()) {
            store.recordPart(id, 1, platformId, check.finalUrl(), wall.instant());
        }
        store.markPosted(id, platformId, check.finalUrl(), "MANUAL");
        log.info("Notice #{} marked as posted by hand: {}", id, check.finalUrl());
        return load(id);
    }

    /** Takes a notice out of the outbox (not while a call may be in flight). */
    public StoredNotice cancel(long id) {
        StoredNotice n = load(id);
        if (n.state() == NoticeState.POSTED) {
            throw new IllegalStateException("Notice #" + id + " is already posted");
        }
        if (n.state() == NoticeState.POSTING) {
            throw new IllegalStateException("Notice #" + id + " is being posted right now");
        }
        store.fail(id, FailureKind.CANCELLED, "Cancelled.");
        return load(id);
    }

    private boolean approvalRequired() {
        return approvals != null && approvals.required();
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(10, Math.max(0, attempts - 1));
        Duration d = firstBackoff.multipliedBy(factor);
        Duration cap = Duration.ofMinutes(10);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private StoredNotice load(long id) {
        return store.find(id).orElseThrow(() -> new IllegalArgumentException("No notice #" + id));
    }
}
