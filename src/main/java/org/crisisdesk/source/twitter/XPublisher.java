package org.crisisdesk.source.twitter;

import java.time.Clock;
import java.util.List;
import org.crisisdesk.notice.Publisher;

/**
 * Posts notices to the connected account: v2 {@code POST /2/tweets} (threads through
 * {@code reply.in_reply_to_tweet_id}) or v1.1 {@code statuses/update}. Blocks on HTTP; calls are serialized because a
 * twitter4j client is not thread-safe.
 *
 * <p>For the outbox: {@code DUPLICATE} (v2 403 "duplicate content", v1.1 code 187) means X already has this text;
 * {@code TRANSIENT} (5xx, timeout, connection reset, unreadable answer) means the post may or may not be out, so
 * reconcile with {@link #recentPosts} before retrying; there each post's text is the full text (note_tweet /
 * full_text) with X's t.co links put back to the URLs that were posted, so it compares equal to the notice's text.
 */
public final class XPublisher implements Publisher {
    private final XSettings settings;
    private final XClient client;
    private XAccount account;

    public XPublisher(XSettings settings, XClient client) {
        this.settings = settings;
        this.client = client;
    }

    /** The publisher for the app home's twitter4j.properties; not connected when the keys are missing or unusable. */
    public static XPublisher forHome(java.nio.file.Path home, Clock clock) {
        return forHome(home, clock, org.crisisdesk.usage.UsageRecorder.NONE);
    }

    /** As {@link #forHome(java.nio.file.Path, Clock)}, counting every post created (and read) for the usage meter. */
    public static XPublisher forHome(java.nio.file.Path home, Clock clock, org.crisisdesk.usage.UsageRecorder usage) {
        XSettings settings;
        try {
            settings = TwitterProperties.load(home);
        } catch (java.io.IOException | IllegalArgumentException e) {
            settings = XSettings.of(XCredentials.NONE);
        }
        return create(settings, clock, usage);
    }

    public static XPublisher create(XSettings settings, Clock clock) {
        return create(settings, clock, org.crisisdesk.usage.UsageRecorder.NONE);
    }

    /** A publisher that reports each post it creates to {@code usage} (the usage meter). */
    public static XPublisher create(XSettings settings, Clock clock, org.crisisdesk.usage.UsageRecorder usage) {
        return new XPublisher(settings, settings.connected() ? XClient.create(settings, clock, usage) : null);
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
            case ACCESS_LEVEL: // retrying will not help; the message names the endpoint and the access level
                kind = PublishException.Kind.CREDENTIALS;
                break;
            case RATE_LIMITED:
            case USAGE_CAPPED:
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
