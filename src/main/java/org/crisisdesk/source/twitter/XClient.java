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
        MENTIONS("GET /2/users/:id/mentions", "GET statuses/mentions_timeline"),
        SEARCH("GET /2/tweets/search/recent", "GET search/tweets"),
        ME("GET /2/users/me", "GET account/verify_credentials"),
        POST("POST /2/tweets", "POST statuses/update"),
        OWN_POSTS("GET /2/users/:id/tweets", "GET statuses/user_timeline"),
        /** The project's post usage against its monthly cap; v2 only (v1.1 has none). */
        USAGE("GET /2/usage/tweets", "GET /2/usage/tweets");

        private final String v2;
        private final String v1;

        Endpoint(String v2, String v1) {
            this.v2 = v2;
            this.v1 = v1;
        }

        /** The endpoint as X's documentation names it, for messages. */
        public String label(ApiVersion api) {
            return api == ApiVersion.V1_1 ? v1 : v2;
        }
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

    /**
     * One page of a v2 recent search bounded on both sides, newest first: the back-fill of a hole the mentions
     * endpoint could not reach. v1.1 has none (its search/tweets was retired in 2023).
     *
     * @param sinceId   exclusive lower bound, or null when {@code startTime} bounds it instead
     * @param untilId   exclusive upper bound
     * @param startTime inclusive lower bound in time, or null
     */
    default MentionPage searchBetween(String query, String sinceId, String untilId, java.time.Instant startTime,
            String cursor) throws XApiException {
        throw new XApiException(XApiException.Kind.ACCESS_LEVEL, -1, "API " + api().label()
                + " has no recent search to back-fill from (v1.1 search/tweets was retired in 2023); use v2", null,
                null, Endpoint.SEARCH.label(api()));
    }

    /**
     * Tries to create an empty post, which X always refuses: {@code POST /2/tweets} with no text. Throws the refusal
     * (400 when the keys and the access level let it through to the request check). Never posts. v2 only.
     */
    default void probePost() throws XApiException {
        throw new XApiException(XApiException.Kind.REJECTED, -1, "not checked on " + api().label(), null, null,
                Endpoint.POST.label(api()));
    }

    /**
     * {@code GET /2/usage/tweets}: the project's posts read this billing cycle, its monthly cap, the cap's reset day
     * and the last {@code days} days (1-90) day by day. Access levels that lack it, and user-context authorization
     * where X asks for an app's bearer token, answer 403: the usage meter then estimates from its own counts.
     */
    default org.crisisdesk.usage.ProjectUsage usage(int days) throws XApiException {
        throw new XApiException(XApiException.Kind.ACCESS_LEVEL, -1, "API " + api().label()
                + " has no usage endpoint; use v2", null, null, Endpoint.USAGE.label(api()));
    }

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

    /**
     * As {@link #create(XSettings, Clock)}, reporting to {@code usage} every post X returned (mentions, search, own
     * posts) and every post created, for the usage meter.
     */
    static XClient create(XSettings settings, Clock clock, org.crisisdesk.usage.UsageRecorder usage) {
        XClient c = create(settings, clock);
        return usage == null || usage == org.crisisdesk.usage.UsageRecorder.NONE ? c
                : new CountingXClient(c, usage, clock);
    }
}
