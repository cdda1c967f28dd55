package org.crisisdesk.notice;

import java.time.Instant;
import java.util.List;

/**
 * Posts a notice's text to the account and looks back at what the account posted. Implemented by the X adapter
 * (twitter4j, v2 or v1.1); the outbox never talks HTTP itself. Implementations block: call off the FX thread.
 */
public interface Publisher {
    /** Whether credentials are configured; when false the outbox runs in "not connected" mode. */
    boolean connected();

    /** Posts {@code text}; optionally as a reply to {@code inReplyToId} (for numbered threads). */
    Posted post(String text, String inReplyToId) throws PublishException;

    /** The account's own most recent posts, newest first, used to reconcile a notice left in POSTING. */
    List<Posted> recentPosts(int max) throws PublishException;

    /** A post on the platform. */
    record Posted(String id, String text, Instant createdAt, String url) {}

    /** Why a post did not go out. */
    final class PublishException extends Exception {
        private static final long serialVersionUID = 1L;

        public enum Kind {
            /** The platform already has this exact text (X: 403 duplicate content, v1.1 code 187). */
            DUPLICATE,
            /** 401/403: credentials revoked or missing permission; do not retry. */
            CREDENTIALS,
            /** 429: wait until {@link #retryAt()}. */
            RATE_LIMITED,
            /** 5xx, timeout, connection reset: the post may or may not have gone out. */
            TRANSIENT,
            /** Anything else the platform refused (too long, invalid); do not retry. */
            REJECTED
        }

        private final Kind kind;
        private final Instant retryAt;

        public PublishException(Kind kind, String message, Instant retryAt, Throwable cause) {
            super(message, cause);
            this.kind = kind;
            this.retryAt = retryAt;
        }

        public Kind kind() {
            return kind;
        }

        public Instant retryAt() {
            return retryAt;
        }
    }
}
