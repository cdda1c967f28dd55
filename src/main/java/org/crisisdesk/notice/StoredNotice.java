package org.crisisdesk.notice;

import java.time.Instant;
import java.util.List;

/**
 * A notice as the outbox keeps it.
 *
 * @param parts the text as posted: one part, or the numbered parts of a thread, each with its platform id once out
 * @param attempts post attempts so far; above zero, the platform is checked before any further attempt
 * @param failureKind why it is FAILED, or why the last attempt did not go through (QUEUED for a retry)
 * @param postedBy API, RECONCILED or MANUAL once POSTED
 * @param nextAttemptAt, postingStartedAt, wallCreatedAt real (wall-clock) times, also in the demo
 * @param author the person who wrote and queued it (issue 22), or null for a notice from before people were known
 */
public record StoredNotice(long id, Notice notice, NoticeState state, List<Part> parts, int attempts,
        String idempotencyKey, String platformId, String platformUrl, FailureKind failureKind, String failure,
        Instant nextAttemptAt, Instant postingStartedAt, String postedBy, String templateName, Instant createdAt,
        Instant updatedAt, Instant postedAt, Instant wallCreatedAt, String author) {

    /** A notice without a known author. */
    public StoredNotice(long id, Notice notice, NoticeState state, List<Part> parts, int attempts,
            String idempotencyKey, String platformId, String platformUrl, FailureKind failureKind, String failure,
            Instant nextAttemptAt, Instant postingStartedAt, String postedBy, String templateName, Instant createdAt,
            Instant updatedAt, Instant postedAt, Instant wallCreatedAt) {
        this(id, notice, state, parts, attempts, idempotencyKey, platformId, platformUrl, failureKind, failure,
                nextAttemptAt, postingStartedAt, postedBy, templateName, createdAt, updatedAt, postedAt,
                wallCreatedAt, null);
    }

    public enum FailureKind {
        DUPLICATE,
        CREDENTIALS,
        RATE_LIMITED,
        TRANSIENT,
        REJECTED,
        /** No publisher or no credentials: the text was kept for posting by hand. */
        NOT_CONNECTED,
        /** The desk stopped while posting and the platform could not be checked. */
        UNCERTAIN,
        CANCELLED,
        /** A second person sent it back with a comment ({@link ApprovalStore}): never posted; the author writes anew. */
        SENT_BACK
    }

    /** One post of the notice (the only one, or one of a thread). */
    public record Part(int no, String text, String platformId, String platformUrl, Instant postedAt) {
        public boolean posted() {
            return platformId != null || platformUrl != null;
        }
    }

    public boolean thread() {
        return parts.size() > 1;
    }

    /** Whether posting it again might post it twice: some attempt may have reached the platform. */
    public boolean mayBeOut() {
        return attempts > 0 || parts.stream().anyMatch(Part::posted);
    }

    public List<String> partTexts() {
        return parts.stream().map(Part::text).toList();
    }
}
