package org.crisisdesk.notice;

/** Where a notice is in the outbox. Only {@link #POSTING} means "an HTTP call may be in flight". */
public enum NoticeState {
    DRAFT,
    /** Queued by its author, waiting for a second person ({@link ApprovalStore}); never sent in this state. */
    AWAITING_APPROVAL,
    QUEUED,
    POSTING,
    POSTED,
    FAILED
}
