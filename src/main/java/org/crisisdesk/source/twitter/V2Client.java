package org.crisisdesk.source.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.TextChecks;
import org.crisisdesk.notice.Publisher.Posted;
import twitter4j.CreateTweetResponse;
import twitter4j.PaginationToken;
import twitter4j.Tweet;
import twitter4j.TweetsResponse;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;
import twitter4j.TwitterV2;
import twitter4j.TwitterV2ExKt;
import twitter4j.V2ConfigurationKt;
import twitter4j.User2;
import twitter4j.UsersResponse;

/**
 * X API v2 through twitter4j-v2. Text arrives HTML-escaped and is unescaped here, once; long posts' full text is in
 * {@code note_tweet.text}, which twitter4j-v2 does not map, so it is read from the raw JSON of the same response.
 */
final class V2Client implements XClient {
    static final int PAGE = 100;
    static final String TWEET_FIELDS = "created_at,lang,author_id,conversation_id,note_tweet,entities,referenced_tweets";
    static final String USER_FIELDS = "name,username";
    /** The authors, and for a retweet the original post and its author: a retweet's own text is cut at 140. */
    static final String EXPANSIONS = "author_id,referenced_tweets.id,referenced_tweets.id.author_id";

    private final TwitterV2 v2;
    private final Clock clock;
    private final EndpointRates rates = new EndpointRates(ApiVersion.V2);
    private XAccount me;

    private final Twitter twitter;
    private final OAuth2Session oauth2;
    private String bearer;

    V2Client(XSettings settings, Clock clock) {
        this.twitter = Twitter4j.twitter(settings);
        this.v2 = TwitterV2ExKt.getV2(twitter);
        this.clock = clock;
        this.oauth2 = settings.oauth2();
        this.bearer = oauth2 == null ? null : oauth2.tokens().accessToken();
    }

    private interface Call<T> {
        T run() throws XApiException;
    }

    /**
     * With an OAuth 2.0 sign-in: the session's current token first (refreshed shortly before it expires), and once
     * more after a 401 with a refreshed one. With OAuth 1.0a keys: the call as it is.
     */
    private <T> T call(Call<T> c) throws XApiException {
        if (oauth2 == null) {
            return c.run();
        }
        useBearer(false);
        try {
            return c.run();
        } catch (XApiException e) {
            if (e.httpStatus() != 401) {
                throw e;
            }
            useBearer(true);
            return c.run();
        }
    }

    private void useBearer(boolean after401) throws XApiException {
        try {
            String t = after401 ? oauth2.afterUnauthorized(bearer) : oauth2.accessToken();
            if (!t.equals(bearer)) {
                bearer = t;
                twitter.setOAuth2Token(new twitter4j.auth.OAuth2Token("bearer", t));
            }
        } catch (OAuth2SignIn.OAuth2Exception e) {
            throw new XApiException(XApiException.Kind.CREDENTIALS, 401, e.getMessage(), null, null);
        } catch (java.io.IOException e) {
            throw new XApiException(XApiException.Kind.TRANSIENT, -1, "could not save the refreshed sign-in: "
                    + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XApiException(XApiException.Kind.TRANSIENT, -1, "interrupted while refreshing the sign-in",
                    null, e);
        }
    }

    @Override
    public XAccount verify() throws XApiException {
        return call(this::verify0);
    }

    @Override
    public MentionPage mentions(XAccount account, String sinceId, String cursor) throws XApiException {
        return call(() -> mentions0(account, sinceId, cursor));
    }

    @Override
    public MentionPage search(String query, String sinceId, String cursor) throws XApiException {
        return call(() -> search0(query, sinceId, cursor));
    }

    @Override
    public MentionPage searchBetween(String query, String sinceId, String untilId, Instant startTime, String cursor)
            throws XApiException {
        return call(() -> searchBetween0(query, sinceId, untilId, startTime, cursor));
    }

    @Override
    public void probePost() throws XApiException {
        call(() -> {
            probePost0();
            return null;
        });
    }

    @Override
    public Posted post(String text, String inReplyToId) throws XApiException {
        return call(() -> post0(text, inReplyToId));
    }

    @Override
    public org.crisisdesk.usage.ProjectUsage usage(int days) throws XApiException {
        return call(() -> usage0(days));
    }

    private org.crisisdesk.usage.ProjectUsage usage0(int days) throws XApiException {
        return usage(twitter, rates, days);
    }

    /**
     * {@code GET /2/usage/tweets} with the app's own bearer token (application-only), as X asks for it: the same
     * twitter4j stack as every other call, authorized with {@code Authorization: Bearer <app token>}.
     */
    static org.crisisdesk.usage.ProjectUsage usageAppOnly(XSettings settings, String appToken, int days)
            throws XApiException {
        return usage(Twitter4j.appOnly(settings, appToken), new EndpointRates(ApiVersion.V2), days);
    }

    private static org.crisisdesk.usage.ProjectUsage usage(Twitter twitter, EndpointRates rates, int days)
            throws XApiException {
        try {
            String base = V2ConfigurationKt.getV2Configuration(twitter.getConfiguration()).getBaseURL();
            twitter4j.CrisisDeskRawGet.Answer a = twitter4j.CrisisDeskRawGet.get(twitter, base + "usage/tweets",
                    "days", Integer.toString(Math.max(1, Math.min(90, days))), "usage.fields", XUsage.FIELDS);
            rates.seen(Endpoint.USAGE, a.rate());
            return XUsage.parse(Twitter4j.readRaw(a.body()));
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.USAGE, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    @Override
    public List<Posted> recentPosts(XAccount account, int max) throws XApiException {
        return call(() -> recentPosts0(account, max));
    }

    @Override
    public ApiVersion api() {
        return ApiVersion.V2;
    }

    @Override
    public int pageSize() {
        return PAGE;
    }

    private XAccount verify0() throws XApiException {
        try {
            // twitter4j-v2 will not send a null expansions; ask for one that costs nothing.
            UsersResponse r = v2.getMe("pinned_tweet_id", null, USER_FIELDS);
            rates.seen(Endpoint.ME, r.getRateLimitStatus());
            if (r.getUsers().isEmpty()) {
                throw new XApiException(XApiException.Kind.REJECTED, 200, "users/me returned no user", null, null);
            }
            User2 u = r.getUsers().get(0);
            me = new XAccount(Long.toString(u.getId()), u.getScreenName(), u.getName());
            return me;
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.ME, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    private MentionPage mentions0(XAccount account, String sinceId, String cursor) throws XApiException {
        try {
            TweetsResponse r = v2.getUserMentions(Long.parseLong(account.id()), null, EXPANSIONS, PAGE, null,
                    token(cursor), null, null, id(sinceId), null, TWEET_FIELDS, null, USER_FIELDS);
            return page(Endpoint.MENTIONS, r, TwitterObjectFactory.getRawJSON(r));
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.MENTIONS, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    private MentionPage search0(String query, String sinceId, String cursor) throws XApiException {
        try {
            TweetsResponse r = v2.searchRecent(query, null, EXPANSIONS, PAGE, null, token(cursor), null, null,
                    id(sinceId), null, TWEET_FIELDS, null, USER_FIELDS);
            return page(Endpoint.SEARCH, r, TwitterObjectFactory.getRawJSON(r));
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.SEARCH, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    private MentionPage searchBetween0(String query, String sinceId, String untilId, Instant startTime, String cursor)
            throws XApiException {
        try {
            TweetsResponse r = v2.searchRecent(query, null, EXPANSIONS, PAGE, null, token(cursor), null, null,
                    id(sinceId), startTime == null ? null : java.util.Date.from(startTime), TWEET_FIELDS, id(untilId),
                    USER_FIELDS);
            return page(Endpoint.SEARCH, r, TwitterObjectFactory.getRawJSON(r));
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.SEARCH, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    private void probePost0() throws XApiException {
        try {
            // no text, no media, no poll: a request X can only refuse (400) once the keys and access level pass
            v2.createTweet(null, null, null, null, null, null, null, null, null, null, null, null);
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.POST, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    private Posted post0(String text, String inReplyToId) throws XApiException {
        try {
            CreateTweetResponse r = v2.createTweet(null, null, null, null, null, null, null, null, null,
                    id(inReplyToId), null, text);
            rates.seen(Endpoint.POST, r.getRateLimitStatus());
            String id = Long.toString(r.getId());
            return new Posted(id, text, clock.instant(), url(id));
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.POST, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    private List<Posted> recentPosts0(XAccount account, int max) throws XApiException {
        try {
            int n = Math.max(5, Math.min(100, max));
            TweetsResponse r = v2.getUserTweets(Long.parseLong(account.id()), null, null, null, n, null, null, null,
                    null, null, null, "created_at,note_tweet,entities", null, null);
            rates.seen(Endpoint.OWN_POSTS, r.getRateLimitStatus());
            // X wraps every link in t.co; put the links back so a notice can be recognised by its own text.
            Map<Long, String> texts = fullTexts(Twitter4j.readRaw(TwitterObjectFactory.getRawJSON(r)));
            List<Posted> out = new ArrayList<>();
            for (Tweet t : r.getTweets()) {
                if (out.size() >= max) {
                    break;
                }
                String text = texts.containsKey(t.getId()) ? texts.get(t.getId())
                        : TextChecks.unescapeXEntities(t.getText());
                Instant at = t.getCreatedAt() != null ? t.getCreatedAt().toInstant() : Twitter4j.snowflakeTime(t.getId());
                out.add(new Posted(Long.toString(t.getId()), text, at, url(Long.toString(t.getId()))));
            }
            return out;
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.OWN_POSTS, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    @Override
    public RateLimit rate(Endpoint endpoint) {
        return rates.get(endpoint);
    }

    private String url(String id) {
        return me != null ? "https://x.com/" + me.handle() + "/status/" + id : "https://x.com/i/status/" + id;
    }


    private MentionPage page(Endpoint endpoint, TweetsResponse r, String raw) {
        RateLimit rate = rates.seen(endpoint, r.getRateLimitStatus());
        JsonNode root = Twitter4j.readRaw(raw);
        Map<Long, String> texts = fullTexts(root);
        Map<Long, User2> users = r.getUsersMap();
        List<Mention> out = new ArrayList<>(r.getTweets().size());
        for (Tweet t : r.getTweets()) {
            out.add(mention(t, users, texts.get(t.getId())));
        }
        PaginationToken next = r.getMeta() == null ? null : r.getMeta().getNextToken();
        List<String> userIds = new ArrayList<>();
        List<String> included = new ArrayList<>();
        if (root != null) {
            root.path("includes").path("users").forEach(u -> userIds.add(u.path("id").asText("")));
            root.path("includes").path("tweets").forEach(t -> included.add(t.path("id").asText("")));
        }
        return new MentionPage(out, next == null ? null : next.getValue(), rate, userIds, included);
    }

    /** @param fullText the post's whole text from {@link #fullTexts}, or null to use twitter4j's */
    static Mention mention(Tweet t, Map<Long, User2> users, String fullText) {
        User2 u = t.getAuthorId() == null ? null : users.get(t.getAuthorId());
        String handle = u != null && u.getScreenName() != null ? u.getScreenName()
                : "id:" + (t.getAuthorId() == null ? "unknown" : t.getAuthorId());
        String text = fullText != null ? fullText : TextChecks.unescapeXEntities(t.getText());
        Instant created = t.getCreatedAt() != null ? t.getCreatedAt().toInstant() : Twitter4j.snowflakeTime(t.getId());
        return new Mention("x", Long.toString(t.getId()), created, Twitter4j.limit(Twitter4j.clean(handle), 100),
                Twitter4j.limit(Twitter4j.clean(u == null ? null : u.getName()), 400), Twitter4j.limit(t.getLang(), 16),
                Twitter4j.clean(text == null ? "" : text),
                t.getConversationId() == null ? null : Long.toString(t.getConversationId()), null, null);
    }

    /**
     * id → the post's whole text (note_tweet if any) as its author wrote it: X's escaping of &, < and > undone exactly
     * once, then each t.co link put back as its expanded_url (entities.urls). Unescaping first keeps an "&amp;" that
     * a link itself contains. The stored text is then what the author typed, and exports and imports it unchanged.
     */
    static Map<Long, String> fullTexts(JsonNode root) {
        if (root == null) {
            return new HashMap<>();
        }
        JsonNode data = root.path("data");
        Map<Long, String> texts = texts(data.isArray() ? data : List.of(data));
        Map<Long, String> originals = texts(root.path("includes").path("tweets"));
        Map<String, String> handles = new HashMap<>();
        for (JsonNode u : root.path("includes").path("users")) {
            handles.put(u.path("id").asText(), u.path("username").asText(null));
        }
        Map<String, String> originalAuthors = new HashMap<>();
        for (JsonNode t : root.path("includes").path("tweets")) {
            originalAuthors.put(t.path("id").asText(), t.path("author_id").asText(null));
        }
        for (JsonNode t : data.isArray() ? data : List.of(data)) {
            for (JsonNode ref : t.path("referenced_tweets")) {
                String originalId = ref.path("id").asText("");
                String handle = handles.get(originalAuthors.get(originalId));
                String whole = originalId.matches("\\d{1,19}") ? originals.get(Long.parseLong(originalId)) : null;
                if ("retweeted".equals(ref.path("type").asText()) && handle != null && whole != null
                        && t.hasNonNull("id")) {
                    // as the v1.1 client and the import store a retweet: "RT @author: " and the original's whole text
                    texts.put(Long.parseLong(t.get("id").asText()), "RT @" + handle + ": " + whole);
                }
            }
        }
        return texts;
    }

    /** id → whole text of each tweet object in {@code tweets}. */
    private static Map<Long, String> texts(Iterable<JsonNode> tweets) {
        Map<Long, String> out = new HashMap<>();
        for (JsonNode t : tweets) {
            JsonNode note = t.path("note_tweet");
            boolean isNote = note.path("text").isTextual();
            String text = isNote ? note.get("text").asText() : t.path("text").asText(null);
            if (text == null || !t.hasNonNull("id")) {
                continue;
            }
            text = TextChecks.unescapeXEntities(text);
            for (JsonNode u : (isNote ? note : t).path("entities").path("urls")) {
                String shortUrl = u.path("url").asText("");
                String expanded = u.path("expanded_url").asText("");
                if (!shortUrl.isEmpty() && !expanded.isEmpty()) {
                    text = text.replace(shortUrl, expanded);
                }
            }
            try {
                out.put(Long.parseLong(t.get("id").asText()), text);
            } catch (NumberFormatException ignored) {
                // not an X id: keep twitter4j's text
            }
        }
        return out;
    }

    private static PaginationToken token(String cursor) {
        return cursor == null ? null : new PaginationToken(cursor);
    }

    private static Long id(String s) {
        return s == null ? null : Long.valueOf(s);
    }
}
