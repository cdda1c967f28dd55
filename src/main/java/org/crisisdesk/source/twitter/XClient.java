package org.crisisdesk.source.twitter;

import java.time.Clock;
import java.util.List;
import org.crisisdesk.notice.Publisher.Posted;

/**
 * The calls CrisisDesk makes to X, in either API generation, over twitter4j (OAuth 1.0a user context). Every method
 * blocks on HTTP: never call it on the FX thread. Not thread-safe (twitter4j's raw-JSON store is per thread and per
 * call): one client per thread.
 */
public interface XClient {
    /** Which endpoint family a call used; the pacer keeps one rate-limit window per endpoint. */
    enum Endpoint {
        MENTIONS,
        SEARCH,
        ME,
        POST,
        OWN_POSTS
    }

    ApiVersion api();

    /** Posts per page of the mentions timeline (v2: 100, v1.1: 200). */
    int pageSize();

    /** {@code GET /2/users/me} or {@code account/verify_credentials}. */
    XAccount verify() throws XApiException;

    /**
     * One page of the account's mentions, newest first.
     *
     * @param sinceId exclusive lower bound, or null for the newest
     * @param cursor  {@link MentionPage#next()} of the previous page, or null for the first page
     */
    MentionPage mentions(XAccount account, String sinceId, String cursor) throws XApiException;

    /** One page of a keyword search (v2 recent search, v1.1 search/tweets), newest first. */
    MentionPage search(String query, String sinceId, String cursor) throws XApiException;

    /** {@code POST /2/tweets} or {@code statuses/update}, optionally as a reply. */
    Posted post(String text, String inReplyToId) throws XApiException;

    /** The account's own latest posts, newest first (to reconcile a notice left half-posted). */
    List<Posted> recentPosts(XAccount account, int max) throws XApiException;

    /** The rate-limit window last seen for an endpoint, or null. */
    RateLimit rate(Endpoint endpoint);

    /** A client for the settings' API generation and server. */
    static XClient create(XSettings settings, Clock clock) {
        return settings.api() == ApiVersion.V1_1 ? new V1Client(settings, clock) : new V2Client(settings, clock);
    }
}
