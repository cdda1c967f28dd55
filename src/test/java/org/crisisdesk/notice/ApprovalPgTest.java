package org.crisisdesk.notice;

import org.crisisdesk.testing.OnPostgres;

/** {@link ApprovalTest} on a PostgreSQL team database. */
@OnPostgres
class ApprovalPgTest extends ApprovalTest {}
