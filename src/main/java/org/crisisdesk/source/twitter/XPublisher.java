package org.crisisdesk.source.twitter;

import java.time.Clock;
import java.util.List;
import org.crisisdesk.notice.Publisher;

/**
 * Posts notices to the connected account: v2 {@code POST /2/tweets} (threads through
 * {@code reply.in_reply_to_tweet_id}) or v1.1 {@code statuses/update}. Blocks on HTTP; calls are serialized because a
 * twitter4j client is not thread-safe.
 */
public final class XPublisher implements Publisher {
    private final XSettings settings;
    private final XClient client;
    private XAccount account;

    public XPublisher(XSettings settings, XClient client) {
        this.settings = settings;
        this.client = client;
    }

    public static XPublisher create(XSettings settings, Clock clock) {
        return new XPublisher(settings, settings.connected() ? XClient.create(settings, clock) : null);
    }

    @Override
    public boolean connected() {
        return settings.connected() && client != null;
    }

    @Override
    public synchronized Posted post(String text, String inReplyToId) throws PublishException {
        requireConnected();
        try {
            return client.post(text, inReplyToId);
        } catch (XApiException e) {
            throw translate(e);
        }
    }

    @Override
    public synchronized List<Posted> recentPosts(int max) throws PublishException {
        requireConnected();
        try {
            if (account == null) {
                account = client.verify();
            }
            return client.recentPosts(account, max);
        } catch (XApiException e) {
            throw translate(e);
        }
    }

    private void requireConnected() throws PublishException {
        if (!connected()) {
            throw new PublishException(PublishException.Kind.CREDENTIALS, "No X account is connected", null, null);
        }
    }

    static PublishException translate(XApiException e) {
        PublishException.Kind kind;
        switch (e.kind()) {
            case DUPLICATE:
                kind = PublishException.Kind.DUPLICATE;
                break;
            case CREDENTIALS:
                kind = PublishException.Kind.CREDENTIALS;
                break;
            case RATE_LIMITED:
                kind = PublishException.Kind.RATE_LIMITED;
                break;
            case TRANSIENT:
                kind = PublishException.Kind.TRANSIENT;
                break;
            default:
                kind = PublishException.Kind.REJECTED;
        }
        return new PublishException(kind, e.getMessage(), e.retryAt(), e);
    }
}
