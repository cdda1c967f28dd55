package org.crisisdesk.cases;

import java.time.Instant;

/** Why a helpdesk call did not give a ticket: the kind decides what the queue does, the message is the service's own. */
public final class TicketException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** 401/403: wrong or revoked token, or no permission. Not retried; the rest of the queue waits too. */
        AUTH,
        /** 400/404/422 and the like: the service refused this case as it is. Not retried. */
        REJECTED,
        /** 429: wait until {@link #retryAt()} (the service's Retry-After) before any further call. */
        RATE_LIMITED,
        /** 5xx, 409 (same key in progress), timeout, connection refused or reset: the ticket may or may not exist. */
        TRANSIENT,
        /** No connector, or one without its URL or token. */
        NOT_CONFIGURED
    }

    private final Kind kind;
    private final int status;
    private final Instant retryAt;

    public TicketException(Kind kind, int status, String message, Instant retryAt, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAt = retryAt;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
