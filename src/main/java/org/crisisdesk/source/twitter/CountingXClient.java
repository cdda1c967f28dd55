package org.crisisdesk.source.twitter;

import java.time.Instant;
import java.util.List;
import org.crisisdesk.notice.Publisher.Posted;
import org.crisisdesk.usage.UsageKind;
import org.crisisdesk.usage.UsageRecorder;

/**
 * An {@link XClient} that reports what X charges for to the usage meter: each post a read returned (X's "Posts: Read"
 * is per post returned) and each post created, with or without a link. A failed call counts nothing (X charges only
 * for what it returned or created). Same threading as the client it wraps.
 */
final class CountingXClient implements XClient {
    private final XClient inner;
    private final UsageRecorder usage;

    CountingXClient(XClient inner, UsageRecorder usage) {
        this.inner = inner;
        this.usage = usage;
    }

    private MentionPage read(MentionPage page) {
        usage.record(UsageKind.READ, page.mentions().size());
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
        return inner.verify();
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
        usage.record(UsageKind.READ, posts.size());
        return posts;
    }

    @Override
    public RateLimit rate(Endpoint endpoint) {
        return inner.rate(endpoint);
    }
}
