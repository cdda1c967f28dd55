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
        /**
         * 401 (keys wrong, expired or revoked), or a 403 about the app's own permissions (e.g. read-only keys asked to
         * post): new or corrected keys help.
         */
        CREDENTIALS,
        /**
         * 403 {@code client-not-enrolled} (v2) or code 453 (v1.1): the keys are fine but the project's access level
         * does not include {@link #endpoint()}. New keys will not help; another access level (or v2) will.
         */
        ACCESS_LEVEL,
        /** 429 {@code usage-capped}: the project's monthly post cap is used up until its billing day. */
        USAGE_CAPPED,
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
    private final String endpoint;

    public XApiException(Kind kind, int httpStatus, String message, RateLimit rate, Throwable cause) {
        this(kind, httpStatus, message, rate, cause, null);
    }

    public XApiException(Kind kind, int httpStatus, String message, RateLimit rate, Throwable cause, String endpoint) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.rate = rate;
        this.endpoint = endpoint;
    }

    /** The endpoint the refused call went to, as X names it (e.g. {@code GET /2/tweets/search/recent}), or null. */
    public String endpoint() {
        return endpoint;
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

    /**
     * For a 429 rate limit: when the 15-minute window resets, if the response said; else null. Null for a usage cap:
     * its rate headers describe the 15-minute window, not the monthly cap, which X does not date in the answer.
     */
    public Instant retryAt() {
        return kind == Kind.RATE_LIMITED && rate != null ? rate.reset() : null;
    }
}
