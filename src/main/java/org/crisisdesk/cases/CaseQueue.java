package org.crisisdesk.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.crisisdesk.cases.CaseTicket.FailureKind;
import org.crisisdesk.cases.CaseTicket.State;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.triage.Category;
import org.crisisdesk.triage.CategoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends customer-centre cases to the helpdesk as tickets, exactly one ticket per case. The notice outbox's rules,
 * for tickets:
 * <ol>
 *   <li>A case is stored QUEUED (one row per mention, with a stable external id) before anything is sent.
 *   <li>Before the HTTP call the row is SENDING with the attempt counted, on disk. A kill after that leaves a trace.
 *   <li>A case that may already have a ticket (attempts above zero) is first looked up by its external id where the
 *       helpdesk allows it (Zendesk, Zammad); found means SENT with that ticket, never created again. The create
 *       itself carries the key as {@code Idempotency-Key} (Zendesk, webhook).
 *   <li>5xx, timeouts and resets are looked up the same way, then retried with backoff; 429 waits for the service's
 *       Retry-After and pauses the whole round; 401/403 stop (the rest wait for new credentials); 4xx refusals stop
 *       that case. A stopped case shows the service's own error words.
 *   <li>A row found SENDING with no call in flight (the desk was killed mid-send) is reconciled before any retry.
 *   <li>Creates are paced: at least {@code pace} between two calls.
 * </ol>
 * Its times are real (wall-clock) times. Blocking: never on the FX thread; the desk runs it on one executor.
 */
public final class CaseQueue {
    private static final Logger log = LoggerFactory.getLogger(CaseQueue.class);
    public static final int MAX_ATTEMPTS = 6;

    /** Waits between two creates (the pace); tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public record Outcome(Kind kind, CaseTicket ticket, String message) {
        public enum Kind {
            SENT,
            ALREADY_SENT,
            RETRY_SCHEDULED,
            FAILED,
            NOT_CONFIGURED,
            IN_PROGRESS
        }

        public boolean sent() {
            return kind == Kind.SENT || kind == Kind.ALREADY_SENT;
        }
    }

    private final CaseStore store;
    private final MentionStore mentions;
    private final CategoryStore categories;
    private final Supplier<TicketConnector> connector;
    private final Clock wall;
    private final Duration inflightTimeout;
    private final Duration firstBackoff;
    private final Duration pace;
    private final Sleeper sleeper;
    private volatile Instant pausedUntil = Instant.MIN;
    private Instant lastCall = Instant.MIN;

    public CaseQueue(CaseStore store, MentionStore mentions, CategoryStore categories,
            Supplier<TicketConnector> connector, Clock wall, Duration inflightTimeout, Duration firstBackoff,
            Duration pace, Sleeper sleeper) {
        this.store = store;
        this.mentions = mentions;
        this.categories = categories;
        this.connector = connector;
        this.wall = wall;
        this.inflightTimeout = inflightTimeout;
        this.firstBackoff = firstBackoff;
        this.pace = pace;
        this.sleeper = sleeper;
    }

    /** Defaults: a call is surely over after 120 s (10 s connect + 30 s answer, with margin); retries from 30 s. */
    public CaseQueue(CaseStore store, MentionStore mentions, CategoryStore categories,
            Supplier<TicketConnector> connector, Clock wall, Duration pace) {
        this(store, mentions, categories, connector, wall, Duration.ofSeconds(120), Duration.ofSeconds(30), pace,
                d -> Thread.sleep(d.toMillis()));
    }

    public CaseStore store() {
        return store;
    }

    public boolean configured() {
        return connector.get() != null;
    }

    /** Queues the cases (a case already queued or sent stays as it is). */
    public List<CaseTicket> queue(Collection<Long> mentionPks, String actor) {
        List<CaseTicket> out = new ArrayList<>();
        for (long pk : mentionPks) {
            StoredMention m = mentions.find(pk).orElseThrow(() -> new IllegalArgumentException("No mention #" + pk));
            out.add(store.enqueue(pk, CasePayload.externalIdFor(m.mention()), actor));
        }
        return out;
    }

    /** Queues every customer-centre case never queued nor handed over by file. */
    public List<CaseTicket> queueAllUnsent(String actor) {
        return queue(store.unqueuedCases(), actor);
    }

    /** Sends one case now (QUEUED or FAILED), following the rules above. */
    public Outcome send(long id) {
        CaseTicket t = load(id);
        switch (t.state()) {
            case SENT:
                return new Outcome(Outcome.Kind.ALREADY_SENT, t, "Already sent: ticket " + t.ticketNumber());
            case SENDING:
                return new Outcome(Outcome.Kind.IN_PROGRESS, t, "Being sent right now.");
            default:
                break;
        }
        TicketConnector conn = connector.get();
        if (conn == null) {
            store.requeue(id, null, FailureKind.NOT_CONFIGURED, "No customer-centre connector is configured (Settings"
                    + " → Customer centre). The case stays queued.");
            return new Outcome(Outcome.Kind.NOT_CONFIGURED, load(id), "No connector configured.");
        }
        Optional<CasePayload> payload = payload(t);
        if (payload.isEmpty()) {
            store.fail(id, FailureKind.REJECTED, "The mention is no longer in the database.");
            return new Outcome(Outcome.Kind.FAILED, load(id), "Mention missing.");
        }
        if (t.mayExist() && conn.canLookUp()) {
            try {
                Optional<Ticket> found = conn.find(payload.get());
                if (found.isPresent()) {
                    return sent(t, conn, found.get(), "RECONCILED", "Found the ticket an earlier attempt made.");
                }
            } catch (TicketException e) {
                return notAsked(t, e);
            }
        }
        if (!store.claim(id, t.state(), conn.name())) {
            return new Outcome(Outcome.Kind.IN_PROGRESS, load(id), "Changed meanwhile; not sent by this call.");
        }
        paceCalls();
        Ticket ticket;
        try {
            ticket = conn.create(payload.get());
        } catch (TicketException e) {
            return afterFailure(load(id), conn, payload.get(), e);
        } catch (RuntimeException e) {
            log.warn("Connector {} failed unexpectedly on case #{}", conn.name(), id, e);
            return afterFailure(load(id), conn, payload.get(), new TicketException(TicketException.Kind.TRANSIENT, 0,
                    String.valueOf(e.getMessage()), null, e));
        }
        return sent(load(id), conn, ticket, "API", "Sent.");
    }

    private Outcome sent(CaseTicket t, TicketConnector conn, Ticket ticket, String by, String message) {
        store.markSent(t.id(), conn.name(), ticket, by);
        log.info("Case #{} is ticket {} in {} ({})", t.id(), ticket.number(), conn.name(), by);
        return new Outcome(Outcome.Kind.SENT, load(t.id()), message);
    }

    private Outcome afterFailure(CaseTicket t, TicketConnector conn, CasePayload p, TicketException e) {
        String why = e.getMessage();
        switch (e.kind()) {
            case TRANSIENT -> {
                boolean asked = true;
                if (conn.canLookUp()) {
                    try {
                        Optional<Ticket> found = conn.find(p);
                        if (found.isPresent()) {
                            return sent(t, conn, found.get(), "RECONCILED", "The ticket was made before the error.");
                        }
                    } catch (TicketException lookup) {
                        asked = false;
                    }
                }
                if (t.attempts() >= MAX_ATTEMPTS) {
                    store.fail(t.id(), FailureKind.TRANSIENT, "Gave up after " + t.attempts() + " attempts: " + why);
                    return new Outcome(Outcome.Kind.FAILED, load(t.id()), "Gave up.");
                }
                Instant next = e.retryAt() != null ? e.retryAt() : wall.instant().plus(backoff(t.attempts()));
                store.requeue(t.id(), next, asked ? FailureKind.TRANSIENT : FailureKind.UNCERTAIN, why);
                return new Outcome(Outcome.Kind.RETRY_SCHEDULED, load(t.id()), why);
            }
            case RATE_LIMITED -> {
                Instant next = e.retryAt() != null ? e.retryAt() : wall.instant().plus(backoff(t.attempts()));
                pausedUntil = next;
                store.requeue(t.id(), next, FailureKind.RATE_LIMITED, why + " (waiting until " + next + ")");
                return new Outcome(Outcome.Kind.RETRY_SCHEDULED, load(t.id()), why);
            }
            case AUTH -> store.fail(t.id(), FailureKind.AUTH, why);
            case NOT_CONFIGURED -> store.fail(t.id(), FailureKind.NOT_CONFIGURED, why);
            default -> store.fail(t.id(), FailureKind.REJECTED, why);
        }
        return new Outcome(Outcome.Kind.FAILED, load(t.id()), why);
    }

    /** The helpdesk could not be asked whether the ticket exists: nothing was created by this call. */
    private Outcome notAsked(CaseTicket t, TicketException e) {
        if (e.kind() == TicketException.Kind.AUTH) {
            store.fail(t.id(), FailureKind.AUTH, e.getMessage());
            return new Outcome(Outcome.Kind.FAILED, load(t.id()), e.getMessage());
        }
        Instant next = e.retryAt() != null ? e.retryAt() : wall.instant().plus(backoff(Math.max(1, t.attempts())));
        if (e.kind() == TicketException.Kind.RATE_LIMITED) {
            pausedUntil = next;
        }
        store.requeue(t.id(), next, FailureKind.UNCERTAIN, "Could not look the case up before sending it again: "
                + e.getMessage());
        return new Outcome(Outcome.Kind.RETRY_SCHEDULED, load(t.id()), e.getMessage());
    }

    /**
     * Rows left SENDING with no call in flight: found by external id means SENT; not found (or a helpdesk that
     * cannot be asked: the webhook dedupes on the key) means QUEUED for a new attempt.
     */
    public List<Outcome> recover() {
        List<Outcome> out = new ArrayList<>();
        for (long id : store.staleSending(wall.instant().minus(inflightTimeout))) {
            CaseTicket t = load(id);
            TicketConnector conn = connector.get();
            if (conn == null) {
                store.fail(id, FailureKind.UNCERTAIN, "Sending was interrupted and no connector is configured to "
                        + "check: look in the helpdesk for " + t.externalId() + " before sending it again.");
                out.add(new Outcome(Outcome.Kind.NOT_CONFIGURED, load(id), "Interrupted; cannot check."));
                continue;
            }
            Optional<CasePayload> p = payload(t);
            if (conn.canLookUp() && p.isPresent()) {
                try {
                    Optional<Ticket> found = conn.find(p.get());
                    if (found.isPresent()) {
                        out.add(sent(t, conn, found.get(), "RECONCILED", "Interrupted, but the ticket exists."));
                        continue;
                    }
                } catch (TicketException e) {
                    if (e.kind() == TicketException.Kind.AUTH) {
                        store.fail(id, FailureKind.AUTH, e.getMessage());
                        out.add(new Outcome(Outcome.Kind.FAILED, load(id), e.getMessage()));
                    }
                    continue; // stays SENDING: asked again next round
                }
            }
            store.requeue(id, wall.instant(), FailureKind.UNCERTAIN, "Sending was interrupted"
                    + (conn.canLookUp() ? " and no ticket has its external id: sending again."
                            : ": sending again with the same idempotency key."));
            out.add(new Outcome(Outcome.Kind.RETRY_SCHEDULED, load(id), "Interrupted; sending again."));
        }
        return out;
    }

    /** {@link #recover()}, then every due QUEUED case, paced; stops at a 429 or a 401/403. */
    public List<Outcome> processDue() {
        List<Outcome> out = new ArrayList<>(recover());
        if (!configured()) {
            return out;
        }
        for (long id : store.due(wall.instant())) {
            if (wall.instant().isBefore(pausedUntil)) {
                break;
            }
            Outcome o = send(id);
            out.add(o);
            FailureKind k = o.ticket().failureKind();
            if (o.kind() == Outcome.Kind.FAILED && k == FailureKind.AUTH) {
                break; // the helpdesk refuses us: the rest stay queued until the credentials are fixed
            }
        }
        return out;
    }

    /** Queues and sends these cases now, in order and paced (the CLI and the desk's "send as ticket"). */
    public List<Outcome> sendNow(Collection<Long> mentionPks, String actor) {
        List<Outcome> out = new ArrayList<>();
        for (CaseTicket t : queue(mentionPks, actor)) {
            if (wall.instant().isBefore(pausedUntil) && !t.sent()) {
                out.add(new Outcome(Outcome.Kind.RETRY_SCHEDULED, t, "Rate limited: waiting until " + pausedUntil));
                continue;
            }
            out.add(send(t.id()));
        }
        return out;
    }

    /** A FAILED case sent again by a person. */
    public Outcome retry(long id) {
        CaseTicket t = load(id);
        if (t.state() == State.FAILED) {
            store.retry(id);
        }
        return send(id);
    }

    private void paceCalls() {
        Instant now = wall.instant();
        Instant earliest = lastCall.plus(pace);
        if (lastCall != Instant.MIN && now.isBefore(earliest)) {
            try {
                sleeper.sleep(Duration.between(now, earliest));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastCall = wall.instant();
    }

    private Optional<CasePayload> payload(CaseTicket t) {
        return mentions.find(t.mentionPk()).map(m -> CasePayload.of(m, m.categoryId() == null ? null
                : categories.byId(m.categoryId()).map(Category::name).orElse(null)));
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(10, Math.max(0, attempts - 1));
        Duration d = firstBackoff.multipliedBy(factor);
        Duration cap = Duration.ofMinutes(10);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private CaseTicket load(long id) {
        return store.find(id).orElseThrow(() -> new IllegalArgumentException("No case #" + id));
    }
}
