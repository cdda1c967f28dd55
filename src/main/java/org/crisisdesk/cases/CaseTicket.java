package org.crisisdesk.cases;

import java.time.Instant;

/**
 * A case in the ticket queue: one row per mention.
 *
 * @param attempts create attempts so far; above zero, the helpdesk is asked (by external id) before another create
 * @param sentBy API, or RECONCILED when an interrupted attempt's ticket was found by its external id
 * @param nextAttemptAt, sendingStartedAt real (wall-clock) times, also in the demo
 */
public record CaseTicket(long id, long mentionPk, State state, String externalId, String connector, int attempts,
        String ticketId, String ticketNumber, String ticketUrl, String sentBy, FailureKind failureKind, String failure,
        Instant nextAttemptAt, Instant sendingStartedAt, String queuedBy, Instant createdAt, Instant updatedAt,
        Instant sentAt) {

    public enum State {
        QUEUED,
        SENDING,
        SENT,
        FAILED
    }

    public enum FailureKind {
        AUTH,
        REJECTED,
        RATE_LIMITED,
        TRANSIENT,
        NOT_CONFIGURED,
        /** Interrupted mid-send and the helpdesk could not be asked: a person checks before it is sent again. */
        UNCERTAIN
    }

    public boolean sent() {
        return state == State.SENT;
    }

    public boolean mayExist() {
        return attempts > 0;
    }
}
