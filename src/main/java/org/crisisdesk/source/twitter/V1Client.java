package org.crisisdesk.source.twitter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.notice.Publisher.Posted;
import twitter4j.Paging;
import twitter4j.Query;
import twitter4j.QueryResult;
import twitter4j.ResponseList;
import twitter4j.Status;
import twitter4j.StatusUpdate;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.URLEntity;
import twitter4j.User;

/**
 * X API v1.1 through twitter4j. twitter4j asks for {@code tweet_mode=extended} and returns {@code full_text} from
 * {@link Status#getText()}, already unescaped: unescaping again would corrupt a literal "&amp;amp;".
 */
final class V1Client implements XClient {
    static final int PAGE = 200;
    static final int SEARCH_PAGE = 100;

    private final Twitter twitter;
    private final Clock clock;
    private final EndpointRates rates = new EndpointRates(ApiVersion.V1_1);

    V1Client(XSettings settings, Clock clock) {
        this.twitter = Twitter4j.twitter(settings);
        this.clock = clock;
    }

    @Override
    public ApiVersion api() {
        return ApiVersion.V1_1;
    }

    @Override
    public int pageSize() {
        return PAGE;
    }

    @Override
    public XAccount verify() throws XApiException {
        try {
            User u = twitter.verifyCredentials();
            rates.seen(Endpoint.ME, u.getRateLimitStatus());
            return new XAccount(Long.toString(u.getId()), u.getScreenName(), u.getName());
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.ME, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    @Override
    public MentionPage mentions(XAccount account, String sinceId, String cursor) throws XApiException {
        try {
            Paging paging = new Paging().count(PAGE);
            if (sinceId != null) {
                paging.setSinceId(Long.parseLong(sinceId));
            }
            if (cursor != null) {
                paging.setMaxId(Long.parseLong(cursor));
            }
            ResponseList<Status> list = twitter.getMentionsTimeline(paging);
            RateLimit rate = rates.seen(Endpoint.MENTIONS, list.getRateLimitStatus());
            return page(list, rate);
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.MENTIONS, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    @Override
    public MentionPage search(String query, String sinceId, String cursor) throws XApiException {
        try {
            Query q = new Query(query).count(SEARCH_PAGE).resultType(Query.ResultType.recent);
            if (sinceId != null) {
                q.setSinceId(Long.parseLong(sinceId));
            }
            if (cursor != null) {
                q.setMaxId(Long.parseLong(cursor));
            }
            QueryResult r = twitter.search(q);
            RateLimit rate = rates.seen(Endpoint.SEARCH, r.getRateLimitStatus());
            return page(r.getTweets(), rate);
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.SEARCH, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    /**
     * v1.1 has no "more" flag: an older page may exist as long as a page came back non-empty, and it starts at
     * max_id = oldest - 1 (max_id is inclusive).
     */
    private static MentionPage page(List<Status> statuses, RateLimit rate) throws XApiException {
        List<Mention> out = new ArrayList<>(statuses.size());
        long oldest = Long.MAX_VALUE;
        for (Status s : statuses) {
            if (s.getId() <= 0) {
                // twitter4j reads a post without an id (a damaged answer) as -1; paging on from it would be nonsense
                throw new XApiException(XApiException.Kind.TRANSIENT, -1, "malformed response: a post without an id",
                        rate, null);
            }
            out.add(mention(s));
            oldest = Math.min(oldest, s.getId());
        }
        String next = statuses.isEmpty() ? null : Long.toString(oldest - 1);
        return new MentionPage(out, next, rate);
    }

    static Mention mention(Status s) {
        User u = s.getUser();
        String text = expanded(s);
        if (s.getRetweetedStatus() != null && s.getRetweetedStatus().getUser() != null) {
            // A retweet's own full_text is cut at 140; the original carries all of it.
            text = "RT @" + s.getRetweetedStatus().getUser().getScreenName() + ": " + expanded(s.getRetweetedStatus());
        }
        String handle = u != null && u.getScreenName() != null ? u.getScreenName() : "id:unknown";
        Instant created = s.getCreatedAt() != null ? s.getCreatedAt().toInstant() : Twitter4j.snowflakeTime(s.getId());
        // conversation id means what v2 means by it: the id of the conversation's first post. v1.1 only names the
        // post replied to, which is the first post only for a direct reply; storing it would file a deep reply under
        // its parent. So a post that replies to nothing roots its own conversation, and a reply's is left unknown.
        String conversation = s.getInReplyToStatusId() > 0 ? null : Long.toString(s.getId());
        return new Mention("x", Long.toString(s.getId()), created, Twitter4j.limit(Twitter4j.clean(handle), 100),
                Twitter4j.limit(Twitter4j.clean(u == null ? null : u.getName()), 400), Twitter4j.limit(s.getLang(), 16),
                Twitter4j.clean(text == null ? "" : text), conversation, null, null);
    }

    /** The text with each t.co link put back as the link its author wrote (entities.urls), as v2 mentions are. */
    private static String expanded(Status s) {
        String text = s.getText();
        if (text == null || s.getURLEntities() == null) {
            return text;
        }
        for (URLEntity u : s.getURLEntities()) {
            if (u.getURL() != null && !u.getURL().isEmpty() && u.getExpandedURL() != null
                    && !u.getExpandedURL().isEmpty()) {
                text = text.replace(u.getURL(), u.getExpandedURL());
            }
        }
        return text;
    }

    @Override
    public Posted post(String text, String inReplyToId) throws XApiException {
        try {
            StatusUpdate update = new StatusUpdate(text);
            if (inReplyToId != null) {
                update.setInReplyToStatusId(Long.parseLong(inReplyToId));
            }
            Status s = twitter.updateStatus(update);
            rates.seen(Endpoint.POST, s.getRateLimitStatus());
            return posted(s);
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.POST, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    @Override
    public List<Posted> recentPosts(XAccount account, int max) throws XApiException {
        try {
            ResponseList<Status> list = twitter.getUserTimeline(new Paging().count(Math.max(1, Math.min(200, max))));
            rates.seen(Endpoint.OWN_POSTS, list.getRateLimitStatus());
            List<Posted> out = new ArrayList<>();
            for (Status s : list) {
                if (out.size() >= max) {
                    break;
                }
                out.add(posted(s));
            }
            return out;
        } catch (TwitterException e) {
            throw rates.failed(Endpoint.OWN_POSTS, e);
        } catch (RuntimeException e) {
            throw Twitter4j.unreadable(e);
        }
    }

    private Posted posted(Status s) {
        String id = Long.toString(s.getId());
        String handle = s.getUser() == null ? null : s.getUser().getScreenName();
        Instant at = s.getCreatedAt() != null ? s.getCreatedAt().toInstant() : clock.instant();
        String text = s.getText();
        // X wraps every link in t.co; put the links back so a notice can be recognised by its own text.
        if (text != null && s.getURLEntities() != null) {
            for (twitter4j.URLEntity u : s.getURLEntities()) {
                if (u.getURL() != null && u.getExpandedURL() != null && !u.getExpandedURL().isEmpty()) {
                    text = text.replace(u.getURL(), u.getExpandedURL());
                }
            }
        }
        return new Posted(id, text, at,
                handle != null ? "https://x.com/" + handle + "/status/" + id : "https://x.com/i/status/" + id);
    }

    @Override
    public RateLimit rate(Endpoint endpoint) {
        return rates.get(endpoint);
    }

}
