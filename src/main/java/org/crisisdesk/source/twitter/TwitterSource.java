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
 * the API has no older page, so a burst larger than one page is closed within the API's 800-post window. When the walk
 * ends before the checkpoint (more than 800 arrived), the span between them is recorded as a hole in the checkpoint,
 * in the same transaction as the first batch that moves past it, and back-filled from recent search (v2), page by
 * page, each page stored with the narrowed hole: see {@link Position}. Only what search cannot reach (older than 7
 * days, an access level without search, v1.1) is reported as a gap, with its span. The pages
 * are held in memory (at most that window) and delivered oldest first; each batch moves the checkpoint to its own
 * newest id, which is safe because everything older is in that batch or an earlier one. A crash mid-poll therefore
 * resumes at the last stored batch; anything delivered twice is dropped by the store. Pages delivered early (before a
 * long wait or on stop, so the desk shows them) leave the checkpoint where it was.
 *
 * <p>Pacing comes from {@code x-rate-limit-*}; a 429 waits for the reset; 5xx, timeouts and malformed JSON back off
 * exponentially with jitter; 401 stops polling with {@link State#CREDENTIALS_REJECTED}, an endpoint outside the access
 * level with {@link State#ACCESS_LEVEL}, a used-up monthly cap waits as {@link State#USAGE_CAPPED}, without a request,
 * until the reset day {@link CapReset} names. All waits go through
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
    /** Search pages of back-fill per poll, so a long hole never keeps the live mentions waiting for long. */
    static final int BACKFILL_PAGES_PER_POLL = 10;
    /** Recent search reaches the last 7 days; ask a minute less so a slow request never crosses the edge. */
    static final Duration SEARCH_REACH = Duration.ofDays(7).minusMinutes(1);
    /** How long to wait before asking again when X said the monthly cap is used up but not until when. */
    static final Duration CAPPED_RETRY = Duration.ofHours(1);
    private static final Duration REJECTED_IDLE = Duration.ofMinutes(1);

    /** What one completed poll did, for progress lines. */
    public record PollReport(int poll, int fetched, int fresh, int pages, int searchFresh, Integer rateRemaining,
            Integer rateLimit, boolean gap, Duration nextPollIn, Instant at, int backfilled, boolean backfilling,
            Instant gapAfter, Instant gapBefore, String gapReason) {}

    /**
     * When the project's monthly post cap resets after {@code now}, for the wait after a 429 usage-capped (X's answer
     * does not date it). Called on the collector's thread; may block on HTTP. See {@link XUsage#capReset}.
     */
    @FunctionalInterface
    public interface CapReset {
        /** Not known: ask X again after {@link #CAPPED_RETRY}. */
        CapReset UNKNOWN = now -> null;

        /** @return the reset, or null when not known */
        Reset after(Instant now);

        /** @param fromX whether X's usage endpoint named the day (else the desk's billing day setting) */
        record Reset(Instant at, boolean fromX) {}
    }

    private final XSettings settings;
    private final XClient client;
    private CapReset capReset = CapReset.UNKNOWN;
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
    private Instant gapAfter;
    private String gapReason;
    private Instant gapFoundAt;
    /** The next page of the hole's back-fill in this run (search tokens do not expire), or null to start at its end. */
    private String backfillCursor;
    private Position.Hole backfillCursorFor;
    private int backfilledTotal;
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
        return create(settings, clock, pollInterval, org.crisisdesk.usage.UsageRecorder.NONE);
    }

    /** As {@link #create(XSettings, Clock, Duration)}, counting every post read for the usage meter. */
    public static TwitterSource create(XSettings settings, Clock clock, Duration pollInterval,
            org.crisisdesk.usage.UsageRecorder usage) {
        return new TwitterSource(settings, XClient.create(settings, clock, usage), pollInterval,
                RandomGenerator.getDefault());
    }

    /**
     * As {@link #create(XSettings, Clock, Duration, org.crisisdesk.usage.UsageRecorder)}, learning when a used-up
     * monthly cap resets from X's usage endpoint (the app's bearer token, kept in memory) or else from
     * {@code billingDay}.
     */
    public static TwitterSource create(XSettings settings, Clock clock, Duration pollInterval,
            org.crisisdesk.usage.UsageRecorder usage, java.util.function.IntSupplier billingDay) {
        return create(settings, clock, pollInterval, usage)
                .withCapReset(XUsage.capReset(settings, new AppOnlyToken(), billingDay));
    }

    /** Where the source learns when a used-up monthly cap resets; without it, it asks X again every hour. */
    public TwitterSource withCapReset(CapReset reset) {
        this.capReset = reset == null ? CapReset.UNKNOWN : reset;
        return this;
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
                idleUntilStopped(ctx);
                return false;
            case ACCESS_LEVEL:
                log.warn("X: the access level does not include {}: {}", e.endpoint(), e.getMessage());
                report(ctx, State.ACCESS_LEVEL, e.getMessage(), null);
                idleUntilStopped(ctx);
                return false;
            case USAGE_CAPPED: {
                // X's 429 does not date the reset: the usage endpoint's reset day (or the billing day setting) does.
                // Until then every read would be refused, so none is made: one wait, then the poll carries on.
                CapReset.Reset reset = capReset(now);
                boolean known = reset != null && reset.at().isAfter(now);
                Instant until = known ? reset.at().plus(Pacer.MARGIN) : now.plus(CAPPED_RETRY);
                String detail = known ? "monthly cap reached; resets " + reset.at().atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate() + " (UTC" + (reset.fromX() ? ", X's reset day" : ", your billing day") + ")"
                        : "monthly cap reached; reset day unknown, asking X again at " + until;
                log.warn("X: {} ({})", detail, e.getMessage());
                report(ctx, State.USAGE_CAPPED, detail, until);
                return ctx.sleep(Duration.between(now, until));
            }
            case RATE_LIMITED: {
                Instant until = e.retryAt() != null && e.retryAt().isAfter(now)
                        ? e.retryAt().plus(Pacer.MARGIN) : now.plus(backoff.next());
                log.warn("X answered 429; waiting until {}", until);
                report(ctx, State.RATE_LIMITED, "rate limited (429): the 15-minute window is used up; waiting for "
                        + "it to reset", until);
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

    private CapReset.Reset capReset(Instant now) {
        try {
            return capReset.after(now);
        } catch (RuntimeException e) {
            log.warn("X: could not learn when the monthly cap resets: {}", e.toString());
            return null;
        }
    }

    /** Keeps a state that only the person can end on screen; the desk stays usable and a reconnect starts anew. */
    private static void idleUntilStopped(SourceContext ctx) throws InterruptedException {
        while (ctx.sleep(REJECTED_IDLE)) {
            // idle until the collector stops
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
        // The walk may have ended before the checkpoint: what lies between is a hole, recorded with the first batch
        // below. Certain when it held the whole window; possible after any walk of several pages, as the window
        // slides while new mentions arrive during the walk. On v2 a search of an empty hole costs one request and no
        // post reads, so any multi-page walk is checked; v1.1 cannot search, so only a certain gap is reported.
        boolean hole = p.since != null && !all.isEmpty() && (p.capped || all.size() >= WINDOW
                || client.api() == ApiVersion.V2 && p.pages > 1);
        if (hole) {
            position = position.withHole(p.since, all.get(0).platformId());
            log.info("X mentions: {} new since the last poll in {} pages; anything the API's {}-post window no longer "
                    + "reached comes from recent search", all.size(), p.pages, WINDOW);
        }
        int fresh = p.fresh + deliverAscending(ctx, all);
        current = null;
        Backfill bf = backfill(ctx);
        Instant found = ctx.clock().instant();
        if (bf.gapFound) {
            gapFoundAt = found;
        } else if (gapBefore != null && gapFoundAt != null && !found.isBefore(gapFoundAt.plus(GAP_KEPT))) {
            gapBefore = null; // clean polls for a while: the desk has seen the note, and the log keeps it
            gapAfter = null;
            gapReason = null;
        }
        int searchFresh = searchIfDue(ctx);
        polls++;
        Instant now = ctx.clock().instant();
        lastPoll = now;
        RateLimit w = pacer.window(XClient.Endpoint.MENTIONS);
        int reserve = Pacer.pagingReserve(w, WINDOW / client.pageSize() + 1);
        // After a burst (more than one page) look again at once, as far as the rate limit allows: the API only
        // reaches the newest 800, so the sooner the next poll, the less can slip out of reach. The same while a
        // back-fill is still under way.
        Duration base = p.pages > 1 ? Duration.ZERO : pollInterval;
        if (position.hole() != null) {
            // carry on with the back-fill as soon as the search window allows, at the latest at the usual interval
            Duration searchHold = pacer.beforeRequest(XClient.Endpoint.SEARCH, now);
            base = searchHold.compareTo(pollInterval) < 0 ? searchHold : pollInterval;
        }
        Duration next = pacer.untilNextPoll(XClient.Endpoint.MENTIONS, now, base, reserve);
        StringBuilder detail = new StringBuilder().append('+').append(fresh).append(" new · ").append(p.pages)
                .append(p.pages == 1 ? " page" : " pages");
        if (bf.fresh > 0 || position.hole() != null) {
            detail.append(" · back-filled ").append(backfilledTotal).append(" from search");
            if (position.hole() != null) {
                detail.append(" (continuing)");
            }
        }
        if (searchFresh > 0) {
            detail.append(" · +").append(searchFresh).append(" from search");
        }
        if (next.compareTo(pollInterval.multipliedBy(2)) > 0 && w != null) {
            detail.append(" · paced: next poll in ").append(next.toSeconds()).append(" s (X allows ")
                    .append(w.limit()).append(" requests per window)");
        }
        ctx.report(new SourceStatus(State.LIVE, detail.toString(), null, w == null ? null : w.remaining(), now,
                gapBefore, gapAfter));
        return new PollReport(polls, all.size(), fresh, p.pages, searchFresh, w == null ? null : w.remaining(),
                w == null ? null : w.limit(), bf.gapFound, next, now, bf.fresh, position.hole() != null,
                bf.gapFound ? gapAfter : null, bf.gapFound ? gapBefore : null, bf.gapFound ? gapReason : null);
    }

    /** What one poll's back-fill did. */
    private record Backfill(int fresh, boolean gapFound) {}

    /**
     * Fills the checkpoint's hole from recent search, newest page first, each page stored with the hole narrowed to
     * below its oldest post, so a crash resumes with exactly what is left. Paced by the search window: when it would
     * need to wait, the rest waits for the next poll. What search cannot reach is reported as a gap with its span.
     */
    private Backfill backfill(SourceContext ctx) throws InterruptedException {
        Position.Hole h = position.hole();
        if (h == null) {
            return new Backfill(0, false);
        }
        Instant now = ctx.clock().instant();
        Instant floor = now.minus(SEARCH_REACH);
        Instant sinceTime = Twitter4j.snowflakeTime(Long.parseLong(h.since()));
        Instant untilTime = Twitter4j.snowflakeTime(Long.parseLong(h.until()));
        if (client.api() == ApiVersion.V1_1) {
            return giveUp(ctx, sinceTime, untilTime, "API v1.1 has no search to back-fill from (use v2)");
        }
        if (!untilTime.isAfter(floor)) {
            return giveUp(ctx, sinceTime, untilTime, "older than the 7 days recent search reaches");
        }
        // Beyond 7 days search answers 400: ask from the edge by time and report the part before it.
        boolean tooOld = sinceTime.isBefore(floor);
        String since = tooOld ? null : h.since();
        Instant startTime = tooOld ? floor : null;
        String query = "@" + account.handle();
        if (!h.equals(backfillCursorFor)) {
            backfillCursor = null;
        }
        int fresh = 0;
        try {
            for (int pages = 0; pages < BACKFILL_PAGES_PER_POLL && !ctx.stopping(); pages++) {
                if (!pacer.beforeRequest(XClient.Endpoint.SEARCH, ctx.clock().instant()).isZero()) {
                    break; // the search window is used up: the next poll carries on
                }
                report(ctx, State.CATCHING_UP, "back-filling from search: " + (backfilledTotal + fresh)
                        + " so far", null);
                MentionPage page = client.searchBetween(query, since, position.hole().until(), startTime,
                        backfillCursor);
                pacer.observe(XClient.Endpoint.SEARCH, page.rate());
                List<Mention> got = ascending(page.mentions());
                boolean last = page.next() == null || got.isEmpty();
                Position next = last ? position.withoutHole() : position.holeBefore(got.get(0).platformId());
                int stored = ctx.deliver(got, next.encode());
                fresh += stored;
                position = next;
                backfillCursor = last ? null : page.next();
                backfillCursorFor = position.hole();
                if (last) {
                    break;
                }
            }
        } catch (XApiException e) {
            pacer.observe(XClient.Endpoint.SEARCH, e.rate());
            backfilledTotal += fresh;
            switch (e.kind()) {
                case ACCESS_LEVEL:
                case CREDENTIALS:
                case REJECTED:
                    log.warn("Back-fill from search refused: {}", e.getMessage());
                    backfillCursor = null;
                    Position.Hole left = position.hole();
                    return new Backfill(fresh, giveUp(ctx, sinceTime,
                            Twitter4j.snowflakeTime(Long.parseLong(left.until())), e.getMessage()).gapFound);
                default:
                    // 429, usage cap, 5xx, timeouts: the hole stays in the checkpoint and the next poll carries on.
                    log.warn("Back-fill from search paused: {}", e.getMessage());
                    return new Backfill(fresh, false);
            }
        }
        backfilledTotal += fresh;
        if (fresh > 0) {
            log.info("X: back-filled {} mentions from recent search{}", fresh,
                    position.hole() == null ? "" : "; more to come");
        }
        if (position.hole() == null && tooOld) {
            return new Backfill(fresh, reportGap(sinceTime, floor, "older than the 7 days recent search reaches"));
        }
        return new Backfill(fresh, false);
    }

    /** Drops the hole from the checkpoint (search cannot fill it) and reports its span as a gap. */
    private Backfill giveUp(SourceContext ctx, Instant after, Instant before, String reason) {
        position = position.withoutHole();
        ctx.deliver(List.of(), position.encode());
        return new Backfill(0, reportGap(after, before, reason));
    }

    private boolean reportGap(Instant after, Instant before, String reason) {
        gapAfter = after;
        gapBefore = before;
        gapReason = reason;
        log.warn("X mentions: a gap: mentions posted between {} and {} may be missing: {}", after, before, reason);
        return true;
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
            if (e.kind() == XApiException.Kind.CREDENTIALS || e.kind() == XApiException.Kind.REJECTED
                    || e.kind() == XApiException.Kind.ACCESS_LEVEL) {
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
        ctx.report(new SourceStatus(state, detail, until, w == null ? null : w.remaining(), lastPoll, gapBefore,
                gapAfter));
    }
}
