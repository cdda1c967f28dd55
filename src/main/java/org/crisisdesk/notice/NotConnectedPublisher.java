package org.crisisdesk.notice;

import java.util.List;

/** The publisher when no X account is connected: the outbox keeps notices for posting by hand. */
public final class NotConnectedPublisher implements Publisher {
    public static final NotConnectedPublisher INSTANCE = new NotConnectedPublisher();

    private NotConnectedPublisher() {}

    @Override
    public boolean connected() {
        return false;
    }

    @Override
    public Posted post(String text, String inReplyToId) throws PublishException {
        throw new PublishException(PublishException.Kind.CREDENTIALS, "No X account is connected", null, null);
    }

    @Override
    public List<Posted> recentPosts(int max) throws PublishException {
        throw new PublishException(PublishException.Kind.CREDENTIALS, "No X account is connected", null, null);
    }
}
