package org.crisisdesk.source.twitter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisisdesk.notice.Publisher.Posted;
import org.crisisdesk.usage.UsageKind;
import org.crisisdesk.usage.UsageRecorder;

/**
 * An {@link XClient} that reports what X charges for to the usage meter, by X's pay-per-use rules (docs.x.com,
 * "Pricing" and "Usage and Billing"): reads are charged per resource returned, so each post in a response (the posts
 * asked for and the originals a retweet includes) counts as a post read, and each user object (the authors the
 * mentions and search calls ask for with {@code expansions=author_id}, the account on {@code /2/users/me}) as a user
 * read; a resource returned again on the same UTC day is charged once, so it is counted once (within this client's
 * life: another desk or process on the same database counts its own). Writes are charged per request: each post
 * created, with or without a link. A failed call counts nothing (X charges only for what it returned or created).
 * Same threading as the client it wraps.
 */
final class CountingXClient implements XClient {
    /** Ids remembered per kind and day; past it a day's reads are counted without deduplication. */
    static final int DEDUPE_LIMIT = 200_000;
    private final XClient inner;
    private final UsageRecorder usage;
    private final Clock clock;
    private final Map<UsageKind, Set<String>> seenToday = new EnumMap<>(UsageKind.class);
    private LocalDate today;

    CountingXClient(XClient inner, UsageRecorder usage, Clock clock) {
        this.inner = inner;
        this.usage = usage;
        this.clock = clock;
    }

    /** How many of {@code ids} were not yet returned today (UTC), remembering them. */
    private synchronized long fresh(UsageKind kind, Collection<String> ids) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!day.equals(today)) {
            today = day;
            seenToday.clear();
        }
        Set<String> seen = seenToday.computeIfAbsent(kind, k -> new HashSet<>());
        long n = 0;
        for (String id : ids) {
            boolean unknown = id == null || id.isEmpty();
            if (unknown || seen.size() >= DEDUPE_LIMIT || seen.add(id)) {
                n++;
            }
        }
        return n;
    }

    private MentionPage read(MentionPage page) {
        List<String> posts = new java.util.ArrayList<>(page.mentions().size() + page.postsIncluded().size());
        page.mentions().forEach(m -> posts.add(m.platformId()));
        posts.addAll(page.postsIncluded());
        usage.record(UsageKind.READ, fresh(UsageKind.READ, posts));
        usage.record(UsageKind.USER_READ, fresh(UsageKind.USER_READ, page.usersReturned()));
        return page;
    }

    @Override
    public ApiVersion api() {
        return inner.api();
    }

    @Override
    public int pageSize() {
        return inner.pageSize();
    }

    @Override
    public XAccount verify() throws XApiException {
        XAccount me = inner.verify();
        if (inner.api() == ApiVersion.V2) {
            usage.record(UsageKind.USER_READ, fresh(UsageKind.USER_READ, List.of(me.id())));
        }
        return me;
    }

    @Override
    public MentionPage mentions(XAccount account, String sinceId, String cursor) throws XApiException {
        return read(inner.mentions(account, sinceId, cursor));
    }

    @Override
    public MentionPage search(String query, String sinceId, String cursor) throws XApiException {
        return read(inner.search(query, sinceId, cursor));
    }

    @Override
    public MentionPage searchBetween(String query, String sinceId, String untilId, Instant startTime, String cursor)
            throws XApiException {
        return read(inner.searchBetween(query, sinceId, untilId, startTime, cursor));
    }

    @Override
    public void probePost() throws XApiException {
        inner.probePost();
    }

    @Override
    public org.crisisdesk.usage.ProjectUsage usage(int days) throws XApiException {
        return inner.usage(days);
    }

    @Override
    public Posted post(String text, String inReplyToId) throws XApiException {
        Posted p = inner.post(text, inReplyToId);
        usage.record(UsageKind.created(text), 1);
        return p;
    }

    @Override
    public List<Posted> recentPosts(XAccount account, int max) throws XApiException {
        List<Posted> posts = inner.recentPosts(account, max);
        usage.record(UsageKind.READ, fresh(UsageKind.READ, posts.stream().map(Posted::id).toList()));
        return posts;
    }

    @Override
    public RateLimit rate(Endpoint endpoint) {
        return inner.rate(endpoint);
    }
}
