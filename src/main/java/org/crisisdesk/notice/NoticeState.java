package org.crisisdesk.notice;

/** Where a notice is in the outbox. Only {@link #POSTING} means "an HTTP call may be in flight". */
public enum NoticeState {
    DRAFT,
    QUEUED,
    POSTING,
    POSTED,
    FAILED
}
