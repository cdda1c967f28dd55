package org.crisisdesk.cases;

import java.util.Optional;

/**
 * One helpdesk: creates a ticket for a case and, where the service allows, finds the ticket made for a case earlier
 * (by its external id), so an interrupted attempt is never repeated as a second ticket. Implementations block on
 * HTTP: call off the FX thread. Thread-safe.
 */
public interface TicketConnector {
    /** WEBHOOK, ZENDESK or ZAMMAD. */
    String name();

    /** Whether {@link #find} can answer; when false a retry relies on the request's idempotency key alone. */
    boolean canLookUp();

    /** The ticket made earlier for {@code c}, if any. Empty when none, or when {@link #canLookUp()} is false. */
    Optional<Ticket> find(CasePayload c) throws TicketException;

    /** Creates the ticket, sending {@code c.externalId()} as the idempotency key where the service takes one. */
    Ticket create(CasePayload c) throws TicketException;
}
