package org.crisisdesk.source.twitter;

import java.time.Instant;

/**
 * A call to X that did not succeed, classified by what the caller should do about it. The message is the API's own
 * explanation where it gave one, and never carries a credential.
 */
public final class XApiException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** 429: wait until {@link #retryAt()}. */
        RATE_LIMITED,
        /** 401, or 403 other than a duplicate: the keys were refused or lack a permission. */
        CREDENTIALS,
        /** Posting: X already has this exact text (v2 403 "duplicate content", v1.1 code 187). */
        DUPLICATE,
        /** 5xx, timeout, connection trouble, malformed JSON: retry later with back-off. */
        TRANSIENT,
        /** Anything else the API refused (400, 404, …): retrying the same request will not help. */
        REJECTED
    }

    private final Kind kind;
    private final int httpStatus;
    private final transient RateLimit rate;

    public XApiException(Kind kind, int httpStatus, String message, RateLimit rate, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.rate = rate;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or -1 when no response was read (timeout, connection refused, malformed body). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The rate-limit headers of the failed response, or null. */
    public RateLimit rate() {
        return rate;
    }

    /** For a 429: when the window resets, if the response said; else null. */
    public Instant retryAt() {
        return kind == Kind.RATE_LIMITED && rate != null ? rate.reset() : null;
    }
}
