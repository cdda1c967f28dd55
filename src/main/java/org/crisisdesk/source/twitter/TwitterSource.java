package org.crisisdesk.source.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.source.MentionSource;
import org.crisisdesk.source.SourceContext;
import org.crisisdesk.source.SourceStatus;
import org.crisisdesk.source.SourceStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's mentions from X, loss-free and within the rate limits.
 *
 * <p>Each poll asks for everything newer than the checkpoint and pages back (v2 pagination token, v1.1 max_id) until
 * the API has no older page, so a burst larger than one page is closed within the API's 800-post window. The pages
 * are held in memory (at most that window) and delivered oldest first; each batch moves the checkpoint to its own
 * newest id, which is safe because everything older is in that batch or an earlier one. A crash mid-poll therefore
 * resumes at the last stored batch; anything delivered twice is dropped by the store. Pages delivered early (before a
 * long wait or on stop, so the desk shows them) leave the checkpoint where it was.
 *
 * <p>Pacing comes from {@code x-rate-limit-*}; a 429 waits for the reset; 5xx, timeouts and malformed JSON back off
 * exponentially with jitter; 401/403 stop polling with {@link State#CREDENTIALS_REJECTED}. All waits go through
 * {@link SourceContext#sleep} (never interrupts: H2 closes its file on one). Runs on the collector's thread only.
 */
public final class TwitterSource implements MentionSource {
    private static final Logger log = LoggerFactory.getLogger(TwitterSource.class);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(10);
    /** The mentions timeline reaches only the newest 800 posts (v2 and v1.1). */
    static final int WINDOW = 800;
    /**
     * How long a gap stays in the status after it was found, cleared by the first clean poll after that: long enough
     * to be read (right after a burst the next poll comes at once), short enough not to warn about a gap long closed.
     */
    static final Duration GAP_KEPT = Duration.ofMinutes(10);
    static final int DELIVER_BATCH = 200;
    static final int MAX_SEARCH_PAGES = 10;
    private static final Duration REJECTED_IDLE = Duration.ofMinutes(1);

    /** What one completed poll did, for progress lines. */
    public record PollReport(int poll, int fetched, int fresh, int pages, int searchFresh, Integer rateRemaining,
            Integer rateLimit, boolean gap, Duration nextPollIn, Instant at) {}

    private final XSettings settings;
    private final XClient client;
    private final Duration pollInterval;
    private final Backoff backoff;
    private final Pacer pacer = new Pacer();
    private final List<Consumer<PollReport>> pollListeners = new CopyOnWriteArrayList<>();
    private volatile XAccount account;
    private Position position;
    private Poll current;
    private int polls;
    /** Mentions before this may be missing (a poll found more than the window), or null; see {@link #GAP_KEPT}. */
    private Instant gapBefore;
    private Instant gapFoundAt;
    private Instant lastPoll;
    private Instant nextSearchAt = Instant.MIN;
    private boolean searchDisabled;

    /** A poll in progress; survives a failed request so the next attempt carries on from the same page. */
    private static final class Poll {
        final String since;
        String cursor;
        int pages;
        int fresh;
        boolean capped;
        final Map<String, Mention> held = new LinkedHashMap<>();

        Poll(String since) {
            this.since = since;
        }
    }

    public TwitterSource(XSettings settings, XClient client, Duration pollInterval, RandomGenerator random) {
        this.settings = settings;
        this.client = client;
        this.pollInterval = pollInterval;
        this.backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), random);
    }

    /** The usual wiring: a twitter4j client for the settings. */
    public static TwitterSource create(XSettings settings, Clock clock, Duration pollInterval) {
        return new TwitterSource(settings, XClient.create(settings, clock), pollInterval,
                RandomGenerator.getDefault());
    }

    public void onPoll(Consumer<PollReport> listener) {
        pollListeners.add(listener);
    }

    @Override
    public String key() {
        return settings.sourceKey();
    }

    @Override
    public String displayName() {
        XAccount a = account;
        return "X " + client.api().label() + (a == null ? "" : " " + a.at());
    }

    /** The verified account, or null before the first successful call. */
    public XAccount account() {
        return account;
    }

    public ApiVersion api() {
        return client.api();
    }

    @Override
    public void run(SourceContext ctx) throws InterruptedException {
        position = Position.decode(ctx.checkpoint().orElse(null));
        report(ctx, State.STARTING, "connecting to X", null);
        while (!ctx.stopping()) {
            try {
                if (account == null) {
                    account = client.verify();
                    pacer.observe(XClient.Endpoint.ME, client.rate(XClient.Endpoint.ME));
                    log.info("X {} connected as {}", client.api(), account.at());
                }
                PollReport r = pollOnce(ctx);
                if (r == null) {
                    return;
                }
                backoff.reset();
                for (Consumer<PollReport> l : pollListeners) {
                    l.accept(r);
                }
                if (!ctx.sleep(r.nextPollIn())) {
                    return;
                }
            } catch (XApiException e) {
                if (!handle(ctx, e)) {
                    return;
                }
            }
        }
    }

    /** Decides what a failed call means; false when the source should end. */
    private boolean handle(SourceContext ctx, XApiException e) throws InterruptedException {
        Instant now = ctx.clock().instant();
        if (account != null) {
            pacer.observe(XClient.Endpoint.MENTIONS, e.rate());
        }
        flushHeld(ctx);
        switch (e.kind()) {
            case CREDENTIALS:
                log.warn("X refused the credentials: {}", e.getMessage());
                report(ctx, State.CREDENTIALS_REJECTED, e.getMessage(), null);
                // Keep the state on screen; the desk stays usable and a reconnect starts a new source.
                while (ctx.sleep(REJECTED_IDLE)) {
                    // idle until the collector stops
                }
                return false;
            case RATE_LIMITED: {
                Instant until = e.retryAt() != null && e.retryAt().isAfter(now)
                        ? e.retryAt().plus(Pacer.MARGIN) : now.plus(backoff.next());
                log.warn("X answered 429; waiting until {}", until);
                report(ctx, State.BACKING_OFF, "rate limited (429): waiting for the window to reset", until);
                return ctx.sleep(Duration.between(now, until));
            }
            default: {
                if (e.kind() == XApiException.Kind.REJECTED && current != null && current.cursor != null) {
                    // A refused page token: start the poll again from the newest page (the store drops repeats).
                    current.cursor = null;
                    current.pages = 0;
                }
                Duration wait = backoff.next();
                Instant until = now.plus(wait);
                log.warn("X call failed ({}), attempt {}; retrying at {}", e.getMessage(), backoff.attempts(), until);
                report(ctx, State.BACKING_OFF, e.getMessage() + " · attempt " + backoff.attempts(), until);
                return ctx.sleep(wait);
            }
        }
    }

    /** One poll: mentions (all pages), then the keyword search if due. Null when asked to stop midway. */
    private PollReport pollOnce(SourceContext ctx) throws XApiException, InterruptedException {
        if (current == null) {
            current = new Poll(position.mentionsSince());
        }
        Poll p = current;
        int maxPages = WINDOW / client.pageSize() + 2;
        while (true) {
            if (ctx.stopping()) {
                flushHeld(ctx);
                return null;
            }
            Duration hold = pacer.beforeRequest(XClient.Endpoint.MENTIONS, ctx.clock().instant());
            if (!hold.isZero() && !hold.isNegative()) {
                flushHeld(ctx);
                report(ctx, State.BACKING_OFF, "rate limit used up: waiting for the window to reset",
                        ctx.clock().instant().plus(hold));
                if (!ctx.sleep(hold)) {
                    return null;
                }
                continue;
            }
            MentionPage page = client.mentions(account, p.since, p.cursor);
            pacer.observe(XClient.Endpoint.MENTIONS, page.rate());
            p.pages++;
            for (Mention m : page.mentions()) {
                p.held.putIfAbsent(m.platformId(), m);
            }
            if (page.next() == null) {
                break;
            }
            if (p.pages >= maxPages) {
                p.capped = true;
                break;
            }
            p.cursor = page.next();
            report(ctx, State.CATCHING_UP, "paging back: " + p.held.size() + " so far, page " + p.pages, null);
        }
        List<Mention> all = ascending(p.held.values());
        boolean gap = p.since != null && (p.capped || all.size() >= WINDOW);
        int fresh = p.fresh + deliverAscending(ctx, all);
        current = null;
        Instant found = ctx.clock().instant();
        if (gap) {
            gapBefore = all.get(0).createdAt();
            gapFoundAt = found;
            log.warn("X mentions: {} new since the last poll; gap: mentions older than {} may be missing (beyond the "
                    + "API's {}-post window)", all.size(), gapBefore, WINDOW);
        } else if (gapBefore != null && !found.isBefore(gapFoundAt.plus(GAP_KEPT))) {
            gapBefore = null; // clean polls for a while: the desk has seen the note, and the log keeps it
        }
        int searchFresh = searchIfDue(ctx);
        polls++;
        Instant now = ctx.clock().instant();
        lastPoll = now;
        int reserve = WINDOW / client.pageSize() + 1;
        // After a burst (more than one page) look again at once, as far as the rate limit allows: the API only
        // reaches the newest 800, so the sooner the next poll, the less can slip out of reach.
        Duration base = p.pages > 1 ? Duration.ZERO : pollInterval;
        Duration next = pacer.untilNextPoll(XClient.Endpoint.MENTIONS, now, base, reserve);
        RateLimit w = pacer.window(XClient.Endpoint.MENTIONS);
        StringBuilder detail = new StringBuilder().append('+').append(fresh).append(" new · ").append(p.pages)
                .append(p.pages == 1 ? " page" : " pages");
        if (searchFresh > 0) {
            detail.append(" · +").append(searchFresh).append(" from search");
        }
        if (next.compareTo(pollInterval.multipliedBy(2)) > 0) {
            detail.append(" · paced: next poll in ").append(next.toSeconds()).append(" s");
        }
        ctx.report(new SourceStatus(State.LIVE, detail.toString(), null, w == null ? null : w.remaining(), now,
                gapBefore));
        return new PollReport(polls, all.size(), fresh, p.pages, searchFresh, w == null ? null : w.remaining(),
                w == null ? null : w.limit(), gap, next, now);
    }

    /** Delivers a complete, ascending set; each batch moves the checkpoint to its own newest id. */
    private int deliverAscending(SourceContext ctx, List<Mention> all) {
        int fresh = 0;
        for (int i = 0; i < all.size(); i += DELIVER_BATCH) {
            List<Mention> chunk = all.subList(i, Math.min(all.size(), i + DELIVER_BATCH));
            Position next = position.withMentions(chunk.get(chunk.size() - 1).platformId());
            fresh += ctx.deliver(chunk, next.encode());
            position = next;
        }
        return fresh;
    }

    /** Stores what a poll in progress holds so far, leaving the checkpoint where it is (the set is not complete). */
    private void flushHeld(SourceContext ctx) {
        Poll p = current;
        if (p == null || p.held.isEmpty()) {
            return;
        }
        List<Mention> all = ascending(p.held.values());
        for (int i = 0; i < all.size(); i += DELIVER_BATCH) {
            p.fresh += ctx.deliver(all.subList(i, Math.min(all.size(), i + DELIVER_BATCH)), position.encode());
        }
    }

    /** The keyword search, at most as often as its own rate limit allows; its failures never stop the mentions. */
    private int searchIfDue(SourceContext ctx) throws InterruptedException {
        if (settings.keywords().isEmpty() || searchDisabled || ctx.clock().instant().isBefore(nextSearchAt)) {
            return 0;
        }
        String query = query(settings.keywords());
        String since = position.searchSince();
        Map<String, Mention> found = new LinkedHashMap<>();
        String cursor = null;
        int pages = 0;
        Instant retryAt = null;
        try {
            while (pages < MAX_SEARCH_PAGES && !ctx.stopping()) {
                if (!pacer.beforeRequest(XClient.Endpoint.SEARCH, ctx.clock().instant()).isZero()) {
                    break;
                }
                MentionPage page = client.search(query, since, cursor);
                pacer.observe(XClient.Endpoint.SEARCH, page.rate());
                pages++;
                for (Mention m : page.mentions()) {
                    found.putIfAbsent(m.platformId(), m);
                }
                if (page.next() == null) {
                    break;
                }
                cursor = page.next();
            }
        } catch (XApiException e) {
            pacer.observe(XClient.Endpoint.SEARCH, e.rate());
            if (e.kind() == XApiException.Kind.CREDENTIALS || e.kind() == XApiException.Kind.REJECTED) {
                log.warn("Keyword search refused ({}); searching stops, mentions go on", e.getMessage());
                searchDisabled = true;
            } else {
                log.warn("Keyword search failed ({}); trying again later", e.getMessage());
                retryAt = e.retryAt() != null ? e.retryAt().plus(Pacer.MARGIN)
                        : ctx.clock().instant().plus(Duration.ofMinutes(1));
            }
        }
        Instant now = ctx.clock().instant();
        nextSearchAt = retryAt != null ? retryAt
                : now.plus(pacer.untilNextPoll(XClient.Endpoint.SEARCH, now, pollInterval, 1));
        if (found.isEmpty()) {
            return 0;
        }
        List<Mention> all = ascending(found.values());
        int fresh = 0;
        for (int i = 0; i < all.size(); i += DELIVER_BATCH) {
            List<Mention> chunk = all.subList(i, Math.min(all.size(), i + DELIVER_BATCH));
            boolean last = i + DELIVER_BATCH >= all.size();
            Position next = last ? position.withSearch(all.get(all.size() - 1).platformId()) : position;
            fresh += ctx.deliver(chunk, next.encode());
            position = next;
        }
        return fresh;
    }

    static String query(List<String> keywords) {
        if (keywords.size() == 1) {
            return keywords.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (String k : keywords) {
            sb.append(sb.length() == 0 ? "" : " OR ").append('(').append(k).append(')');
        }
        return sb.toString();
    }

    private static List<Mention> ascending(java.util.Collection<Mention> mentions) {
        List<Mention> all = new ArrayList<>(mentions);
        all.sort(Comparator.comparing(Mention::platformId, Position.ID_ORDER));
        return all;
    }

    private void report(SourceContext ctx, State state, String detail, Instant until) {
        RateLimit w = pacer.window(XClient.Endpoint.MENTIONS);
        ctx.report(new SourceStatus(state, detail, until, w == null ? null : w.remaining(), lastPoll, gapBefore));
    }
}
